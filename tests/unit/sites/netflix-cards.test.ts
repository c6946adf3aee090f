// Card sightings on our own browse and search fixtures (tests/fixtures/pages/netflix/).
import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import { isExcluded, isExcludedIn } from '../../../lib/sites/netflix/dom';
import { allText, NETFLIX, ownFixture, realCapture, sightingsOf } from './netflix-page';

describe('netflix cards: legacy lolomo rows (browse-legacy.html)', () => {
  const { doc, url } = ownFixture('browse-legacy.html', `${NETFLIX}/browse`);
  const cards = cardsOnPage(netflix, doc, url);

  it('reads the three genre cards and the Continue Watching card, IDs from tctx', () => {
    expect(sightingsOf(cards)).toStrictEqual([
      { site: 'netflix', surface: 'card', siteId: '80990111', playableId: '80990111', title: 'Salt Roads' },
      { site: 'netflix', surface: 'card', siteId: '80990112', playableId: '80990112', title: 'The Quiet Harbour' },
      { site: 'netflix', surface: 'card', siteId: '80990113', playableId: '80990113', title: 'Ninety Days in Vellmar' },
      // Resumes episode 80990125; tctx names the show.
      { site: 'netflix', surface: 'card', siteId: '80990120', playableId: '80990125', title: 'Ashfall County' },
    ]);
  });

  it('never takes a Continue Watching link for the show when tctx is missing: it resumes an episode', () => {
    const withoutTctx = ownFixture('browse-legacy.html', `${NETFLIX}/browse`);
    for (const link of withoutTctx.doc.querySelectorAll('a[href*="tctx="]')) {
      link.setAttribute('href', link.getAttribute('href')!.replace(/\?.*$/, ''));
    }
    const cards = cardsOnPage(netflix, withoutTctx.doc, withoutTctx.url);
    // Without the show's ID the card is not reported at all, rather than under its episode's ID.
    expect(cards.find((card) => card.sighting.title === 'Ashfall County')).toBeUndefined();
    expect(cards.map((card) => card.sighting.siteId)).not.toContain('80990125');
    const genre = cards.find((card) => card.sighting.title === 'Salt Roads');
    expect(genre?.sighting.siteId).toBe('80990111');
  });

  it('hosts each badge on the slider item', () => {
    for (const { host } of cards) expect(host.classList.contains('slider-item')).toBe(true);
  });

  it('ignores the billboard, row titles and the injected tooltip', () => {
    const text = allText(sightingsOf(cards));
    for (const trap of ['Saltwater Saints', '80990151', '80990152', 'Gripping Docuseries', 'Continue Watching', 'Salt Road Murders', 'See more titles']) {
      expect(text).not.toContain(trap);
    }
  });

  it('has no focused title', () => {
    expect(netflix.focus(doc, url)).toBeNull();
  });
});

describe('netflix cards: 2026 carousel rows (browse-carousel.html)', () => {
  const { doc, url } = ownFixture('browse-carousel.html', `${NETFLIX}/browse`);
  const cards = cardsOnPage(netflix, doc, url);

  it('reads standard, ranked and progress cards once each, IDs from jbv', () => {
    expect(sightingsOf(cards)).toStrictEqual([
      { site: 'netflix', surface: 'card', siteId: '80990201', title: 'Moss & Iron' },
      { site: 'netflix', surface: 'card', siteId: '80990202', title: 'NORTHBOUND' },
      { site: 'netflix', surface: 'card', siteId: '80990203', title: 'The Glass Orchard' },
    ]);
  });

  it('hosts each badge on the first virtual slot of its title', () => {
    expect(cards.map(({ host }) => host.getAttribute('data-virtual-slot'))).toStrictEqual(['0', '0', '0']);
    expect(cards[0]?.host.querySelector('a')?.getAttribute('tabindex')).toBe('0');
  });

  it('skips the game row, including its non-game card, and the placeholder row', () => {
    const text = allText(sightingsOf(cards));
    for (const trap of ['Lantern Run', '80990208', 'Puzzle Harbour', '80990209', 'Placeholder Title', '80990299']) {
      expect(text).not.toContain(trap);
    }
  });

  it('has no focused title', () => {
    expect(netflix.focus(doc, url)).toBeNull();
  });
});

describe('netflix cards: mini modal (modal-mini.html)', () => {
  const { doc, url } = ownFixture('modal-mini.html', `${NETFLIX}/browse`);
  const cards = cardsOnPage(netflix, doc, url);

  it('reports the hover preview as a mini sighting beside the row cards, without a year', () => {
    expect(sightingsOf(cards)).toStrictEqual([
      { site: 'netflix', surface: 'card', siteId: '80990301', title: 'Paper Lanterns' },
      { site: 'netflix', surface: 'card', siteId: '80990302', title: 'The Ninth Lighthouse' },
      { site: 'netflix', surface: 'mini', siteId: '80990301', playableId: '80990301', title: 'Paper Lanterns', kind: 'film' },
    ]);
  });

  it('hosts the mini badge on the preview player', () => {
    expect(cards[2]?.host.getAttribute('data-uia')).toBe('previewModal--player_container');
  });

  it('is not a focus: a hover preview is not what the user opened', () => {
    expect(netflix.focus(doc, url)).toBeNull();
  });

  it('ignores the button labels, tags and the injected overlay', () => {
    const text = allText(sightingsOf(cards));
    for (const trap of ['Play', 'My List', 'expand', 'Heartfelt', 'Paper Moon', 'tt0070510']) expect(text).not.toContain(trap);
  });
});

describe('netflix cards: search (search.html)', () => {
  const { doc, url } = ownFixture('search.html', `${NETFLIX}/search?q=dune`);
  const cards = cardsOnPage(netflix, doc, url);

  it('reads gallery and standard result cards once each, in page order', () => {
    expect(sightingsOf(cards)).toStrictEqual([
      { site: 'netflix', surface: 'card', siteId: '80990801', title: 'Sandglass' },
      { site: 'netflix', surface: 'card', siteId: '80990802', title: 'The Dry Sea' },
      { site: 'netflix', surface: 'card', siteId: '80990803', title: 'Wind Over Dunes' },
      { site: 'netflix', surface: 'card', siteId: '80990804', title: 'Caravan of Salt' },
    ]);
  });

  it('ignores suggestion chips and the query', () => {
    const text = allText(sightingsOf(cards));
    for (const trap of ['Dune Racing', 'Desert Adventures', '80990891', 'dune']) expect(text).not.toContain(trap);
  });

  it('has no focused title', () => {
    expect(netflix.focus(doc, url)).toBeNull();
  });
});

describe('netflix cards: one element at a time (what the content script reads as cards come on screen)', () => {
  for (const fixture of ['browse-legacy.html', 'browse-carousel.html', 'search.html', 'modal-mini.html']) {
    it(`${fixture}: reading each card element gives what the whole-page read gives`, () => {
      const { doc, url } = ownFixture(fixture, `${NETFLIX}/browse`);
      const one = Array.from(doc.querySelectorAll(netflix.cardElements))
        .map((element) => netflix.readCard(element, url))
        .filter((card) => card !== null);
      const whole = cardsOnPage(netflix, doc, url);
      expect(whole.length).toBeGreaterThan(0);
      // The whole-page read drops repeats of an ID; element by element, each repeat is its own card.
      for (const card of whole) expect(one).toContainEqual(card);
      expect(new Set(one.map(({ sighting }) => `${sighting.surface}:${sighting.siteId}`)).size).toBe(whole.length);
    });
  }

  it('reads nothing from elements that are not cards, games, or the billboard', () => {
    const { doc, url } = ownFixture('browse-carousel.html', `${NETFLIX}/browse`);
    const notCards = [doc.body, doc.querySelector('a[data-uia="cloud-game-card"]'), doc.querySelector('[data-uia="billboard-title"]')];
    for (const element of notCards.filter((element) => element !== null)) expect(netflix.readCard(element, url)).toBeNull();
    const game = doc.querySelector('a[data-uia="cloud-game-card"]');
    expect(game).not.toBeNull();
  });
});

/** Our browse, search and mini-modal fixtures and the real 2026 card captures: every kind of card. */
function pagesWithCards() {
  return [
    ...['browse-carousel.html', 'browse-legacy.html', 'search.html', 'modal-mini.html'].map((name) => ownFixture(name, `${NETFLIX}/browse`)),
    ...['standard-card.html', 'ranked-card.html', 'progress-card.html', 'title-card.html', 'preview-mini.html'].map((name) => realCapture(name, `${NETFLIX}/browse`)),
  ];
}

describe('netflix cards: the query for a row that comes on screen', () => {
  const pages = pagesWithCards();

  it('finds in every row exactly the card elements the full card query finds there', () => {
    let rows = 0;
    for (const { doc } of pages) {
      for (const row of doc.querySelectorAll(netflix.cardGroups!)) {
        rows++;
        expect([...row.querySelectorAll(netflix.groupCardElements!)]).toEqual([...row.querySelectorAll(netflix.cardElements)]);
      }
    }
    expect(rows).toBeGreaterThan(4);
  });
});

describe('netflix cards: reading the cards that came on screen together', () => {
  const pages = [
    ...['browse-carousel.html', 'browse-legacy.html', 'search.html', 'modal-mini.html', 'modal-detail-series.html', 'modal-detail-legacy.html', 'title-loggedout-lodp.html'].map((name) =>
      ownFixture(name, `${NETFLIX}/browse`),
    ),
    ...['standard-card.html', 'ranked-card.html', 'progress-card.html', 'title-card.html', 'preview-mini.html', 'preview-detail.html'].map((name) => realCapture(name, `${NETFLIX}/browse`)),
  ];

  it('tells the same excluded regions with what it learnt of shared ancestors, in any order', () => {
    let excluded = 0;
    for (const { doc } of pages) {
      const elements = [...doc.querySelectorAll('*')];
      for (const order of [elements, [...elements].reverse()]) {
        const known = new Map<Element, boolean>();
        for (const element of order) expect(isExcludedIn(element, known)).toBe(isExcluded(element));
      }
      excluded += elements.filter(isExcluded).length;
    }
    expect(excluded).toBeGreaterThan(20);
  });

  it('reads in one batch exactly what it reads card by card', () => {
    let read = 0;
    for (const { doc, url } of pages) {
      const batch = new Map<Element, boolean>();
      for (const element of doc.querySelectorAll(netflix.cardElements)) {
        const alone = netflix.readCard(element, url);
        expect(netflix.readCard(element, url, batch)).toEqual(alone);
        if (alone) read++;
      }
    }
    expect(read).toBeGreaterThan(10);
  });
});

describe('netflix cards: the query for the cards of titles already known', () => {
  const pages = pagesWithCards();

  it('finds every card link of those IDs (jbv, /watch/, tctx), whatever the era, and no card of another ID', () => {
    let links = 0;
    for (const { doc, url } of pages) {
      const cards = Array.from(doc.querySelectorAll(netflix.groupCardElements!)).flatMap((element) => {
        const read = netflix.readCard(element, url);
        return read ? [{ element, siteId: read.sighting.siteId! }] : [];
      });
      const ids = [...new Set(cards.map(({ siteId }) => siteId))];
      for (const [i, id] of ids.entries()) {
        // Asked with one other ID beside it, as the watcher asks with every ID it knows.
        const found = new Set(doc.querySelectorAll(netflix.cardsShowing!([id, ids[(i + 1) % ids.length]!])));
        const asked = new Set([id, ids[(i + 1) % ids.length]]);
        for (const card of cards) expect(found.has(card.element), `${card.siteId} asked for ${[...asked].join(', ')}`).toBe(asked.has(card.siteId));
        links += cards.filter((card) => card.siteId === id).length;
      }
    }
    expect(links).toBeGreaterThan(30);
  });
});
