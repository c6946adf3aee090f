import { describe, expect, it, vi } from 'vitest';
import { cardAnswerFor, CARD_QUEUE_LIMIT, createCardLookups, type TabTarget } from '../../../lib/background/card-lookups';
import type { CardAnswer } from '../../../lib/messaging';
import type { Resolution, Sighting } from '../../../lib/model';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';
import { cardStory, SOMOS_TEASER } from '../support/card-stories';

type CardSighting = Sighting & { siteId: string; title: string };

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Cards with distinct, valid Netflix IDs. */
function card(n: number, title = `Card Title ${n}`): CardSighting {
  return { site: 'netflix', surface: 'card', siteId: String(80_000_000 + n), title };
}

const tab = (tabId: number, frameId = 0): TabTarget => ({ tabId, frameId });
const found = (context = contextFixture()): Resolution => ({ status: 'found', context, saved: false, storage: 'ok' });
const none: Resolution = { status: 'none' };

/**
 * Card lookups whose every resolve waits until the test settles it (by the card's ID), counting how
 * many run at once.
 */
function manualLookups() {
  const waiting = new Map<string, ReturnType<typeof deferred<Resolution>>>();
  let running = 0;
  let mostAtOnce = 0;
  const resolve = vi.fn(async (sighting: Sighting): Promise<Resolution> => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    const lookup = deferred<Resolution>();
    waiting.set(sighting.siteId!, lookup);
    try {
      return await lookup.promise;
    } finally {
      running -= 1;
    }
  });
  const tell = vi.fn(async (_target: TabTarget, _answers: CardAnswer[]) => {});
  const log = vi.fn();
  const lookups = createCardLookups({ resolve, tell, log });
  /** Settles the lookup of a card once it has started. */
  async function settle(sighting: CardSighting, resolution: Resolution | Error): Promise<void> {
    await vi.waitFor(() => expect(waiting.has(sighting.siteId)).toBe(true));
    const lookup = waiting.get(sighting.siteId)!;
    waiting.delete(sighting.siteId);
    if (resolution instanceof Error) lookup.reject(resolution);
    else lookup.resolve(resolution);
    await flush();
  }
  return { lookups, resolve, tell, log, settle, mostAtOnce: () => mostAtOnce, started: () => resolve.mock.calls.map(([sighting]) => sighting.siteId) };
}

describe('cardAnswerFor', () => {
  const sighting = card(1, 'Somos.');

  it("names the card by its ID and title, with the story's teaser when found", () => {
    expect(cardAnswerFor(sighting, found(somos))).toEqual({
      siteId: '80000001',
      title: 'Somos.',
      status: 'found',
      story: cardStory('pack:somos', 'Somos.', SOMOS_TEASER),
    });
  });

  it('says none for none, and unknown for a failed lookup (so the card is asked about again)', () => {
    expect(cardAnswerFor(sighting, none)).toEqual({ siteId: '80000001', title: 'Somos.', status: 'none' });
    expect(cardAnswerFor(sighting, { status: 'error', message: "Couldn't reach Wikidata.", retryable: true })).toEqual({ siteId: '80000001', title: 'Somos.', status: 'unknown' });
  });
});

describe('card lookups: one at a time', () => {
  it('never runs more than one lookup at once, and runs them in the order asked', async () => {
    const { lookups, settle, started, mostAtOnce, tell } = manualLookups();
    const cards = [card(1), card(2), card(3)];
    for (const sighting of cards) expect(lookups.enqueue(sighting, tab(7))).toBe(true);
    await flush();
    expect(started()).toEqual(['80000001']);
    await settle(cards[0]!, none);
    await vi.waitFor(() => expect(started()).toEqual(['80000001', '80000002']));
    expect(tell).toHaveBeenCalledWith(tab(7), [{ siteId: '80000001', title: 'Card Title 1', status: 'none' }]);
    await settle(cards[1]!, found());
    await settle(cards[2]!, none);
    await lookups.idle();
    expect(started()).toEqual(['80000001', '80000002', '80000003']);
    expect(mostAtOnce()).toBe(1);
    expect(tell.mock.calls.map(([, answers]) => answers.map((answer) => [answer.siteId, answer.status]))).toEqual([
      [['80000001', 'none']],
      [['80000002', 'found']],
      [['80000003', 'none']],
    ]);
  });

  it('tells the found story as a card teaser', async () => {
    const { lookups, settle, tell } = manualLookups();
    lookups.enqueue(card(1, 'Somos.'), tab(7, 3));
    await settle(card(1), found(somos));
    await lookups.idle();
    expect(tell).toHaveBeenCalledWith(tab(7, 3), [expect.objectContaining({ status: 'found', story: expect.objectContaining({ key: 'pack:somos', teaser: SOMOS_TEASER }) })]);
  });
});

describe('card lookups: the same title asked more than once', () => {
  it('looks a title asked by two tabs up once, and tells both', async () => {
    const { lookups, settle, resolve, tell } = manualLookups();
    expect(lookups.enqueue(card(1), tab(7))).toBe(true);
    expect(lookups.enqueue(card(1), tab(8))).toBe(true);
    await settle(card(1), none);
    await lookups.idle();
    expect(resolve).toHaveBeenCalledOnce();
    expect(tell).toHaveBeenCalledTimes(2);
    expect(tell).toHaveBeenCalledWith(tab(7), [expect.objectContaining({ siteId: '80000001', status: 'none' })]);
    expect(tell).toHaveBeenCalledWith(tab(8), [expect.objectContaining({ siteId: '80000001', status: 'none' })]);
  });

  it('counts a title punctuated otherwise as the same title', async () => {
    const { lookups, settle, resolve } = manualLookups();
    lookups.enqueue(card(1, 'Somos.'), tab(7));
    lookups.enqueue(card(1, 'Somos'), tab(8));
    await settle(card(1), none);
    await lookups.idle();
    expect(resolve).toHaveBeenCalledOnce();
  });

  it('looks one ID up once even under two titles (two profiles, two languages), and names each answer as its tab asked', async () => {
    const { lookups, settle, resolve, tell } = manualLookups();
    expect(lookups.enqueue(card(1, 'Somos.'), tab(7))).toBe(true);
    expect(lookups.enqueue(card(1, 'We Are'), tab(8))).toBe(true);
    await settle(card(1), found(somos));
    await lookups.idle();
    expect(resolve).toHaveBeenCalledOnce();
    expect(tell.mock.calls.map(([target, answers]) => [target.tabId, answers[0]!.siteId, answers[0]!.title, answers[0]!.status])).toEqual([
      [7, '80000001', 'Somos.', 'found'],
      [8, '80000001', 'We Are', 'found'],
    ]);
  });

  it('tells each frame of a tab that asked, but a frame that asked twice only once', async () => {
    const { lookups, settle, tell } = manualLookups();
    lookups.enqueue(card(1), tab(7, 0));
    lookups.enqueue(card(1), tab(7, 0));
    lookups.enqueue(card(1), tab(7, 2));
    await settle(card(1), none);
    await lookups.idle();
    expect(tell.mock.calls.map(([target]) => target)).toEqual([tab(7, 0), tab(7, 2)]);
  });

  it('lets a tab that asks while the lookup runs join it, instead of starting another', async () => {
    const { lookups, settle, resolve, tell } = manualLookups();
    lookups.enqueue(card(1), tab(7));
    await vi.waitFor(() => expect(resolve).toHaveBeenCalledOnce());
    expect(lookups.enqueue(card(1), tab(8))).toBe(true);
    await settle(card(1), none);
    await lookups.idle();
    expect(resolve).toHaveBeenCalledOnce();
    expect(tell.mock.calls.map(([target]) => target.tabId).sort()).toEqual([7, 8]);
  });

  it('looks a title up again when it is asked after its answer went out', async () => {
    const { lookups, settle, resolve } = manualLookups();
    lookups.enqueue(card(1), tab(7));
    await settle(card(1), none);
    await lookups.idle();
    expect(lookups.enqueue(card(1), tab(7))).toBe(true);
    await settle(card(1), none);
    await lookups.idle();
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});

describe('card lookups: limits', () => {
  it(`refuses new titles past ${CARD_QUEUE_LIMIT} waiting, still accepts more tabs for a waiting one, and takes new titles once there is room`, async () => {
    const { lookups, settle, resolve } = manualLookups();
    for (let n = 1; n <= CARD_QUEUE_LIMIT; n += 1) expect(lookups.enqueue(card(n), tab(7))).toBe(true);
    expect(lookups.enqueue(card(CARD_QUEUE_LIMIT + 1), tab(7))).toBe(false);
    expect(lookups.enqueue(card(CARD_QUEUE_LIMIT + 1), tab(8))).toBe(false);
    expect(lookups.enqueue(card(5), tab(8))).toBe(true);
    await settle(card(1), none);
    expect(lookups.enqueue(card(CARD_QUEUE_LIMIT + 1), tab(7))).toBe(true);
    expect(lookups.enqueue(card(CARD_QUEUE_LIMIT + 2), tab(7))).toBe(false);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('refuses a card with neither ID nor title to look up', () => {
    const { lookups, resolve } = manualLookups();
    expect(lookups.enqueue({ site: 'netflix', surface: 'card', siteId: '', title: '' }, tab(7))).toBe(false);
    expect(resolve).not.toHaveBeenCalled();
  });
});

describe('card lookups: tabs that went away', () => {
  it('drops titles only that tab wanted, keeps those another tab wants too, and tells it nothing', async () => {
    const { lookups, settle, started, tell } = manualLookups();
    lookups.enqueue(card(1), tab(9)); // runs first, holding the queue
    lookups.enqueue(card(2), tab(7));
    lookups.enqueue(card(3), tab(7));
    lookups.enqueue(card(3), tab(8));
    lookups.enqueue(card(4), tab(7, 1));
    await vi.waitFor(() => expect(started()).toEqual(['80000001']));
    lookups.forgetTab(7);
    await settle(card(1), none);
    await settle(card(3), none);
    await lookups.idle();
    expect(started()).toEqual(['80000001', '80000003']);
    expect(tell.mock.calls.map(([target, answers]) => [target.tabId, answers[0]!.siteId])).toEqual([
      [9, '80000001'],
      [8, '80000003'],
    ]);
  });

  it('does not tell a tab that went away while its lookup ran', async () => {
    const { lookups, settle, started, tell } = manualLookups();
    lookups.enqueue(card(1), tab(7));
    lookups.enqueue(card(1), tab(8));
    await vi.waitFor(() => expect(started()).toEqual(['80000001']));
    lookups.forgetTab(7);
    await settle(card(1), none);
    await lookups.idle();
    expect(tell.mock.calls.map(([target]) => target.tabId)).toEqual([8]);
  });

  it('makes room in the queue', async () => {
    const { lookups } = manualLookups();
    for (let n = 1; n <= CARD_QUEUE_LIMIT; n += 1) lookups.enqueue(card(n), tab(n === 1 ? 9 : 7));
    expect(lookups.enqueue(card(CARD_QUEUE_LIMIT + 1), tab(8))).toBe(false);
    lookups.forgetTab(7);
    expect(lookups.enqueue(card(CARD_QUEUE_LIMIT + 1), tab(8))).toBe(true);
  });

  it('answers another tab that asks for a title whose only tab went away while it was being looked up', async () => {
    const { lookups, settle, started, tell } = manualLookups();
    lookups.enqueue(card(1), tab(7));
    await vi.waitFor(() => expect(started()).toEqual(['80000001']));
    lookups.forgetTab(7);
    expect(lookups.enqueue(card(1), tab(8))).toBe(true);
    await settle(card(1), none); // the first lookup, whose tab is gone
    await settle(card(1), found()); // the second, for tab 8
    await lookups.idle();
    expect(started()).toEqual(['80000001', '80000001']);
    expect(tell.mock.calls.map(([target, answers]) => [target.tabId, answers[0]!.status])).toEqual([[8, 'found']]);
  });
});

describe('card lookups: failures', () => {
  it('answers unknown when the lookup throws, logs it, and goes on with the next card', async () => {
    const { lookups, settle, tell, log } = manualLookups();
    lookups.enqueue(card(1), tab(7));
    lookups.enqueue(card(2), tab(7));
    const failure = new Error('Wikidata exploded');
    await settle(card(1), failure);
    await settle(card(2), none);
    await lookups.idle();
    expect(tell.mock.calls.map(([, answers]) => answers)).toEqual([
      [{ siteId: '80000001', title: 'Card Title 1', status: 'unknown' }],
      [{ siteId: '80000002', title: 'Card Title 2', status: 'none' }],
    ]);
    expect(log).toHaveBeenCalledWith('card lookup failed', failure);
  });

  it('answers unknown when the lookup reports an error, so the card may be asked about again', async () => {
    const { lookups, settle, tell } = manualLookups();
    lookups.enqueue(card(1), tab(7));
    await settle(card(1), { status: 'error', message: 'Backstory needs the network to look this title up.', retryable: true });
    await lookups.idle();
    expect(tell).toHaveBeenCalledWith(tab(7), [{ siteId: '80000001', title: 'Card Title 1', status: 'unknown' }]);
  });

  it('still tells the other tabs and goes on when telling one tab fails', async () => {
    const resolve = vi.fn(async (): Promise<Resolution> => none);
    const tell = vi.fn(async (target: TabTarget) => {
      if (target.tabId === 7) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const lookups = createCardLookups({ resolve, tell });
    lookups.enqueue(card(1), tab(7));
    lookups.enqueue(card(1), tab(8));
    lookups.enqueue(card(2), tab(7));
    await lookups.idle();
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(tell.mock.calls.map(([target]) => target.tabId)).toEqual([7, 8, 7]);
  });
});
