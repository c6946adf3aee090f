import type { PartialDate, ShowContext, SourceWork } from './model';
import { yearOf } from './format';
import { t } from './i18n/t';

export interface TimelineEntry {
  date: PartialDate;
  year: number;
  label: string;
  kind: 'event' | 'work' | 'release';
}

const WORK_LABEL: Record<SourceWork['kind'], () => string> = {
  article: () => t('panel_timeline_article'),
  book: () => t('panel_timeline_book'),
  podcast: () => t('panel_timeline_podcast'),
  documentary: () => t('panel_timeline_documentary'),
  other: () => t('panel_timeline_other'),
};

function releaseLabel(kind: ShowContext['kind']): string {
  if (kind === 'film') return t('panel_timeline_film');
  return kind === 'miniseries' ? t('panel_timeline_miniseries') : t('panel_timeline_series');
}

/**
 * The story's dates in order, derived from the facts already in the context (the events, the
 * works and the show's premiere), so the picture can never disagree with the text. Labels are in
 * the reader's language; the events' names come as the context gives them (already localised).
 */
export function buildTimeline(context: ShowContext): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of context.events) {
    if (event.start) entries.push({ date: event.start, year: yearOf(event.start), label: event.name, kind: 'event' });
  }
  for (const work of context.basedOn) {
    if (!work.published) continue;
    const label = work.outlet ? `${WORK_LABEL[work.kind]()} (${work.outlet})` : WORK_LABEL[work.kind]();
    entries.push({ date: work.published, year: yearOf(work.published), label, kind: 'work' });
  }
  const released = context.premiered ?? (context.year ? String(context.year) : undefined);
  if (released) {
    entries.push({ date: released, year: yearOf(released), label: releaseLabel(context.kind), kind: 'release' });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}
