import type { CardStory } from '../messaging';
import type { ShowContext } from '../model';

/**
 * The badge's teaser for a story: the work the show is based on (or, failing that, inspired by)
 * and the year the real events began. Only what the story itself says; absent parts stay absent.
 */
export function cardStoryOf(context: ShowContext): CardStory {
  const work = context.basedOn.find(({ relation }) => relation === 'basis') ?? context.basedOn.find(({ relation }) => relation === 'inspiration');
  const years = context.events.flatMap(({ start }) => (start ? [Number(start.slice(0, 4))] : []));
  const story: CardStory = { key: context.key, title: context.title };
  if (work) {
    story.relation = work.relation === 'inspiration' ? 'inspiration' : 'basis';
    const by = work.outlet ?? work.authors[0];
    story.work = by ? { title: work.title, by } : { title: work.title };
  }
  if (years.length > 0) story.eventYear = Math.min(...years);
  return story;
}
