/**
 * Live lookups asked for by badges, one at a time. A browse page can show dozens of unknown cards
 * at once; each costs at least one Wikidata request, so they wait in one queue (never more than
 * one card lookup running, so a title the user opens never waits behind a crowd of cards), the
 * same title asked by several tabs is looked up once, and past `CARD_QUEUE_LIMIT` waiting titles
 * new ones are refused (the card is asked about again when it next comes on screen).
 */
import PQueue from 'p-queue';
import type { CardAnswer } from '../messaging';
import type { Resolution, Sighting } from '../model';
import { cardStoryOf } from '../resolve/card-story';
import { lookupKey } from '../resolve/lookup-key';

export const CARD_QUEUE_LIMIT = 200;

export interface TabTarget {
  tabId: number;
  frameId: number;
}

export interface CardLookupsDeps {
  /** The full lookup, network included. */
  resolve(sighting: Sighting): Promise<Resolution>;
  /** Sends answers to the tab whose cards asked. */
  tell(target: TabTarget, answers: CardAnswer[]): Promise<void>;
  log?(message: string, error?: unknown): void;
}

type CardSighting = Sighting & { siteId: string; title: string };

/** How an answer names the card it is about, so the page can find it. */
export function cardName({ siteId, title, surface }: CardSighting): Pick<CardAnswer, 'siteId' | 'title' | 'surface'> {
  return surface === 'mini' ? { siteId, title, surface } : { siteId, title };
}

export function cardAnswerFor(sighting: CardSighting, resolution: Resolution): CardAnswer {
  const name = cardName(sighting);
  if (resolution.status === 'found') return { ...name, status: 'found', story: cardStoryOf(resolution.context) };
  if (resolution.status === 'none') return { ...name, status: 'none' };
  return { ...name, status: 'unknown' };
}

export function createCardLookups(deps: CardLookupsDeps) {
  const queue = new PQueue({ concurrency: 1 });
  // Keyed by the lookup key, which for a card is its ID alone: tabs may know that ID by other
  // titles (profiles in other languages), and each is answered by the title it asked with.
  const waiting = new Map<string, { sighting: CardSighting; targets: { target: TabTarget; title: string }[] }>();

  async function lookUp(id: string): Promise<void> {
    const entry = waiting.get(id);
    if (!entry) return;
    let answer: CardAnswer;
    try {
      answer = cardAnswerFor(entry.sighting, await deps.resolve(entry.sighting));
    } catch (error) {
      deps.log?.('card lookup failed', error);
      answer = { ...cardName(entry.sighting), status: 'unknown' };
    } finally {
      // Not another entry for the same card: if this one's tabs all went away while it ran
      // (forgetTab), a tab that asked since has a fresh entry, queued, that must still be answered.
      if (waiting.get(id) === entry) waiting.delete(id);
    }
    await Promise.allSettled(entry.targets.map(({ target, title }) => deps.tell(target, [{ ...answer, title }])));
  }

  return {
    /** Queues a lookup whose answer goes to `target`; false when it could not be queued. */
    enqueue(sighting: CardSighting, target: TabTarget): boolean {
      const id = lookupKey(sighting);
      if (!id) return false;
      const entry = waiting.get(id);
      if (entry) {
        const { title } = sighting;
        const known = entry.targets.some((asked) => asked.target.tabId === target.tabId && asked.target.frameId === target.frameId && asked.title === title);
        if (!known) entry.targets.push({ target, title });
        return true;
      }
      if (waiting.size >= CARD_QUEUE_LIMIT) return false;
      waiting.set(id, { sighting, targets: [{ target, title: sighting.title }] });
      void queue.add(() => lookUp(id));
      return true;
    },
    /** A tab closed or left the site: its cards' answers are not wanted, and titles only it asked for are dropped. */
    forgetTab(tabId: number): void {
      for (const [id, entry] of waiting) {
        entry.targets = entry.targets.filter(({ target }) => target.tabId !== tabId);
        if (entry.targets.length === 0) waiting.delete(id);
      }
    },
    /** Waits for every queued lookup (tests). */
    idle: () => queue.onIdle(),
  };
}
export type CardLookups = ReturnType<typeof createCardLookups>;
