import { afterEach, describe, expect, it, vi } from 'vitest';
import { followCards, ROW_TAIL, ROW_VIEW, ROW_WINDOW, ROWS_SOON, type CardWatcherOptions, type SeenCard } from '../../../lib/content/badges/card-watcher';
import { observePageMutations, type MutationListener, type PageMutations } from '../../../lib/content/page-mutations';
import { netflix } from '../../../lib/sites/netflix';

/** jsdom has no IntersectionObserver: this one reports what the test says is on screen. */
class FakeIntersections {
  observed = new Set<Element>();
  observeCalls = 0;
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe = (element: Element) => {
    this.observeCalls += 1;
    this.observed.add(element);
  };
  unobserve = (element: Element) => {
    this.observed.delete(element);
  };
  disconnect = () => {
    this.disconnected = true;
    this.observed.clear();
  };
  /** The browser reporting these elements on screen (only observed ones, as a real observer would). */
  show(...elements: Element[]) {
    const entries = elements.filter((element) => this.observed.has(element)).map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    if (entries.length > 0) this.callback(entries, this as unknown as IntersectionObserver);
  }
  hide(...elements: Element[]) {
    this.callback(elements.map((target) => ({ target, isIntersecting: false }) as IntersectionObserverEntry), this as unknown as IntersectionObserver);
  }
  /** A report the browser had queued before the observer was disconnected. */
  late(...elements: Element[]) {
    this.callback(elements.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), this as unknown as IntersectionObserver);
  }
  /** This observer as seen through some of its targets (the rows, or the cards). */
  only(kind: (element: Element) => boolean) {
    const fake = this;
    return {
      get observed() {
        return new Set([...fake.observed].filter(kind));
      },
      get observeCalls() {
        return fake.observeCalls;
      },
      get disconnected() {
        return fake.disconnected;
      },
      show: (...elements: Element[]) => fake.show(...elements),
      hide: (...elements: Element[]) => fake.hide(...elements),
      late: (...elements: Element[]) => fake.late(...elements),
    };
  }
}

const flush = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 0));
};

function card(id: string, title: string, uia = 'standard-card'): string {
  return `<div data-virtual-slot="0"><a data-uia="${uia}" href="/browse?jbv=${id}" aria-label="${title}"><div><img alt=""></div></a></div>`;
}

function row(cards: string, attrs = ''): string {
  return `<section class="carousel-row" ${attrs}><div data-uia="carousel-scroller">${cards}</div></section>`;
}

const link = (id: string) => document.querySelector(`a[href="/browse?jbv=${id}"]`)!;

describe('card watcher', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
  });

  /**
   * Starts the watcher; `rowsNear` (default) has every row report itself near the screen at once,
   * so the card observer is what a test drives.
   */
  function start(adapter = netflix, { rowsNear = true, known, mutations }: { rowsNear?: boolean; known?: CardWatcherOptions['known']; mutations?: PageMutations } = {}) {
    let observer: FakeIntersections | undefined;
    const onVisible = vi.fn<(cards: SeenCard[]) => void>();
    const onGone = vi.fn<(element: Element) => void>();
    const readCard = vi.fn(adapter.readCard);
    const schedule = vi.fn((run: () => void) => void setTimeout(run, 0));
    const watcher = followCards({
      doc: document,
      adapter: { cardElements: adapter.cardElements, cardGroups: adapter.cardGroups, readCard, cardsShowing: adapter.cardsShowing },
      readUrl: () => new URL('https://www.netflix.com/browse'),
      schedule,
      onVisible,
      onGone,
      known,
      mutations,
      createIntersectionObserver: (callback) => {
        expect(observer).toBeUndefined();
        observer = new FakeIntersections(callback);
        return observer;
      },
    });
    stop = watcher.stop;
    // The watcher's one observer, seen as the rows it observes and as the cards.
    const rows = observer!.only((element) => element.matches(netflix.cardGroups!));
    const intersections = observer!.only((element) => !element.matches(netflix.cardGroups!));
    if (rowsNear) rows.show(...rows.observed);
    return { rows, intersections, onVisible, onGone, readCard, schedule, watcher };
  }

  it('observes every card on the page but reads only those on screen, in one batch', () => {
    document.body.innerHTML = row(card('80990017', 'Somos.') + card('80990042', 'The Lantern Keepers') + card('80990055', 'Paper Harbor'));
    const { intersections, onVisible, readCard } = start();
    expect(intersections.observed.size).toBe(3);
    expect(readCard).not.toHaveBeenCalled();

    intersections.show(link('80990017'), link('80990055'));
    expect(readCard).toHaveBeenCalledTimes(2);
    expect(onVisible).toHaveBeenCalledTimes(1);
    expect(onVisible.mock.lastCall![0].map(({ card }) => card.sighting.title)).toEqual(['Somos.', 'Paper Harbor']);
    expect(onVisible.mock.lastCall![0][0]!.card.host).toBe(link('80990017').parentElement);
  });

  it('reads nothing for cards leaving the screen, games or the billboard', () => {
    document.body.innerHTML =
      `<div data-uia="billboard-title"><a data-uia="standard-card" href="/browse?jbv=80990088" aria-label="Salt and Ember"></a></div>` +
      row(card('80990099', 'Harbor Run', 'cloud-game-card')) +
      row(card('80990017', 'Somos.'));
    const { intersections, onVisible } = start();
    intersections.hide(link('80990017'));
    intersections.show(link('80990088'), link('80990099'));
    expect(onVisible).not.toHaveBeenCalled();
  });

  it('finds rows and cards in subtrees the page adds, once per batch of mutations, without re-reading the page', async () => {
    document.body.innerHTML = row(card('80990017', 'Somos.'));
    const { rows, intersections } = start();
    const querySpy = vi.spyOn(document, 'querySelectorAll');
    for (let i = 0; i < 20; i += 1) document.body.insertAdjacentHTML('beforeend', row(card(String(81000000 + i), `Invented ${i}`)));
    // A card outside any row (a layout the adapter has no row for) is observed itself.
    document.body.insertAdjacentHTML('beforeend', card('81000099', 'Rowless'));
    await flush();
    // The first row is on screen (its card is watched, and the row, for when it leaves). Of the 20
    // new rows, the first ROWS_SOON are taken as on screen until the row observer says; the rest wait.
    expect(rows.observed.size).toBe(21);
    expect(intersections.observed.size).toBe(1 + ROWS_SOON + 1);
    expect(querySpy).not.toHaveBeenCalled();
    querySpy.mockRestore();
    // The row observer's first report: the new rows are off screen, so their cards are let go.
    rows.hide(...[...rows.observed].slice(1));
    expect(intersections.observed.size).toBe(2);
  });

  it('observes the cards of the first rows the page adds in the frame it adds them, and lets them go when the row observer finds them off screen', async () => {
    const { rows, intersections, onVisible } = start(netflix, { rowsNear: false });
    document.body.insertAdjacentHTML(
      'beforeend',
      Array.from({ length: ROWS_SOON + 2 }, (_, r) => row(card(String(81000000 + r), `Added ${r}`), `id="added-${r}"`)).join(''),
    );
    await flush();
    const added = (r: number) => document.getElementById(`added-${r}`)!;
    const cardOf = (r: number) => added(r).querySelector('a')!;
    expect([...intersections.observed]).toEqual(Array.from({ length: ROWS_SOON }, (_, r) => cardOf(r)));
    // A card on screen is read at the observers' first report, as any card.
    intersections.show(cardOf(0));
    expect(onVisible.mock.lastCall![0].map(({ card }) => card.sighting.title)).toEqual(['Added 0']);
    // The row observer's first report: rows 0 and 1 on screen (nothing changes), the rest off screen.
    rows.show(added(0), added(1));
    rows.hide(...Array.from({ length: ROWS_SOON }, (_, r) => added(r)).slice(2));
    expect([...intersections.observed]).toEqual([cardOf(1)]);
    // A row past the first ROWS_SOON waits for the row observer, as rows did before.
    rows.show(added(ROWS_SOON));
    expect(intersections.observed.has(cardOf(ROWS_SOON))).toBe(true);
    expect(intersections.observed.has(cardOf(ROWS_SOON + 1))).toBe(false);
  });

  it('observes the cards of the rows on screen only, and lets them go when their row leaves', async () => {
    // Rows of ROW_WINDOW cards or fewer are observed whole.
    document.body.innerHTML = Array.from({ length: 40 }, (_, r) => row(Array.from({ length: ROW_WINDOW }, (_, i) => card(String(81000000 + r * 50 + i), `T ${r} ${i}`)).join(''), `id="row-${r}"`)).join('');
    const { rows, intersections, onGone, onVisible, readCard } = start(netflix, { rowsNear: false });
    expect(rows.observed.size).toBe(40);
    expect(intersections.observed.size).toBe(0);
    const [first, second] = [document.getElementById('row-0')!, document.getElementById('row-1')!];
    rows.show(first, second);
    expect(intersections.observed.size).toBe(2 * ROW_WINDOW);
    // Reported again (a row coming back) changes nothing.
    rows.show(first);
    expect(intersections.observed.size).toBe(2 * ROW_WINDOW);
    const seen = first.querySelector('a')!;
    intersections.show(seen);
    expect(readCard).toHaveBeenCalledTimes(1);
    // Read once, a card is let go: only a change the mutation observer sees makes it another title.
    expect(intersections.observed.has(seen)).toBe(false);
    expect(intersections.observed.size).toBe(2 * ROW_WINDOW - 1);
    // Rows stay watched, for when they leave the screen and come back.
    expect(rows.observed.size).toBe(40);
    // Cards a row gets later are watched at once.
    first.querySelector('[data-uia="carousel-scroller"]')!.insertAdjacentHTML('beforeend', card('81009999', 'Late'));
    await flush();
    expect(intersections.observed.size).toBe(2 * ROW_WINDOW);
    expect(intersections.observed.has(link('81009999'))).toBe(true);
    rows.hide(first);
    expect(intersections.observed.size).toBe(ROW_WINDOW);
    expect([...intersections.observed].every((element) => second.contains(element))).toBe(true);
    // Off screen is not gone: a badge already placed stays.
    expect(onGone).not.toHaveBeenCalled();
    // A card of a row off screen that the page changes is forgotten, and read afresh when its row is back.
    seen.setAttribute('aria-label', 'T 0 0, renamed');
    await flush();
    expect(onGone).toHaveBeenCalledWith(seen);
    expect(intersections.observed.has(seen)).toBe(false);
    rows.show(first);
    expect(intersections.observed.has(seen)).toBe(true);
    intersections.show(seen);
    expect(onVisible.mock.lastCall![0][0]!.card.sighting.title).toBe('T 0 0, renamed');
    // A card read before is not read again when its row comes back.
    const other = first.querySelectorAll('a')[1]!;
    intersections.show(other);
    rows.hide(first);
    rows.show(first);
    expect(intersections.observed.has(other)).toBe(false);
    expect(readCard).toHaveBeenCalledTimes(3);
  });

  it("observes a long row's window and tail, and all of it once the viewer moves along the row", () => {
    const ids = (r: number) => Array.from({ length: 50 }, (_, i) => String(81000000 + r * 100 + i));
    document.body.innerHTML = [0, 1, 2].map((r) => row(ids(r).map((id, i) => card(id, `T ${r} ${i}`)).join(''), `id="row-${r}"`)).join('');
    const { rows, intersections, onVisible } = start(netflix, { rowsNear: false });
    const [first, second, third] = [0, 1, 2].map((r) => document.getElementById(`row-${r}`)!);
    const observedIn = (element: Element) => [...element.querySelectorAll('a')].filter((card) => intersections.observed.has(card));
    const windowOf = (r: number) => [...ids(r).slice(0, ROW_WINDOW), ...ids(r).slice(-ROW_TAIL)].map(link);
    /** Every card of row `r` but those already read (read once, a card is let go). */
    const allBut = (r: number, read: string[]) => ids(r).filter((id) => !read.includes(id)).map(link);
    rows.show(first!, second!, third!);
    for (const [r, element] of [first!, second!, third!].entries()) expect(observedIn(element)).toEqual(windowOf(r));
    // What a row shows before anyone moves along it.
    const inView = ids(0).slice(0, ROW_VIEW);
    intersections.show(...inView.map(link));
    expect(observedIn(first!)).toEqual(windowOf(0).filter((card) => !inView.map(link).includes(card)));
    // A card after those on screen: the viewer paged forward.
    intersections.show(link(ids(0)[ROW_VIEW]!));
    expect(observedIn(first!)).toEqual(allBut(0, [...inView, ids(0)[ROW_VIEW]!]));
    // A card of the tail on screen: the carousel wrapped around to its end.
    intersections.show(link(ids(1).at(-1)!));
    expect(observedIn(second!)).toEqual(allBut(1, [ids(1).at(-1)!]));
    // The third row, untouched, keeps its window.
    expect(observedIn(third!)).toEqual(windowOf(2));
    // Cards observed by widening are read when they come on screen.
    intersections.show(link(ids(0)[30]!));
    expect(onVisible.mock.lastCall![0].map((seen) => seen.card.sighting.siteId)).toEqual([ids(0)[30]]);
    // A row the viewer moved along is observed whole when it comes back; the others get their window again.
    rows.hide(first!, third!);
    expect(observedIn(first!)).toEqual([]);
    rows.show(first!, third!);
    expect(observedIn(first!)).toEqual(allBut(0, [...inView, ids(0)[ROW_VIEW]!, ids(0)[30]!]));
    expect(observedIn(third!)).toEqual(windowOf(2));
  });

  it('reports the cards of titles known to have a story as the page adds them, on screen or not, and reads no other', async () => {
    const ids: string[] = [];
    const { rows, intersections, onVisible, onGone, readCard } = start(netflix, {
      rowsNear: false,
      known: { ids: () => ids, has: ({ sighting }) => sighting.siteId === '80990017' && sighting.title === 'Somos.' },
    });
    // Nothing known yet: an added card waits for its row to come on screen.
    document.body.insertAdjacentHTML('beforeend', row(card('80990017', 'Somos.'), 'id="before"'));
    await flush();
    expect(onVisible).not.toHaveBeenCalled();

    ids.push('80990017');
    document.body.insertAdjacentHTML(
      'beforeend',
      row(
        card('80990042', 'The Lantern Keepers') +
          card('80990017', 'Somos.') +
          // The known ID inside a longer one, and the known ID under another title: read, not reported.
          card('8099001799', 'Somos. Again') +
          card('80990017', 'Somos: The Making Of'),
        'id="after"',
      ),
    );
    await flush();
    const after = document.getElementById('after')!;
    const [lantern, somos, longer, otherTitle] = Array.from(after.querySelectorAll('a'));
    expect(onVisible).toHaveBeenCalledTimes(1);
    expect(onVisible.mock.lastCall![0]).toEqual([{ element: somos, card: expect.objectContaining({ host: somos!.parentElement }) }]);
    expect(readCard.mock.calls.map(([element]) => element)).toEqual([somos, longer, otherTitle]);
    expect(readCard.mock.calls.map(([element]) => element)).not.toContain(lantern);

    // Reported once: its row (taken as on screen as it was added) observes the others, not it.
    rows.show(after);
    expect([...intersections.observed].filter((element) => after.contains(element))).toEqual([lantern, longer, otherTitle]);
    after.remove();
    await flush();
    expect(onGone).toHaveBeenCalledExactlyOnceWith(somos);
  });

  it('forgets removed cards (unobserved, reported gone) but keeps a card the page only moved', async () => {
    document.body.innerHTML = row(card('80990017', 'Somos.') + card('80990018', 'Not yet seen'), 'id="a"') + row(card('80990042', 'The Lantern Keepers'), 'id="b"');
    const { intersections, onGone } = start();
    const somos = link('80990017');
    const unseen = link('80990018');
    const lantern = link('80990042');
    intersections.show(somos, lantern);
    expect(intersections.observed.has(unseen)).toBe(true);
    document.getElementById('a')!.remove();
    const b = document.getElementById('b')!;
    b.remove();
    document.body.prepend(b);
    await flush();
    expect(onGone).toHaveBeenCalledTimes(1);
    expect(onGone).toHaveBeenCalledWith(somos);
    expect(intersections.observed.has(unseen)).toBe(false);
    // The moved card is still followed: a change of title is noticed.
    lantern.setAttribute('aria-label', 'Another title');
    await flush();
    expect(onGone).toHaveBeenLastCalledWith(lantern);
    expect(intersections.observed.has(lantern)).toBe(true);
  });

  it('reads a card again when the page reuses its link for another title', async () => {
    document.body.innerHTML = row(card('80990017', 'Somos.'));
    const { intersections, onGone, onVisible } = start();
    const reused = link('80990017');
    intersections.show(reused);
    const observedBefore = intersections.observeCalls;
    reused.setAttribute('href', '/browse?jbv=80990042');
    reused.setAttribute('aria-label', 'The Lantern Keepers');
    await flush();
    expect(onGone).toHaveBeenCalledWith(reused);
    expect(intersections.observeCalls).toBe(observedBefore + 1);
    intersections.show(reused);
    expect(onVisible.mock.lastCall![0][0]!.card.sighting).toMatchObject({ siteId: '80990042', title: 'The Lantern Keepers' });
  });

  it('never lets a card that breaks the adapter reach the page as an error', () => {
    document.body.innerHTML = row(card('80990017', 'Somos.') + card('80990042', 'The Lantern Keepers'));
    const { intersections, onVisible, readCard } = start();
    readCard.mockImplementationOnce(() => {
      throw new Error('strange markup');
    });
    expect(() => intersections.show(link('80990017'), link('80990042'))).not.toThrow();
    expect(onVisible.mock.lastCall![0].map(({ card }) => card.sighting.siteId)).toEqual(['80990042']);
  });

  it('ignores our own badges and panel coming and going: a batch of only those schedules nothing', async () => {
    document.body.innerHTML = row(card('80990017', 'Somos.'));
    const { intersections, schedule } = start();
    await flush();
    schedule.mockClear();
    const badge = document.createElement('backstory-badge');
    badge.innerHTML = `<a data-uia="standard-card" href="/browse?jbv=80990042" aria-label="Not a card">x</a>`;
    link('80990017').parentElement!.append(badge);
    document.body.append(document.createElement('backstory-panel'));
    await flush();
    badge.remove();
    await flush();
    expect(schedule).not.toHaveBeenCalled();
    expect(intersections.observed.size).toBe(1);
    // Anything else the page adds still counts, our badge beside it or not.
    link('80990017').parentElement!.append(document.createElement('backstory-badge'), document.createElement('div'));
    await flush();
    expect(schedule).toHaveBeenCalledTimes(1);
  });

  it('hands the page observer the badges its report placed at once, not in a callback of their own', async () => {
    document.body.innerHTML = row(card('80990017', 'Somos.'));
    const mutations = observePageMutations(document);
    const heard = vi.fn<MutationListener>();
    const stopHearing = mutations.subscribe(heard);
    const { intersections, onVisible, schedule } = start(netflix, { mutations });
    await flush();
    schedule.mockClear();
    onVisible.mockImplementation((cards) => cards.forEach(({ card }) => card.host.prepend(document.createElement('backstory-badge'))));
    intersections.show(link('80990017'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.lastCall![0].flatMap((record) => Array.from(record.addedNodes, (node) => node.nodeName))).toEqual(['BACKSTORY-BADGE']);
    await flush();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(schedule).not.toHaveBeenCalled();
    stopHearing();
  });

  it('stops: every observer disconnected, nothing reported after', async () => {
    document.body.innerHTML = row(card('80990017', 'Somos.'));
    const { rows, intersections, onVisible, onGone, watcher } = start();
    const somos = link('80990017');
    watcher.stop();
    expect(intersections.disconnected).toBe(true);
    expect(rows.disconnected).toBe(true);
    // A report the browser queued before the stop reads nothing.
    intersections.late(somos);
    expect(onVisible).not.toHaveBeenCalled();
    document.body.innerHTML = row(card('80990042', 'The Lantern Keepers'));
    await flush();
    expect(onGone).not.toHaveBeenCalled();
    expect(intersections.observed.size).toBe(0);
  });
});
