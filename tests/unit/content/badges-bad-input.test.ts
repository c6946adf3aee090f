// Badges on strange pages: the card watcher and the badge controller together, on the real adapter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadgeController } from '../../../lib/content/badges/badge-controller';
import { followCards } from '../../../lib/content/badges/card-watcher';
import type { CardAnswer } from '../../../lib/messaging';
import type { Sighting } from '../../../lib/model';
import { netflix } from '../../../lib/sites/netflix';
import { cardStory } from '../support/card-stories';

const flush = async () => {
  for (let i = 0; i < 6; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** An intersection observer for which everything observed is on screen as soon as it is observed. */
function everythingVisible(callback: IntersectionObserverCallback) {
  const observed = new Set<Element>();
  let queued: Element[] = [];
  const report = () => {
    const entries = queued.filter((element) => observed.has(element)).map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    queued = [];
    if (entries.length > 0) callback(entries, {} as IntersectionObserver);
  };
  return {
    observed,
    observe(element: Element) {
      observed.add(element);
      if (queued.length === 0) setTimeout(report, 0);
      queued.push(element);
    },
    unobserve: (element: Element) => void observed.delete(element),
    disconnect: () => observed.clear(),
  };
}

/** Background stand-in: titles ending in "*" have a story. */
function background() {
  return vi.fn(async (cards: Sighting[]): Promise<CardAnswer[]> =>
    cards.map(({ siteId, title }) =>
      title!.endsWith('*') ? { siteId: siteId!, title: title!, status: 'found', story: cardStory(`wd:Q${siteId}`, title!) } : { siteId: siteId!, title: title!, status: 'none' },
    ),
  );
}

function slot(id: string, label: string | null, extra = ''): string {
  const aria = label === null ? '' : ` aria-label="${label}"`;
  return `<div data-virtual-slot="0">${extra}<a data-uia="standard-card" href="/browse?jbv=${id}"${aria}><div><img alt=""></div></a></div>`;
}

describe('badges on strange pages', () => {
  let stopAll: (() => void) | undefined;
  afterEach(() => {
    stopAll?.();
    document.body.innerHTML = '';
  });

  function start() {
    const resolveCards = background();
    const controller = createBadgeController({ doc: document, resolveCards, open: vi.fn() });
    let observer!: ReturnType<typeof everythingVisible>;
    const watcher = followCards({
      doc: document,
      adapter: netflix,
      readUrl: () => new URL('https://www.netflix.com/browse'),
      schedule: (run) => setTimeout(run, 0),
      onVisible: controller.visible,
      onGone: controller.gone,
      createIntersectionObserver: (callback) => (observer = everythingVisible(callback)),
    });
    stopAll = () => {
      watcher.stop();
      controller.stop();
    };
    return { resolveCards, observer: () => observer };
  }

  const badgeIds = () => Array.from(document.querySelectorAll('backstory-badge'), (badge) => (badge as HTMLElement).dataset.siteId);

  it('thousands of cards, the same titles in many rows: one question per title, one badge per card with a story', async () => {
    const rows = Array.from({ length: 40 }, (_, r) => `<section class="carousel-row">${Array.from({ length: 50 }, (_, i) => slot(String(81000000 + ((r * 50 + i) % 400)), `Title ${(r * 50 + i) % 400}${i % 25 === 0 ? '*' : ''}`)).join('')}</section>`).join('');
    document.body.innerHTML = rows;
    const { resolveCards } = start();
    await flush();
    const asked = resolveCards.mock.calls.flatMap(([cards]) => cards.map(({ siteId, title }) => `${siteId}|${title}`));
    expect(new Set(asked).size).toBe(asked.length);
    expect(resolveCards.mock.calls.every(([cards]) => cards.length <= 50)).toBe(true);
    expect(document.querySelectorAll('backstory-badge')).toHaveLength(40 * 2);
  }, 30_000);

  it('reads labels in any script, skips cards without one, and is not misled by other extensions\' markup', async () => {
    document.body.innerHTML =
      slot('81000001', 'ソモス*') +
      slot('81000002', 'سوموس*') +
      slot('81000003', null) +
      slot('81000004', '   ') +
      slot('81000005', 'Other*', '<div class="fm-rating"><a data-uia="standard-card" href="/browse?jbv=81000009" aria-label="Injected*">IMDb 9.9</a></div>');
    const { resolveCards } = start();
    await flush();
    expect(resolveCards.mock.calls.flatMap(([cards]) => cards.map(({ title }) => title))).toEqual(['ソモス*', 'سوموس*', 'Other*']);
    expect(badgeIds()).toEqual(['81000001', '81000002', '81000005']);
  });

  it('nodes removed while being processed: no error, no badge left on a card that is gone, nothing observed', async () => {
    document.body.innerHTML = `<section id="row">${slot('81000001', 'First*')}${slot('81000002', 'Second*')}</section>`;
    const { observer } = start();
    // Gone before the observer reports them, and a burst added and removed within one batch.
    document.getElementById('row')!.remove();
    document.body.insertAdjacentHTML('beforeend', `<section id="burst">${slot('81000003', 'Third*')}</section>`);
    document.getElementById('burst')!.remove();
    await flush();
    expect(badgeIds()).toEqual([]);
    expect(observer().observed.size).toBe(0);

    // A slot that gets another title once its badge is up: the badge follows the title.
    document.body.innerHTML = `<section>${slot('81000004', 'Fourth*')}</section>`;
    await flush();
    expect(badgeIds()).toEqual(['81000004']);
    const link = document.querySelector('a')!;
    link.setAttribute('href', '/browse?jbv=81000005');
    link.setAttribute('aria-label', 'Fifth');
    await flush();
    expect(badgeIds()).toEqual([]);
  });

  it('a profile switch (the whole app replaced): old badges go with their cards, new cards get theirs once', async () => {
    document.body.innerHTML = `<div id="app"><section>${slot('81000001', 'First*')}${slot('81000002', 'Second')}</section></div>`;
    start();
    await flush();
    expect(badgeIds()).toEqual(['81000001']);
    document.getElementById('app')!.innerHTML = `<section>${slot('81000002', 'Second')}${slot('81000003', 'Third*')}${slot('81000001', 'First*')}</section>`;
    await flush();
    expect(badgeIds()).toEqual(['81000003', '81000001']);
  });
});
