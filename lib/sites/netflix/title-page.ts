/**
 * The logged-out `/title/ID` page: the nmtitle page (about 2019–2023, with JSON-LD) and the LODP
 * page (2025–2026, maybe without). The ID always comes from the URL; the page also lists episodes,
 * More Like This and Trending Now, none of which name this title.
 */
import type { ShowKind } from '../../model';
import type { FocusSighting, PanelAnchor } from '../types';
import { allIncluded, firstIncluded, firstValue } from './dom';
import { titleLinkedData } from './json-ld';
import {
  TITLE_PAGE_LODP_METADATA,
  TITLE_PAGE_LODP_METADATA_ITEMS,
  TITLE_PAGE_LODP_TITLE,
  TITLE_PAGE_NMTITLE_HERO,
  TITLE_PAGE_NMTITLE_RUNTIME,
  TITLE_PAGE_NMTITLE_TITLE,
  TITLE_PAGE_NMTITLE_YEAR,
  TITLE_PAGE_OG_TITLE,
} from './selectors';
import { netflixSighting } from './sighting';
import { cleanTitle, kindFromDuration, titleFromTitlePageTabTitle, yearFrom } from './text';

export function titlePageFocus(doc: Document, siteId: string): FocusSighting | null {
  const anchor = titlePageAnchor(doc);
  if (!anchor) return null;
  const linkedData = titleLinkedData(doc);
  const sighting = netflixSighting('title-page', {
    siteId,
    title: linkedData?.title ?? tabTitle(doc) ?? headingTitle(doc),
    year: linkedData?.year ?? visibleYear(doc),
    kind: refineKind(linkedData?.kind, metadataKind(doc)),
  });
  return { sighting, anchor };
}

function tabTitle(doc: Document): string | undefined {
  const ogTitle = doc.querySelector(TITLE_PAGE_OG_TITLE)?.getAttribute('content');
  return (ogTitle ? titleFromTitlePageTabTitle(ogTitle) : undefined) ?? titleFromTitlePageTabTitle(doc.title);
}

function headingTitle(doc: Document): string | undefined {
  const text = (element: Element) => cleanTitle(element.textContent);
  return firstValue(doc, TITLE_PAGE_NMTITLE_TITLE, text) ?? firstValue(doc, TITLE_PAGE_LODP_TITLE, text);
}

function visibleYear(doc: Document): number | undefined {
  return (
    yearFrom(firstIncluded(doc, TITLE_PAGE_NMTITLE_YEAR)?.textContent) ??
    firstValue(doc, TITLE_PAGE_LODP_METADATA_ITEMS, (item) => {
      const text = cleanTitle(item.textContent);
      return text !== undefined && /^\d{4}$/.test(text) ? yearFrom(text) : undefined;
    })
  );
}

/** "Limited Series", "N Seasons" or "1h 44m": the nmtitle runtime, or an LODP metadata item. */
function metadataKind(doc: Document): ShowKind | undefined {
  return allIncluded(doc, `${TITLE_PAGE_NMTITLE_RUNTIME}, ${TITLE_PAGE_LODP_METADATA_ITEMS}`)
    .map((item) => kindFromDuration(item.textContent))
    .find((kind) => kind !== undefined);
}

/** Schema.org has no miniseries type: a "Limited Series" label refines a TVSeries. */
function refineKind(linkedDataKind: ShowKind | undefined, pageKind: ShowKind | undefined): ShowKind | undefined {
  if (pageKind === 'miniseries' && linkedDataKind !== 'film') return 'miniseries';
  return linkedDataKind ?? pageKind;
}

function titlePageAnchor(doc: Document): PanelAnchor | undefined {
  const after = doc.querySelector(TITLE_PAGE_LODP_METADATA) ?? doc.querySelector(TITLE_PAGE_NMTITLE_HERO);
  if (after) return { element: after, placement: 'after' };
  const body = doc.body ?? doc.documentElement;
  return body ? { element: body, placement: 'overlay' } : undefined;
}
