import { MAX_CARDS_PER_MESSAGE, type CardAnswer, type CardStory } from '../../messaging';
import type { Sighting } from '../../model';
import type { CardSighting } from '../../sites/types';
import { BADGE_HOST_TAG, createBadge, type Badge } from './badge-element';
import type { SeenCard } from './card-watcher';

export interface BadgeControllerDeps {
  doc: Document;
  /** Asks the background about cards; answers come back in order, some `pending`. */
  resolveCards(cards: Sighting[]): Promise<CardAnswer[]>;
  /** The user clicked a badge. */
  open(sighting: Sighting, story: CardStory): void;
  onError?(error: unknown): void;
}

type Settled = Extract<CardAnswer, { status: 'found' | 'none' }>;

interface Placed {
  badge: Badge;
  /** The card element the badge stands for (a host may hold a duplicate link too). */
  owner: Element;
}

type CardName = Pick<CardAnswer, 'siteId' | 'title' | 'surface'>;

/** How answers name a card (as the background's `cardName` does). */
function nameOf({ siteId, title, surface }: Sighting): CardName {
  return surface === 'mini' ? { siteId: siteId ?? '', title: title ?? '', surface } : { siteId: siteId ?? '', title: title ?? '' };
}

/** A card and the hover preview of the same title are asked about apart: the preview says more (the kind). */
function identityOf({ siteId, title, surface }: { siteId?: string; title?: string; surface?: string }): string {
  return `${surface === 'mini' ? 'mini' : 'card'}|${siteId ?? ''}|${title ?? ''}`;
}

/**
 * Badges for the cards on screen. Each title is asked about once per page (however many rows
 * show it), cards that come on screen together are asked about in one message, and answers that
 * need a live lookup arrive later (`receive`). A badge always matches its card: when the card
 * changes title or leaves the page, its badge goes.
 */
export function createBadgeController(deps: BadgeControllerDeps) {
  const settled = new Map<string, Settled>();
  const asking = new Set<string>();
  /** Card elements seen on screen and still on the page, by title, waiting for or showing a badge. */
  const seen = new Map<string, { name: CardName; elements: Set<Element> }>();
  const cardOf = new WeakMap<Element, CardSighting>();
  const placedOn = new WeakMap<Element, Placed>();
  /** The IDs of titles found to have a story. */
  const foundIds: string[] = [];
  let stopped = false;

  function place(element: Element, card: CardSighting, story: CardStory): void {
    const host = card.host;
    const siteId = card.sighting.siteId ?? '';
    const placed = placedOn.get(host);
    if (placed?.badge.element.isConnected && placed.badge.element.dataset.siteId === siteId && placed.badge.story.key === story.key) return;
    placed?.badge.element.remove();
    const badge = createBadge(deps.doc, siteId, story, () => deps.open(card.sighting, story));
    // First in the slot, so it sits at the card's top corner; never inside the link (it would follow it).
    if (host === element) element.before(badge.element);
    else host.prepend(badge.element);
    placedOn.set(host, { badge, owner: element });
  }

  function unplace(element: Element, card: CardSighting): void {
    const placed = placedOn.get(card.host);
    if (placed?.owner !== element) return;
    placed.badge.element.remove();
    placedOn.delete(card.host);
  }

  function forget(element: Element): void {
    const card = cardOf.get(element);
    if (!card) return;
    cardOf.delete(element);
    const identity = identityOf(card.sighting);
    const entry = seen.get(identity);
    entry?.elements.delete(element);
    if (entry?.elements.size === 0) seen.delete(identity);
    unplace(element, card);
  }

  function receive(answers: readonly CardAnswer[]): void {
    if (stopped) return;
    for (const answer of answers) {
      const identity = identityOf(answer);
      if (answer.status === 'pending') continue;
      asking.delete(identity);
      if (answer.status === 'unknown') continue;
      settled.set(identity, answer);
      if (answer.status !== 'found') continue;
      if (!foundIds.includes(answer.siteId)) foundIds.push(answer.siteId);
      for (const element of seen.get(identity)?.elements ?? []) {
        const card = cardOf.get(element);
        if (card && element.isConnected) place(element, card, answer.story);
      }
    }
  }

  async function ask(cards: Sighting[]): Promise<void> {
    try {
      receive(await deps.resolveCards(cards));
    } catch (error) {
      cards.forEach((card) => asking.delete(identityOf(card)));
      deps.onError?.(error);
    }
  }

  return {
    /** Cards that came on screen: badge the known, ask about the rest in as few messages as possible. */
    visible(cards: readonly SeenCard[]): void {
      if (stopped) return;
      const unknown: Sighting[] = [];
      for (const { element, card } of cards) {
        const identity = identityOf(card.sighting);
        const before = cardOf.get(element);
        if (before && identityOf(before.sighting) !== identity) forget(element);
        // Whatever badge the slot holds belongs to another title now.
        const placed = placedOn.get(card.host);
        if (placed && placed.badge.element.dataset.siteId !== card.sighting.siteId) unplace(placed.owner, card);
        cardOf.set(element, card);
        const entry = seen.get(identity) ?? { name: nameOf(card.sighting), elements: new Set<Element>() };
        entry.elements.add(element);
        seen.set(identity, entry);
        const known = settled.get(identity);
        if (known?.status === 'found') place(element, card, known.story);
        else if (!known && !asking.has(identity)) {
          asking.add(identity);
          unknown.push(card.sighting);
        }
      }
      // The cards of a frame come in one call (one observer's report): one message for them, asked
      // now rather than on a timer of its own.
      for (let start = 0; start < unknown.length; start += MAX_CARDS_PER_MESSAGE) void ask(unknown.slice(start, start + MAX_CARDS_PER_MESSAGE));
    },
    /**
     * The page showed this ID's story (its detail view taught the background the ID): its cards
     * get their badge now, without waiting for the next page load.
     */
    storyFound(siteId: string, story: CardStory): void {
      if (stopped) return;
      const answers: CardAnswer[] = [];
      for (const { name } of seen.values()) if (name.siteId === siteId) answers.push({ ...name, status: 'found', story });
      receive(answers);
    },
    /** Titles with a story: the card watcher reports their cards as the page adds them, so they are badged in the same frame. */
    known: {
      ids: () => foundIds,
      has: (card: CardSighting) => settled.get(identityOf(card.sighting))?.status === 'found',
    },
    /** A card element left the page or changed title. */
    gone: forget,
    /** Answers the background sends later, for cards whose lookups were queued. */
    receive,
    /** The extension is going away: take every badge off the page. */
    stop(): void {
      stopped = true;
      deps.doc.querySelectorAll(BADGE_HOST_TAG).forEach((badge) => badge.remove());
      seen.clear();
      asking.clear();
    },
  };
}
export type BadgeController = ReturnType<typeof createBadgeController>;
