import type { CardStory } from '../../messaging';
import { getMessage } from './badge-text';

/**
 * The badge's one line: "Events of 2011 · Based on “Work” (Outlet)". The year comes first so a
 * long title cut short on screen never takes it away. Only what the story says, and never an
 * outcome (a card story carries no summary or toll), so it needs no spoiler shield.
 */
export function teaserOf(story: CardStory): string {
  const parts: string[] = [];
  if (story.eventYear !== undefined) parts.push(getMessage('badge_events', String(story.eventYear)));
  if (story.work) {
    const title = story.work.title;
    const phrase = story.relation === 'inspiration' ? getMessage('badge_inspiration', title) : getMessage('badge_basis', title);
    parts.push((parts.length > 0 ? phrase : capitalised(phrase)) + (story.work.by ? ` (${story.work.by})` : ''));
  }
  return parts.length > 0 ? parts.join(' · ') : getMessage('badge_any');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
