import { describe, expect, it, vi } from 'vitest';
import { createPageController, RECENT_STORIES } from '../../../lib/content/page-controller';
import type { Resolution, Sighting } from '../../../lib/model';
import type { PanelApi } from '../../../lib/panel-bridge';
import type { FocusSighting } from '../../../lib/sites/types';
import { contextFixture } from '../support/contexts';

function focusOn(sighting: Partial<Sighting>): FocusSighting {
  return { sighting: { site: 'netflix', surface: 'detail', ...sighting }, anchor: { element: document.body, placement: 'append' } };
}

function fakePanel(): PanelApi & { [K in keyof PanelApi]: ReturnType<typeof vi.fn> } {
  return { show: vi.fn(), showNotice: vi.fn(), hide: vi.fn(), reveal: vi.fn(), setSaved: vi.fn() } as never;
}

const found = (key = 'pack:lantern-test'): Resolution => ({ status: 'found', context: contextFixture({ key }), saved: false, storage: 'ok' });

describe('page controller', () => {
  it('loads the panel only when there is a story, then shows it at the adapter\'s anchor', async () => {
    const panel = fakePanel();
    const loadPanel = vi.fn(async () => panel);
    const controller = createPageController({ resolve: async () => found(), loadPanel });
    const focus = focusOn({ siteId: '80990017', title: 'Somos.' });
    await controller.focusChanged(focus);
    expect(loadPanel).toHaveBeenCalledOnce();
    expect(panel.show).toHaveBeenCalledWith(expect.objectContaining({ sighting: focus.sighting, anchor: focus.anchor, saved: false, storage: 'ok' }));
  });

  it('never loads the panel for a title without a story', async () => {
    const loadPanel = vi.fn();
    const controller = createPageController({ resolve: async () => ({ status: 'none' }), loadPanel });
    await controller.focusChanged(focusOn({ title: 'The Lantern Keepers', year: 2024 }));
    expect(loadPanel).not.toHaveBeenCalled();
    expect(await controller.tabShow()).toEqual({ sighting: expect.objectContaining({ title: 'The Lantern Keepers' }), resolution: { status: 'none' } });
  });

  it('does not even ask about a sighting with neither ID nor title', async () => {
    const resolve = vi.fn();
    const controller = createPageController({ resolve, loadPanel: vi.fn() });
    await controller.focusChanged(focusOn({ surface: 'watch', playableId: '80990101' }));
    expect(resolve).not.toHaveBeenCalled();
  });

  it('drops an answer that arrives after the user moved on, and hides the panel when the title goes', async () => {
    const panel = fakePanel();
    let answerFirst!: (resolution: Resolution) => void;
    const resolve = vi
      .fn<(sighting: Sighting) => Promise<Resolution>>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockImplementationOnce(async () => found('pack:second'));
    const controller = createPageController({ resolve, loadPanel: async () => panel });
    const first = controller.focusChanged(focusOn({ title: 'First', year: 2020 }));
    await controller.focusChanged(focusOn({ title: 'Second', year: 2020 }));
    answerFirst(found('pack:first'));
    await first;
    expect(panel.show).toHaveBeenCalledTimes(1);
    expect(panel.show.mock.calls[0]![0].context.key).toBe('pack:second');
    await controller.focusChanged(null);
    expect(panel.hide).toHaveBeenCalled();
    expect(await controller.tabShow()).toBeNull();
  });

  it('turns a failed lookup into an error state, without throwing into the page', async () => {
    const onError = vi.fn();
    const controller = createPageController({ resolve: async () => Promise.reject(new Error('Extension context invalidated.')), loadPanel: vi.fn(), onError });
    await expect(controller.focusChanged(focusOn({ title: 'Somos.', year: 2021 }))).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalled();
    expect((await controller.tabShow())?.resolution).toMatchObject({ status: 'error' });
  });

  it('reveals the panel on request only when there is a story, and passes watchlist changes on', async () => {
    const panel = fakePanel();
    const controller = createPageController({ resolve: async () => found(), loadPanel: async () => panel });
    expect(controller.reveal()).toBe(false);
    await controller.focusChanged(focusOn({ title: 'The Lantern Test', year: 2020 }));
    expect(controller.reveal()).toBe(true);
    expect(panel.reveal).toHaveBeenCalledOnce();
    controller.watchlistChanged('pack:lantern-test', true);
    expect(panel.setSaved).toHaveBeenCalledWith('pack:lantern-test', true);
    expect((await controller.tabShow())?.resolution).toMatchObject({ saved: true });
  });
});

describe('page controller on the player', () => {
  const withTitle = (): FocusSighting => ({
    sighting: { site: 'netflix', surface: 'watch', playableId: '80990101', title: 'Somos.', kind: 'series' },
    anchor: { element: document.body, placement: 'overlay' },
  });
  const titleHidden = (): FocusSighting => ({
    sighting: { site: 'netflix', surface: 'watch', playableId: '80990101' },
    anchor: { element: document.body, placement: 'overlay' },
  });

  it('keeps the story while the player hides its title with its controls, without asking again', async () => {
    const panel = fakePanel();
    const resolve = vi.fn(async () => found());
    const controller = createPageController({ resolve, loadPanel: async () => panel });
    await controller.focusChanged(withTitle());
    await controller.focusChanged(titleHidden());
    await controller.focusChanged(withTitle());
    expect(panel.hide).not.toHaveBeenCalled();
    expect(resolve).toHaveBeenCalledOnce();
    expect(controller.reveal()).toBe(true);
    expect((await controller.tabShow())?.sighting.title).toBe('Somos.');
  });

  it('lets go of the story when another video plays', async () => {
    const panel = fakePanel();
    const controller = createPageController({ resolve: async () => found(), loadPanel: async () => panel });
    await controller.focusChanged(withTitle());
    await controller.focusChanged({ ...titleHidden(), sighting: { site: 'netflix', surface: 'watch', playableId: '80990102' } });
    expect(panel.hide).toHaveBeenCalledOnce();
  });
});

describe('page controller timing', () => {
  it('loads the panel script once even when two titles ask for it at the same time', async () => {
    const panel = fakePanel();
    let finishLoading!: (api: PanelApi) => void;
    const loadPanel = vi.fn(() => new Promise<PanelApi>((resolve) => (finishLoading = resolve)));
    const controller = createPageController({ resolve: async () => found(), loadPanel });
    const first = controller.focusChanged(focusOn({ title: 'A', year: 2020 }));
    await Promise.resolve();
    const second = controller.focusChanged(focusOn({ title: 'B', year: 2020 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    finishLoading(panel);
    await Promise.all([first, second]);
    expect(loadPanel).toHaveBeenCalledOnce();
  });

  it('answers the popup after the lookup in flight, not with "looking up"', async () => {
    let answer!: (resolution: Resolution) => void;
    const controller = createPageController({ resolve: () => new Promise((resolve) => (answer = resolve)), loadPanel: async () => fakePanel() });
    void controller.focusChanged(focusOn({ title: 'The Lantern Keepers', year: 2024 }));
    const asked = controller.tabShow();
    answer({ status: 'none' });
    expect((await asked)?.resolution).toEqual({ status: 'none' });
  });
});

describe('page controller while a lookup runs on the network', () => {
  function manualTimers() {
    const pending: { run: () => void; cancelled: boolean }[] = [];
    return {
      startTimer: (_ms: number, run: () => void) => {
        const timer = { run, cancelled: false };
        pending.push(timer);
        return () => (timer.cancelled = true);
      },
      fire: () => pending.filter((timer) => !timer.cancelled).forEach((timer) => timer.run()),
    };
  }

  it('shows a skeleton when the answer is slow, then the story', async () => {
    const panel = fakePanel();
    const timers = manualTimers();
    let answer!: (resolution: Resolution) => void;
    const controller = createPageController({ resolve: () => new Promise((resolve) => (answer = resolve)), loadPanel: async () => panel, startTimer: timers.startTimer });
    const done = controller.focusChanged(focusOn({ siteId: '80990055', title: 'Paper Harbor', year: 2023 }));
    timers.fire();
    await vi.waitFor(() => expect(panel.showNotice).toHaveBeenCalledWith(expect.objectContaining({ kind: 'loading' })));
    answer(found('wd:Q990000001'));
    await done;
    expect(panel.show).toHaveBeenCalledWith(expect.objectContaining({ context: expect.objectContaining({ key: 'wd:Q990000001' }) }));
  });

  it('shows no skeleton when the answer comes quickly, and removes it when there is no story', async () => {
    const panel = fakePanel();
    const timers = manualTimers();
    const controller = createPageController({ resolve: async () => ({ status: 'none' }), loadPanel: async () => panel, startTimer: timers.startTimer });
    await controller.focusChanged(focusOn({ title: 'The Lantern Keepers', year: 2024 }));
    timers.fire();
    expect(panel.showNotice).not.toHaveBeenCalled();
  });

  it('never leaves a skeleton behind when "no story" arrives while the panel script is still loading', async () => {
    const panel = fakePanel();
    const timers = manualTimers();
    let panelReady!: (api: PanelApi) => void;
    let answer!: (resolution: Resolution) => void;
    const controller = createPageController({
      resolve: () => new Promise((resolve) => (answer = resolve)),
      loadPanel: () => new Promise((resolve) => (panelReady = resolve)),
      startTimer: timers.startTimer,
    });
    const done = controller.focusChanged(focusOn({ siteId: '80990999' }));
    timers.fire();
    answer({ status: 'none' });
    await done;
    panelReady(panel);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(panel.showNotice).not.toHaveBeenCalled();
  });

  it('says what failed and retries on request', async () => {
    const panel = fakePanel();
    const resolve = vi
      .fn<(sighting: Sighting) => Promise<Resolution>>()
      .mockResolvedValueOnce({ status: 'error', message: "Couldn't reach Wikipedia. Try again in a moment.", retryable: true })
      .mockResolvedValueOnce(found('wd:Q990000001'));
    const controller = createPageController({ resolve, loadPanel: async () => panel, startTimer: () => () => {} });
    await controller.focusChanged(focusOn({ siteId: '80990055', title: 'Paper Harbor', year: 2023 }));
    const notice = panel.showNotice.mock.lastCall![0];
    expect(notice).toMatchObject({ kind: 'error', message: "Couldn't reach Wikipedia. Try again in a moment." });
    notice.retry();
    await vi.waitFor(() => expect(panel.show).toHaveBeenCalled());
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('offers no retry when trying again cannot help', async () => {
    const panel = fakePanel();
    const controller = createPageController({ resolve: async () => ({ status: 'error', message: 'unreadable', retryable: false }), loadPanel: async () => panel, startTimer: () => () => {} });
    await controller.focusChanged(focusOn({ siteId: '80990055', title: 'Paper Harbor', year: 2023 }));
    expect(panel.showNotice.mock.lastCall![0].retry).toBeUndefined();
  });

  it('asks again when the background refreshed the story on screen, and only then', async () => {
    const panel = fakePanel();
    const resolve = vi.fn(async () => found('wd:Q990000001'));
    const controller = createPageController({ resolve, loadPanel: async () => panel, startTimer: () => () => {} });
    await controller.focusChanged(focusOn({ siteId: '80990055', title: 'Paper Harbor', year: 2023 }));
    await controller.storyRefreshed('wd:Q1');
    expect(resolve).toHaveBeenCalledOnce();
    await controller.storyRefreshed('wd:Q990000001');
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});

describe('page controller: a badge opens a story', () => {
  const card: Sighting = { site: 'netflix', surface: 'card', siteId: '80990017', title: 'Somos.' };
  const overlay = { element: document.body, placement: 'overlay' as const };

  it('shows the clicked card\'s story docked to the page, expanded, and tells the popup', async () => {
    const panel = fakePanel();
    const resolve = vi.fn(async () => found('pack:somos'));
    const controller = createPageController({ resolve, loadPanel: async () => panel });
    await controller.openCard(card, overlay);
    expect(resolve).toHaveBeenCalledWith(card);
    expect(panel.show).toHaveBeenCalledWith(expect.objectContaining({ sighting: card, anchor: overlay }));
    expect(panel.reveal).toHaveBeenCalledOnce();
    expect(await controller.tabShow()).toMatchObject({ sighting: card, resolution: { status: 'found' } });
  });

  it('gives way to a title the page opens next, and is gone when that one closes', async () => {
    const panel = fakePanel();
    const controller = createPageController({ resolve: async () => found('pack:somos'), loadPanel: async () => panel });
    await controller.openCard(card, overlay);
    const modal = focusOn({ siteId: '80990042', title: 'The Lantern Keepers', year: 2024 });
    await controller.focusChanged(modal);
    expect(panel.show).toHaveBeenLastCalledWith(expect.objectContaining({ anchor: modal.anchor }));
    await controller.focusChanged(null);
    expect(panel.hide).toHaveBeenCalled();
  });

  it('does not reveal a story that a later click replaced', async () => {
    const panel = fakePanel();
    let answerFirst!: (resolution: Resolution) => void;
    const resolve = vi.fn((sighting: Sighting) => (sighting.siteId === '80990017' ? new Promise<Resolution>((done) => (answerFirst = done)) : Promise.resolve(found('wd:Q990000001'))));
    const controller = createPageController({ resolve, loadPanel: async () => panel });
    const first = controller.openCard(card, overlay);
    await controller.openCard({ ...card, siteId: '80990055', title: 'Paper Harbor' }, overlay);
    answerFirst(found('pack:somos'));
    await first;
    expect(panel.show).toHaveBeenCalledTimes(1);
    expect(panel.show.mock.lastCall![0].context.key).toBe('wd:Q990000001');
    expect(panel.reveal).toHaveBeenCalledOnce();
  });
});

describe('page controller: a title opened again on the same page', () => {
  /** A background whose answers the test gives, one call at a time. */
  function heldAnswers() {
    const waiting: ((resolution: Resolution) => void)[] = [];
    const resolve = vi.fn(() => new Promise<Resolution>((done) => waiting.push(done)));
    return { resolve, answer: (resolution: Resolution) => waiting.shift()!(resolution), waiting: () => waiting.length };
  }
  const somos = () => focusOn({ siteId: '80990017', title: 'Somos.', year: 2021, kind: 'miniseries' });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  /** Opens Somos. once (answered with `first`) and closes it. */
  async function openedOnce(first: Resolution = found('pack:somos')) {
    const panel = fakePanel();
    const background = heldAnswers();
    const timers: (() => void)[] = [];
    const controller = createPageController({
      resolve: background.resolve,
      loadPanel: async () => panel,
      startTimer: (_ms, run) => (timers.push(run), () => {}),
    });
    const opened = controller.focusChanged(somos());
    background.answer(first);
    await opened;
    await controller.focusChanged(null);
    panel.show.mockClear();
    return { panel, background, controller, fireTimers: () => timers.forEach((run) => run()) };
  }

  /** The same, then opens it again: the background has not answered yet. */
  async function openedTwice() {
    const once = await openedOnce();
    const again = once.controller.focusChanged(somos());
    await settle();
    return { ...once, again };
  }

  it('shows the story it showed before at once, asks the background anyway, and shows its answer', async () => {
    const { panel, background, again } = await openedTwice();
    expect(panel.show).toHaveBeenCalledOnce();
    expect(panel.show.mock.lastCall![0]).toMatchObject({ context: { key: 'pack:somos' }, anchor: somos().anchor });
    expect(background.waiting()).toBe(1);
    background.answer({ status: 'found', context: contextFixture({ key: 'pack:somos' }), saved: true, storage: 'ok' });
    await again;
    expect(panel.show).toHaveBeenCalledTimes(2);
    expect(panel.show.mock.lastCall![0]).toMatchObject({ context: { key: 'pack:somos' }, saved: true });
  });

  it('waits for the background the first time a title opens', async () => {
    const panel = fakePanel();
    const background = heldAnswers();
    const controller = createPageController({ resolve: background.resolve, loadPanel: async () => panel });
    const opened = controller.focusChanged(somos());
    await settle();
    expect(panel.show).not.toHaveBeenCalled();
    background.answer(found('pack:somos'));
    await opened;
    expect(panel.show).toHaveBeenCalledOnce();
  });

  it('takes the story away when the background now has none, and asks again the next time', async () => {
    const { panel, background, controller, again } = await openedTwice();
    background.answer({ status: 'none' });
    await again;
    expect(panel.hide).toHaveBeenCalledTimes(2);
    await controller.focusChanged(null);
    panel.show.mockClear();
    void controller.focusChanged(somos());
    await settle();
    expect(panel.show).not.toHaveBeenCalled();
    expect(background.waiting()).toBe(1);
  });

  it('keeps the story when the background cannot confirm it, with no skeleton and no error over it', async () => {
    const { panel, background, controller, again, fireTimers } = await openedTwice();
    fireTimers();
    await settle();
    background.answer({ status: 'error', message: 'storage unavailable', retryable: true });
    await again;
    expect(panel.showNotice).not.toHaveBeenCalled();
    expect(panel.show).toHaveBeenCalledOnce();
    expect((await controller.tabShow())?.resolution).toMatchObject({ status: 'found', context: { key: 'pack:somos' } });
  });

  it('remembers a watchlist change made while the title was closed', async () => {
    const { panel, controller } = await openedOnce();
    controller.watchlistChanged('pack:somos', true);
    void controller.focusChanged(somos());
    await settle();
    expect(panel.show.mock.lastCall![0]).toMatchObject({ context: { key: 'pack:somos' }, saved: true });
  });

  it('forgets a story the background refreshed', async () => {
    const { panel, controller } = await openedOnce();
    await controller.storyRefreshed('pack:somos');
    void controller.focusChanged(somos());
    await settle();
    expect(panel.show).not.toHaveBeenCalled();
  });

  it('shows a different sighting of the same show only after asking (another year, another ID)', async () => {
    const { panel, controller } = await openedTwice();
    await controller.focusChanged(null);
    panel.show.mockClear();
    void controller.focusChanged(focusOn({ siteId: '80990017', title: 'Somos.', year: 1999, kind: 'miniseries' }));
    await settle();
    expect(panel.show).not.toHaveBeenCalled();
  });

  it(`remembers the last ${RECENT_STORIES} stories only`, async () => {
    const panel = fakePanel();
    const background = heldAnswers();
    const controller = createPageController({ resolve: background.resolve, loadPanel: async () => panel });
    const open = (n: number) => controller.focusChanged(focusOn({ title: `Title ${n}`, year: 2020 }));
    for (let n = 0; n <= RECENT_STORIES; n++) {
      const opened = open(n);
      background.answer(found(`pack:title-${n}`));
      await opened;
      await controller.focusChanged(null);
    }
    const shownBeforeAnswer = async (n: number) => {
      panel.show.mockClear();
      const opened = open(n);
      await settle();
      const shown = panel.show.mock.calls.length > 0;
      background.answer(found(`pack:title-${n}`));
      await opened;
      await controller.focusChanged(null);
      return shown;
    };
    expect(await shownBeforeAnswer(RECENT_STORIES)).toBe(true);
    expect(await shownBeforeAnswer(1)).toBe(true);
    expect(await shownBeforeAnswer(0)).toBe(false);
  });
});
