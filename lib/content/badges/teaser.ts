import type { CardStory } from '../../messaging';

/**
 * The badge's one line: "Events of 2011 · Based on “Work” (Outlet)". The year comes first so a
 * long title cut short on screen never takes it away. Only what the story says.
 */
export function teaserOf(story: CardStory): string {
  const parts: string[] = [];
  if (story.eventYear !== undefined) parts.push(`Events of ${story.eventYear}`);
  if (story.work) {
    const verb = story.relation === 'inspiration' ? 'inspired by' : 'based on';
    const by = story.work.by ? ` (${story.work.by})` : '';
    parts.push(`${parts.length > 0 ? verb : capitalised(verb)} “${story.work.title}”${by}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'The real story behind it';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
