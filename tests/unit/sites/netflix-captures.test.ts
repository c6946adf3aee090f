// The six real captures in shared/fixtures/netflix-2026/ (read in place: GPL data, not copied here),
// with the results their README expects after deduplication.
import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import { allText, expectValid, NETFLIX, realCapture, sightingsOf } from './netflix-page';

/** Another extension (FlixMonkey) was running during capture; none of its text may surface. */
const INJECTED = /IMDb|tt\d{7}|🔍|_/;

function cardsOf(file: string, url: string) {
  const { doc, url: pageUrl } = realCapture(file, url);
  return { doc, url: pageUrl, cards: cardsOnPage(netflix, doc, pageUrl) };
}

function titlesAndIds(file: string, url: string): [string | undefined, string | undefined][] {
  return sightingsOf(cardsOf(file, url).cards).map(({ title, siteId }) => [title, siteId]);
}

describe('real capture: standard-card.html (search, 2026 cards)', () => {
  const url = `${NETFLIX}/search?q=breaking+bad`;
  const { doc, cards } = cardsOf('standard-card.html', url);

  it('has 12 card anchors after parsing, and gives 6 sightings', () => {
    expect(doc.querySelectorAll('a[data-uia="standard-card"][aria-label]')).toHaveLength(12);
    expect(titlesAndIds('standard-card.html', url)).toStrictEqual([
      ['Breaking Bad', '70143836'],
      ['El Camino: A Breaking Bad Movie', '81078819'],
      ['The Road to El Camino: Behind the Scenes of El Camino: A Breaking Bad Movie', '81211714'],
      ['Untold Raygun: Breaking Badly', '82048542'],
      ['Better Call Saul', '80021955'],
      ['Dexter', '70136126'],
    ]);
  });

  it('titles El Camino from its aria-label, not the injected tooltip naming another title', () => {
    expect(cards[1]?.sighting).toStrictEqual({ site: 'netflix', surface: 'card', siteId: '81078819', title: 'El Camino: A Breaking Bad Movie' });
  });

  it('uses no injected text, fm slug or query', () => {
    const text = allText(sightingsOf(cards));
    expect(text).not.toMatch(INJECTED);
    expect(text).not.toMatch(/breaking_bad|el_camino|\(2008\)|\(2019\)|9\.5|7\.1/);
    expect(sightingsOf(cards).every(({ surface }) => surface === 'card')).toBe(true);
  });

  it('hosts badges on the first, real card anchor', () => {
    for (const { host } of cards) {
      expect(host.getAttribute('data-uia')).toBe('standard-card');
      expect(host.querySelector('img.standard-card')).not.toBeNull();
    }
  });
});

describe('real capture: ranked-card.html (Top 10)', () => {
  it('gives 10 sightings in rank order, wrap-around copies dropped, labels kept as given', () => {
    expect(titlesAndIds('ranked-card.html', `${NETFLIX}/browse`)).toStrictEqual([
      ['72 HOURS', '81715790'],
      ['Elize: Shadows of a Woman', '81701598'],
      ['The Truthers', '81783055'],
      ['A Toxic Love Story', '81923353'],
      ['Ghost Town', '70101370'],
      ['Despicable Me 4', '81776693'],
      ['Desire', '81984117'],
      ['The Debt Collector', '81786017'],
      ['Voicemails for Isabelle', '81716219'],
      ['Sonic the Hedgehog 3', '81902147'],
    ]);
  });
});

describe('real capture: progress-card.html (Continue Watching, anonymised)', () => {
  const url = `${NETFLIX}/browse`;
  const { doc, cards } = cardsOf('progress-card.html', url);

  it('gives exactly 5 sightings out of 10 card anchors and 15 jbv links', () => {
    expect(doc.querySelectorAll('a[data-uia="progress-card"][aria-label]')).toHaveLength(10);
    expect(doc.querySelectorAll('a[href*="jbv="]')).toHaveLength(15);
    expect(titlesAndIds('progress-card.html', url)).toStrictEqual(
      [1, 2, 3, 4, 5].map((n) => [`Synthetic Progress Title 0${n}`, `9900000${n}`]),
    );
  });

  it('never reports the leftover fm slugs of the real titles', () => {
    expect(allText(sightingsOf(cards))).not.toMatch(/bones|death_inc|frankelda|love_from|lidia/i);
  });
});

describe('real capture: title-card.html (legacy lolomo row)', () => {
  const url = `${NETFLIX}/browse`;
  const { cards } = cardsOf('title-card.html', url);

  it('gives all 8 cards, on and off screen, with the /watch/ ID as the title ID', () => {
    expect(sightingsOf(cards)).toStrictEqual(
      [
        ['Sweet Magnolias', '80239866'],
        ['Office Romance', '81939823'],
        ["It's Complicated", '70124574'],
        ['Pernille', '81082296'],
        ['Players', '81034895'],
        ['Faraway', '81286006'],
        ['Made with Love', '81674779'],
        ['Mamma Mia!', '70097579'],
      ].map(([title, id]) => ({ site: 'netflix', surface: 'card', siteId: id, playableId: id, title })),
    );
  });

  it('hosts badges on the slider items, one each', () => {
    const hosts = cards.map(({ host }) => host);
    expect(hosts.every((host) => host.classList.contains('slider-item'))).toBe(true);
    expect(new Set(hosts).size).toBe(8);
  });

  it('ignores the row title, the handle, the loading placeholder and the injected overlay', () => {
    expect(allText(sightingsOf(cards))).not.toMatch(/Hot Divorcee Summer|See more titles|IMDb|\d\.\d/);
  });
});

describe('real capture: preview-mini.html (hover preview)', () => {
  const url = `${NETFLIX}/browse`;
  const { doc, cards } = cardsOf('preview-mini.html', url);

  it('gives one mini sighting, from the /title/ link split into 6 anchors', () => {
    expect(doc.querySelectorAll('a[href^="/title/70124574"]')).toHaveLength(6);
    expect(sightingsOf(cards)).toStrictEqual([
      { site: 'netflix', surface: 'mini', siteId: '70124574', playableId: '70124574', title: "It's Complicated", kind: 'film' },
    ]);
  });

  it('is not a focus', () => {
    expect(netflix.focus(doc, new URL(url))).toBeNull();
  });
});

describe('real capture: preview-detail.html (detail modal of a film)', () => {
  const expected = {
    site: 'netflix',
    surface: 'detail',
    siteId: '70124574',
    playableId: '70124574',
    title: "It's Complicated",
    year: 2009,
    kind: 'film',
  };

  it.each([[`${NETFLIX}/browse?jbv=70124574`], [`${NETFLIX}/browse`]])('reads the film on %s', (url) => {
    const { doc, url: pageUrl } = realCapture('preview-detail.html', url);
    expect(doc.querySelectorAll('.year')).toHaveLength(26);
    const focus = netflix.focus(doc, pageUrl);
    expect(focus && expectValid(focus.sighting)).toStrictEqual(expected);
    expect(focus?.anchor.element.getAttribute('data-uia')).toBe('previewModal--detailsMetadata');
    expect(focus?.anchor.placement).toBe('after');
  });

  it('takes no More Like This title, tag, rating or button label, and reports no cards', () => {
    const { doc, url } = realCapture('preview-detail.html', `${NETFLIX}/browse?jbv=70124574`);
    const focus = netflix.focus(doc, url);
    const text = allText(focus ? [focus.sighting] : []);
    expect(text).not.toMatch(/Players|It Had to be You|Tuscan Wedding|Meryl Streep|Romantic|Recommended|Play\b|IMDb/);
    expect(cardsOnPage(netflix, doc, url)).toStrictEqual([]);
  });

  it('falls back to the About header when the player images lose their alt', () => {
    const { doc, url } = realCapture('preview-detail.html', `${NETFLIX}/browse`);
    doc.querySelectorAll('[data-uia="previewModal--player_container"] img').forEach((image) => image.removeAttribute('alt'));
    expect(netflix.focus(doc, url)?.sighting.title).toBe("It's Complicated");
  });
});
