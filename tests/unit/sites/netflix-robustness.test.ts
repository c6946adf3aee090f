// Strange, broken and hostile markup: the adapter never throws and never guesses.
import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import { expectValid, NETFLIX, parsePage, sightingsOf } from './netflix-page';

const PAGE_URLS = [
  '/browse',
  '/browse?jbv=80990017',
  '/search?q=x&jbv=80990017',
  '/title/80990017',
  '/it-en/title/80990017',
  '/watch/80990101?tctx=0%2CVideo%3A80990017',
  '/watch/80990101',
  '/latest',
  '/',
].map((path) => new URL(path, NETFLIX));

const DETAIL_DIALOG = '<div role="dialog" data-uia="modal-motion-container-DETAIL_MODAL" class="previewModal--container detail-modal">';

function carouselCard(label: string, href = '/browse?jbv=80990201'): string {
  return `<section class="carousel-row"><div data-uia="carousel-scroller"><div data-virtual-slot="0"><a data-uia="standard-card" href="${href}" aria-label="${label}"><img alt=""></a></div></div></section>`;
}

function cardsFor(html: string, path = '/browse') {
  const { doc, url } = parsePage(html, path);
  return sightingsOf(cardsOnPage(netflix, doc, url));
}

function focusFor(html: string, path: string) {
  const { doc, url } = parsePage(html, path);
  const focus = netflix.focus(doc, url);
  if (focus) expectValid(focus.sighting);
  return focus;
}

describe('netflix adapter: empty and odd documents', () => {
  it.each(PAGE_URLS.map((url) => [url.pathname + url.search, url]))('never throws on an empty page at %s', (_, url) => {
    const html = parsePage('', url.href).doc;
    const bare = document.implementation.createDocument(null, null, null);
    for (const doc of [html, bare]) {
      expect(cardsOnPage(netflix, doc, url)).toStrictEqual([]);
      const focus = netflix.focus(doc, url);
      if (focus) expectValid(focus.sighting);
    }
  });

  it('an empty page on browse or search has no focus', () => {
    expect(focusFor('', '/browse')).toBeNull();
    expect(focusFor('', '/browse?jbv=80990017')).toBeNull();
    expect(focusFor('', '/search?q=somos')).toBeNull();
  });

  it('a detail dialog without children still gives the jbv ID, anchored inside the dialog', () => {
    const { doc, url } = parsePage(`<title>Home - Netflix</title>${DETAIL_DIALOG}</div>`, '/browse?jbv=80990017');
    const focus = netflix.focus(doc, url);
    expect(focus?.sighting).toStrictEqual({ site: 'netflix', surface: 'detail', siteId: '80990017' });
    expect(focus?.anchor).toStrictEqual({ element: doc.querySelector('[role="dialog"]'), placement: 'append' });
  });

  it('a detail dialog without children or ID is no focus: the tab title "Home - Netflix" is not a title', () => {
    expect(focusFor(`<title>Home - Netflix</title>${DETAIL_DIALOG}</div>`, '/browse')).toBeNull();
  });

  it('a detail dialog with only the tab title gives that title', () => {
    expect(focusFor(`<title>Somos. - Netflix</title>${DETAIL_DIALOG}</div>`, '/browse')?.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      title: 'Somos.',
    });
  });

  it('recognises a detail modal by its class when the motion-container hook is missing', () => {
    const html = '<div role="dialog" class="previewModal--container detail-modal"><img class="previewModal--boxart" alt="Ember Valley"></div>';
    expect(focusFor(html, '/browse?jbv=80990401')?.sighting).toMatchObject({ siteId: '80990401', title: 'Ember Valley' });
  });
});

describe('netflix adapter: IDs', () => {
  it.each([
    ['abc', undefined],
    ['8099001a', undefined],
    ['1234', undefined],
    ['12345', '12345'],
    ['1234567890', '1234567890'],
    ['12345678901', undefined],
    ['-80990017', undefined],
    [' 80990017', undefined],
  ])('jbv=%s gives the ID %s', (jbv, expected) => {
    const html = `${DETAIL_DIALOG}<img class="previewModal--boxart" alt="Somos."></div>`;
    expect(focusFor(html, `/browse?jbv=${encodeURIComponent(jbv)}`)?.sighting.siteId).toBe(expected);
    expect(cardsFor(carouselCard('Somos.', `/browse?jbv=${encodeURIComponent(jbv)}`)).map(({ siteId }) => siteId)).toStrictEqual(
      expected ? [expected] : [],
    );
  });

  it('a non-numeric jbv falls back to the play button tctx', () => {
    const html = `${DETAIL_DIALOG}<a data-uia="play-button" href="/watch/80990101?tctx=0%2C0%2CVideo%3A80990017%2CdetailsPagePlayButton">Play</a></div>`;
    expect(focusFor(html, '/browse?jbv=not-an-id')?.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      siteId: '80990017',
      playableId: '80990101',
    });
  });

  it.each([
    ['words', 'garbage'],
    ['broken escapes', '%%%zz'],
    ['an empty Video', 'Video%3A'],
    ['a short ID', 'Video%3A12'],
    ['a long ID', 'Video%3A123456789012'],
    ['letters', 'Video%3Aabc%2CVideo'],
  ])('tctx with %s gives no show ID', (_, tctx) => {
    expect(focusFor('', `/watch/80990101?tctx=${tctx}`)?.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'watch',
      playableId: '80990101',
    });
    const html = `${DETAIL_DIALOG}<a data-uia="play-button" href="/watch/80990101?tctx=${tctx}">Play</a></div>`;
    expect(focusFor(html, '/browse')?.sighting).toStrictEqual({ site: 'netflix', surface: 'detail', playableId: '80990101' });
  });

  it('a huge tctx gives no show ID, and a huge play link is not read at all', () => {
    const huge = `${'x'.repeat(20_000)}Video%3A80990017`;
    expect(focusFor('', `/watch/80990101?tctx=${huge}`)?.sighting.playableId).toBe('80990101');
    const html = `${DETAIL_DIALOG}<a data-uia="play-button" href="/watch/80990101?tctx=${huge}">Play</a></div>`;
    expect(focusFor(html, '/browse')).toBeNull();
  });

  it('a series without jbv or tctx keeps the /watch/ ID as playable only', () => {
    const html = `${DETAIL_DIALOG}<img class="previewModal--boxart" alt="Ember Valley"><a data-uia="play-button" href="/watch/80990405">Play</a>
      <div data-uia="previewModal--detailsMetadata"><span class="duration">2 Seasons</span></div><div data-uia="episode-selector"></div></div>`;
    expect(focusFor(html, '/browse')?.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      playableId: '80990405',
      title: 'Ember Valley',
      kind: 'series',
    });
  });

  it('ignores links to other sites', () => {
    const html = `${DETAIL_DIALOG}<a data-uia="play-button" href="https://evil.example/watch/80990101?tctx=Video%3A80990017">Play</a></div>`;
    expect(focusFor(html, '/browse')).toBeNull();
    expect(cardsFor(carouselCard('Somos.', 'https://evil.example/browse?jbv=80990017'))).toStrictEqual([]);
  });
});

describe('netflix adapter: labels', () => {
  it.each([[''], ['   '], ['\u00a0\u200b\u2066 \u2069'], ['\n\t']])('a blank label (%j) gives no card', (label) => {
    expect(cardsFor(carouselCard(label))).toStrictEqual([]);
  });

  it.each([['静かな港'], ['الميناء الهادئ'], ['Ñandú: Crónica'], ['72 HOURS']])('keeps a label as given: %s', (label) => {
    expect(cardsFor(carouselCard(label))).toStrictEqual([{ site: 'netflix', surface: 'card', siteId: '80990201', title: label }]);
  });

  it('cuts a suffix at " (" only when a title remains', () => {
    expect(cardsFor(carouselCard('Moss &amp; Iron (Dubbed)'))[0]?.title).toBe('Moss & Iron');
    expect(cardsFor(carouselCard('(500) Steps North'))[0]?.title).toBe('(500) Steps North');
    expect(cardsFor(carouselCard('  Spaced   Out  '))[0]?.title).toBe('Spaced Out');
  });

  it('drops huge labels and hrefs without throwing', () => {
    const huge = 'A'.repeat(1_000_000);
    expect(cardsFor(carouselCard(huge))).toStrictEqual([]);
    expect(cardsFor(carouselCard('Somos.', `/browse?jbv=80990017&amp;pad=${huge}`))).toStrictEqual([]);
    const html = `${DETAIL_DIALOG}<img class="previewModal--boxart" alt="${huge}"><div class="about-header"><strong>Somos.</strong></div></div>`;
    expect(focusFor(html, '/browse?jbv=80990017')?.sighting.title).toBe('Somos.');
  });

  it('never reads a title from injected markup or tooltips', () => {
    const html = `<div data-uia="title-card-container"><div class="title-card fm-faded">
      <a class="slider-refocus" href="/watch/80990111" aria-label="Salt Roads" title="Another Show (1999)"></a>
      <div class="fm-rating-overlay"><a href="/watch/80990999" aria-label="Injected Show">IMDb</a></div></div></div>`;
    expect(cardsFor(html)).toStrictEqual([{ site: 'netflix', surface: 'card', siteId: '80990111', playableId: '80990111', title: 'Salt Roads' }]);
  });

  it('an aria-label on a billboard or More Like This link is not a card', () => {
    const html = `<section data-uia="billboard"><div class="title-card"><a class="slider-refocus" href="/watch/80990151" aria-label="Promoted"></a></div></section>
      <div data-uia="more-like-this"><a data-uia="standard-card" href="/browse?jbv=80990531" aria-label="Night Ferry"></a></div>
      <div data-uia="search-suggestion-list"><a data-uia="search-suggestion-card" href="/search?q=x&amp;jbv=80990891" aria-label="Chip"></a></div>`;
    expect(cardsFor(html)).toStrictEqual([]);
  });
});

describe('netflix adapter: untrusted JSON-LD', () => {
  const ldPage = (...scripts: string[]) =>
    `<html><head><title>Netflix</title>${scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join('')}</head><body></body></html>`;
  const titleFocus = (...scripts: string[]) => focusFor(ldPage(...scripts), '/title/80990501')?.sighting;

  it.each([
    ['malformed JSON', '{"@type":"Movie","name":'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"Movie"'],
    ['an empty array', '[]'],
    ['a wrong @type', '{"@type":"Organization","name":"Netflix"}'],
    ['an object @type', '{"@type":{"Movie":true},"name":"X"}'],
    ['deep nesting', `${'['.repeat(2000)}${']'.repeat(2000)}`],
  ])('ignores %s', (_, json) => {
    expect(titleFocus(json)).toStrictEqual({ site: 'netflix', surface: 'title-page', siteId: '80990501' });
  });

  it('keeps only well-typed fields of a title node', () => {
    expect(titleFocus('{"@type":"Movie","name":{"text":"X"},"dateCreated":2019,"numberOfSeasons":[1]}')).toStrictEqual({
      site: 'netflix',
      surface: 'title-page',
      siteId: '80990501',
      kind: 'film',
    });
  });

  it('finds the title node in an array or an @graph', () => {
    const node = { '@type': 'TVSeries', name: 'The Lantern Keepers', startDate: '2020-04-17', numberOfSeasons: '3' };
    const expected = { site: 'netflix', surface: 'title-page', siteId: '80990501', title: 'The Lantern Keepers', year: 2020, kind: 'series' };
    expect(titleFocus(JSON.stringify([{ '@type': 'Organization' }, node]))).toStrictEqual(expected);
    expect(titleFocus(JSON.stringify({ '@context': 'https://schema.org', '@graph': [node] }))).toStrictEqual(expected);
    expect(titleFocus('{broken', JSON.stringify(node))).toStrictEqual(expected);
  });

  it('accepts @type as a list and datePublished as the last resort', () => {
    expect(titleFocus(JSON.stringify({ '@type': ['Movie', 'CreativeWork'], name: 'Orchard of Stars', datePublished: '2019' }))).toStrictEqual({
      site: 'netflix',
      surface: 'title-page',
      siteId: '80990501',
      title: 'Orchard of Stars',
      year: 2019,
      kind: 'film',
    });
  });

  it('drops a year outside the plausible range', () => {
    expect(titleFocus(JSON.stringify({ '@type': 'Movie', name: 'X', dateCreated: '0999-01-01' }))).not.toHaveProperty('year');
  });
});

describe('netflix adapter: URL gating', () => {
  it('a billboard on browse is never the focus', () => {
    const html = `<title>Home - Netflix</title><div data-uia="billboard-title"><img alt="Saltwater Saints"></div>
      <a data-uia="play-button" href="/watch/80990152?tctx=Video%3A80990151%2CbillboardPlayButton">Play</a>`;
    expect(focusFor(html, '/browse')).toBeNull();
    expect(focusFor(html, '/browse?jbv=80990151')).toBeNull();
  });

  it('the player wins over a detail modal left in the page', () => {
    const html = `${DETAIL_DIALOG}<img class="previewModal--boxart" alt="Ember Valley"></div><div data-uia="watch-video"></div>`;
    expect(focusFor(html, '/watch/80990405')?.sighting.surface).toBe('watch');
  });
});

describe('netflix adapter: purity', () => {
  it('reads only the document and URL it is given, never the global ones', () => {
    document.title = 'Decoy Show - Netflix';
    document.body.innerHTML = `${DETAIL_DIALOG}<img class="previewModal--boxart" alt="Decoy Show"></div>
      <a data-uia="standard-card" href="/browse?jbv=80990999" aria-label="Decoy Card"></a>`;
    try {
      const { doc, url } = parsePage('<title>Home - Netflix</title>', '/browse?jbv=80990017');
      expect(netflix.focus(doc, url)).toBeNull();
      expect(cardsOnPage(netflix, doc, url)).toStrictEqual([]);
    } finally {
      document.body.innerHTML = '';
      document.title = '';
    }
  });
});
