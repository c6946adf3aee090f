import { describe, expect, it, vi } from 'vitest';
import { listenForExtensionRequests } from '../../../lib/content/extension-requests';
import type { PageController } from '../../../lib/content/page-controller';
import { cardStory } from '../support/card-stories';

type Handler = (message: { data: unknown; sender: { id?: string } }) => unknown;
const handlers = vi.hoisted(() => new Map<string, Handler>());
vi.mock('../../../lib/messaging', () => ({
  onMessage: (type: string, handler: Handler) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));

function controllerStub() {
  return { tabShow: vi.fn(async () => null), reveal: vi.fn(() => true), watchlistChanged: vi.fn(), storyRefreshed: vi.fn(async () => {}) } as unknown as PageController & {
    watchlistChanged: ReturnType<typeof vi.fn>;
    reveal: ReturnType<typeof vi.fn>;
  };
}

describe('requests from the extension to the page', () => {
  it('answers only our own extension', async () => {
    const controller = controllerStub();
    listenForExtensionRequests(controller);
    const ours = { id: browser.runtime.id };
    expect(await handlers.get('openPanel')!({ data: undefined, sender: ours })).toEqual({ ok: true });
    expect(() => handlers.get('openPanel')!({ data: undefined, sender: { id: 'another-extension' } })).toThrow(/not from Backstory/);
    await expect(Promise.resolve().then(() => handlers.get('getTabShow')!({ data: undefined, sender: { id: 'x' } }))).rejects.toThrow(/not from Backstory/);
    expect(controller.reveal).toHaveBeenCalledOnce();
  });

  it('reads the page before telling the popup what is on it', async () => {
    const controller = controllerStub();
    const readPageNow = vi.fn();
    listenForExtensionRequests(controller, { readPageNow });
    await handlers.get('getTabShow')!({ data: undefined, sender: { id: browser.runtime.id } });
    expect(readPageNow).toHaveBeenCalledOnce();
    expect(controller.tabShow).toHaveBeenCalledOnce();
  });

  it('checks the watchlist change it is told about, by hand', () => {
    const controller = controllerStub();
    listenForExtensionRequests(controller);
    const ours = { id: browser.runtime.id };
    handlers.get('watchlistChanged')!({ data: { key: 'pack:somos', saved: true }, sender: ours });
    expect(controller.watchlistChanged).toHaveBeenCalledWith('pack:somos', true);
    for (const bad of [null, { key: 1, saved: true }, { key: 'pack:somos', saved: 'yes' }]) {
      expect(() => handlers.get('watchlistChanged')!({ data: bad, sender: ours })).toThrow(/malformed/);
    }
    expect(controller.watchlistChanged).toHaveBeenCalledOnce();
  });

  it('stops listening when the extension context goes away', () => {
    const stop = listenForExtensionRequests(controllerStub());
    expect(handlers.size).toBe(5);
    stop();
    expect(handlers.size).toBe(0);
  });

  it('passes on badge answers only when every one of them is well formed', () => {
    const controller = controllerStub();
    const onCardAnswers = vi.fn();
    listenForExtensionRequests(controller, { onCardAnswers });
    const ours = { id: browser.runtime.id };
    const good = [
      { siteId: '80990055', title: 'Paper Harbor', status: 'found', story: cardStory('wd:Q990000001', 'Paper Harbor', 'Events of 1998 · based on “A Book” (An Author)') },
      { siteId: '80990042', title: 'The Lantern Keepers', status: 'none' },
    ];
    handlers.get('cardsAnswered')!({ data: good, sender: ours });
    expect(onCardAnswers).toHaveBeenCalledWith(good);
    const bad = [
      null,
      'found',
      [{ ...good[0], siteId: 'javascript:1' }],
      [{ ...good[0], status: 'maybe' }],
      [{ ...good[0], story: { key: 'wd:Q1' } }],
      [{ ...good[0], story: { ...good[0]!.story, teaser: 42 } }],
      [{ ...good[0], story: { ...good[0]!.story, label: '' } }],
      [{ ...good[0], story: { ...good[0]!.story, teaser: 'x'.repeat(1_001) } }],
      [good[1], { siteId: '80990055', title: 'Paper Harbor', status: 'found' }],
      Array.from({ length: 201 }, () => good[1]),
    ];
    for (const data of bad) expect(() => handlers.get('cardsAnswered')!({ data, sender: ours })).toThrow(/malformed/);
    expect(() => handlers.get('cardsAnswered')!({ data: good, sender: { id: 'another-extension' } })).toThrow(/not from Backstory/);
    expect(onCardAnswers).toHaveBeenCalledOnce();
  });
});
