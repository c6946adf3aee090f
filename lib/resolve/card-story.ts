import type { CardStory } from '../messaging';
import type { ShowContext } from '../model';
import { t } from '../i18n/t';

/**
 * What a card's badge says about a story, in the browser's language: the work the show is based
 * on (or, failing that, inspired by) and the year the real events began. Only what the story
 * itself says, absent parts stay absent, and never an outcome (no summary, no toll), so the
 * badge needs no spoiler shield.
 */
export function cardStoryOf(context: ShowContext): CardStory {
  return { key: context.key, title: context.title, button: t('badge'), label: t('badge_label', context.title), teaser: teaserOf(context) };
}

/** "Events of 2011 · Based on “Work” (Outlet)": the year first, so a title cut short on screen never takes it away. */
function teaserOf(context: ShowContext): string {
  const work = context.basedOn.find(({ relation }) => relation === 'basis') ?? context.basedOn.find(({ relation }) => relation === 'inspiration');
  const years = context.events.flatMap(({ start }) => (start ? [Number(start.slice(0, 4))] : []));
  const parts: string[] = [];
  if (years.length > 0) parts.push(t('badge_events', Math.min(...years)));
  if (work) {
    const phrase = work.relation === 'inspiration' ? t('badge_inspiration', work.title) : t('badge_basis', work.title);
    const by = work.outlet ?? work.authors[0];
    parts.push((parts.length > 0 ? phrase : capitalised(phrase)) + (by ? ` (${by})` : ''));
  }
  return parts.length > 0 ? parts.join(' · ') : t('badge_any');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
