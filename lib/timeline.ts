import type { PartialDate, ShowContext, SourceWork } from './model';
import { yearOf } from './format';

export interface TimelineEntry {
  date: PartialDate;
  year: number;
  label: string;
  kind: 'event' | 'work' | 'release';
}

const WORK_LABEL: Record<SourceWork['kind'], string> = {
  article: 'Article',
  book: 'Book',
  podcast: 'Podcast',
  documentary: 'Documentary',
  other: 'Work',
};

/**
 * The story's dates in order, derived from the facts already in the context (the events, the
 * works and the show's premiere), so the picture can never disagree with the text.
 */
export function buildTimeline(context: ShowContext): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of context.events) {
    if (event.start) entries.push({ date: event.start, year: yearOf(event.start), label: event.name, kind: 'event' });
  }
  for (const work of context.basedOn) {
    if (!work.published) continue;
    const label = work.outlet ? `${WORK_LABEL[work.kind]} (${work.outlet})` : WORK_LABEL[work.kind];
    entries.push({ date: work.published, year: yearOf(work.published), label, kind: 'work' });
  }
  const released = context.premiered ?? (context.year ? String(context.year) : undefined);
  if (released) {
    const label = context.kind === 'film' ? 'Film released' : context.kind === 'miniseries' ? 'Miniseries premieres' : 'Series premieres';
    entries.push({ date: released, year: yearOf(released), label, kind: 'release' });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}
