/** Turning Netflix's visible text into titles, years and kinds. */
import type { ShowKind } from '../../model';

/** The model rejects longer titles; a longer label is not a title anyway. */
const MAX_TITLE_LENGTH = 300;

/** Zero-width and bidi controls: invisible, yet they would break matching. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** Collapses whitespace; undefined when nothing, or something implausibly long, is left. */
export function cleanTitle(raw: string | null | undefined): string | undefined {
  if (raw == null || raw.length > MAX_TITLE_LENGTH * 4) return undefined;
  const title = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return title.length > 0 && title.length <= MAX_TITLE_LENGTH ? title : undefined;
}

/**
 * A card's aria-label as a title. Some labels carry a suffix such as " (Dubbed)"; a title that
 * starts with a parenthesis keeps it, because cutting would leave nothing.
 */
export function titleFromCardLabel(label: string | null): string | undefined {
  const title = cleanTitle(label);
  if (title === undefined) return undefined;
  const cut = title.indexOf(' (');
  return cut > 0 ? cleanTitle(title.slice(0, cut)) : title;
}

/** The open detail modal sets the tab to "<Title> - Netflix"; other pages say "Home - Netflix" or "Netflix". */
export function titleFromModalTabTitle(tabTitle: string): string | undefined {
  const title = cleanTitle(tabTitle.replace(/\s+[-–|]\s+Netflix$/i, ''));
  return title === undefined || isGenericTabTitle(title) ? undefined : title;
}

/** Logged-out title page: "Watch <Title> | Netflix Official Site" or "<Title> | Netflix". */
export function titleFromTitlePageTabTitle(tabTitle: string): string | undefined {
  const title = cleanTitle(
    tabTitle.replace(/^\s*Watch\s+/, '').replace(/\s*[|\-–·]\s*Netflix( Official Site)?\s*$/i, ''),
  );
  return title === undefined || isGenericTabTitle(title) ? undefined : title;
}

function isGenericTabTitle(title: string): boolean {
  return /^(netflix|home)$/i.test(title);
}

/** A four-digit year in the model's range, from text such as "2009" or "2021-03-19". */
export function yearFrom(text: string | null | undefined): number | undefined {
  const match = text == null ? null : /(?<!\d)(\d{4})(?!\d)/.exec(text.slice(0, 200));
  if (!match?.[1]) return undefined;
  const year = Number(match[1]);
  return year >= 1880 && year <= 2100 ? year : undefined;
}

/**
 * Kind from a duration label: "Limited Series"; "2 Seasons", "8 Episodes" or "3 Parts" for
 * series; "1h 36m", "2h" or "45m" for films. English UI only; other labels give undefined.
 */
export function kindFromDuration(text: string | null | undefined): ShowKind | undefined {
  const label = cleanTitle(text);
  if (label === undefined) return undefined;
  if (/^limited series$/i.test(label)) return 'miniseries';
  if (/^\d+\s+(seasons?|episodes?|parts?|volumes?)$/i.test(label)) return 'series';
  if (/^(\d+\s*h(\s*\d+\s*m)?|\d+\s*m)$/i.test(label)) return 'film';
  return undefined;
}

/**
 * Player episode markers: "E3", "S1:E3", "Ep. 3", "Episode 3" and a few localized forms. Their
 * presence means the title beside them is a series, and the text after them is an episode name.
 */
export function isEpisodeMarker(text: string | null | undefined): boolean {
  const label = cleanTitle(text);
  if (label === undefined) return false;
  return (
    /^(S\d+\s*[:.]?\s*)?E\d+$/i.test(label) ||
    /^(Ep\.?|Episode|Épisode|Episodio|Epis[oó]dio|Folge|Aflevering|Afl\.)\s*\d+\b/i.test(label) ||
    /^(第\s*\d+\s*話|\d+\s*화|에피소드\s*\d+)$/.test(label)
  );
}
