import type { CardStory } from '../../../lib/messaging';

/** A card story as the background words it in English (lib/resolve/card-story.ts). */
export function cardStory(key: string, title: string, teaser = 'The real story behind it'): CardStory {
  return { key, title, button: 'Real story', label: `Real story: ${title}`, teaser };
}

export const SOMOS_TEASER = 'Events of 2011 · based on “How the U.S. Triggered a Massacre in Mexico” (ProPublica)';
