import type { CardStory } from '../../messaging';

/** The badge's one line: "Based on “Work” (Outlet) · events of 2011". Only what the story says. */
export function teaserOf(story: CardStory): string {
  const parts: string[] = [];
  if (story.work) {
    const verb = story.relation === 'inspiration' ? 'Inspired by' : 'Based on';
    parts.push(`${verb} “${story.work.title}”${story.work.by ? ` (${story.work.by})` : ''}`);
  }
  if (story.eventYear !== undefined) parts.push(`events of ${story.eventYear}`);
  return parts.length > 0 ? parts.join(' · ') : 'The real story behind it';
}
