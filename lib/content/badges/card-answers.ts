import type { CardAnswer, CardStory } from '../../messaging';

/** More than the background ever sends at once; anything longer is not ours. */
const MAX_ANSWERS = 200;
/** A title is at most 300 characters; a teaser names a title and a work, each that long at most. */
const MAX_TEXT = 1_000;
const STATUSES = new Set(['found', 'none', 'pending', 'unknown']);

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function isStory(value: unknown): value is CardStory {
  return isRecord(value) && isText(value.key) && isText(value.title) && isText(value.button) && isText(value.label) && isText(value.teaser);
}

function isAnswer(value: unknown): value is CardAnswer {
  if (!isRecord(value) || typeof value.siteId !== 'string' || !/^\d{5,10}$/.test(value.siteId) || !isText(value.title)) return false;
  if (typeof value.status !== 'string' || !STATUSES.has(value.status)) return false;
  if (value.surface !== undefined && value.surface !== 'mini') return false;
  return value.status !== 'found' || isStory(value.story);
}

/**
 * Card answers checked by hand (the always-on script carries no schema library): the whole list
 * is refused if any answer is malformed, so a bad message changes nothing on the page.
 */
export function parseCardAnswers(data: unknown): CardAnswer[] | null {
  if (!Array.isArray(data) || data.length > MAX_ANSWERS) return null;
  return data.every(isAnswer) ? data : null;
}
