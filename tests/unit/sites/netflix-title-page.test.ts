// The logged-out /title/ID page (nmtitle and LODP eras), on our own fixtures.
import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import type { FocusSighting } from '../../../lib/sites/types';
import { allText, expectValid, NETFLIX, ownFixture, type Page } from './netflix-page';

function focusOn({ doc, url }: Page): FocusSighting {
  const focus = netflix.focus(doc, url);
  if (!focus) throw new Error(`no focus on ${url.href}`);
  expectValid(focus.sighting);
  return focus;
}

describe('netflix focus: nmtitle page with JSON-LD (title-loggedout-ld.html)', () => {
  const page = ownFixture('title-loggedout-ld.html', `${NETFLIX}/title/80990501`);
  const focus = focusOn(page);

  it('reads the series from the URL and the JSON-LD', () => {
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'title-page',
      siteId: '80990501',
      title: 'The Lantern Keepers',
      year: 2020,
      kind: 'series',
    });
  });

  it('anchors the panel after the hero section', () => {
    expect(focus.anchor).toStrictEqual({ element: page.doc.querySelector('[data-uia="section-hero"]'), placement: 'after' });
  });

  it('falls back to og:title, then the hero heading, year and runtime, when the JSON-LD is gone', () => {
    page.doc.querySelectorAll('script').forEach((script) => script.remove());
    expect(focusOn(page).sighting).toStrictEqual({
      site: 'netflix',
      surface: 'title-page',
      siteId: '80990501',
      title: 'The Lantern Keepers',
      year: 2020,
      kind: 'series',
    });
    page.doc.querySelector('meta[property="og:title"]')?.remove();
    page.doc.title = 'Netflix';
    expect(focusOn(page).sighting.title).toBe('The Lantern Keepers');
    expect(allText([focusOn(page).sighting])).not.toMatch(/First Wick|Paraffin|Night Ferry/);
  });
});

describe('netflix focus: nmtitle film with a locale prefix (title-loggedout-ld-movie.html)', () => {
  it('reads the film and skips the unrelated JSON-LD block', () => {
    const focus = focusOn(ownFixture('title-loggedout-ld-movie.html', `${NETFLIX}/it-en/title/80990511`));
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'title-page',
      siteId: '80990511',
      title: 'Orchard of Stars',
      year: 2019,
      kind: 'film',
    });
  });
});

describe('netflix focus: LODP page without JSON-LD (title-loggedout-lodp.html)', () => {
  const page = ownFixture('title-loggedout-lodp.html', `${NETFLIX}/title/80990521`);
  const focus = focusOn(page);

  it('reads the title from the tab title, year and kind from the metadata list', () => {
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'title-page',
      siteId: '80990521',
      title: 'Borderline Saints',
      year: 2021,
      kind: 'miniseries',
    });
  });

  it('anchors the panel after the metadata block', () => {
    expect(focus.anchor).toStrictEqual({ element: page.doc.querySelector('[data-uia="metadata"]'), placement: 'after' });
  });

  it('falls back to the first LODP heading, never an episode or other title', () => {
    page.doc.title = '';
    const { sighting } = focusOn(page);
    expect(sighting.title).toBe('Borderline Saints');
    expect(allText([sighting])).not.toMatch(/The Pass|Snow Ledger|Night Ferry|The Long Thaw|80990531|80990532/);
  });

  it('reports no cards: More Like This and Trending Now are other titles', () => {
    expect(cardsOnPage(netflix, page.doc, page.url)).toStrictEqual([]);
  });
});

describe('netflix focus: title page edge cases', () => {
  it('overlays the body when the page is still empty, with the ID alone', () => {
    const page = ownFixture('title-loggedout-lodp.html', `${NETFLIX}/title/80990599`);
    page.doc.documentElement.innerHTML = '<head><title>Netflix</title></head><body></body>';
    const focus = focusOn(page);
    expect(focus.sighting).toStrictEqual({ site: 'netflix', surface: 'title-page', siteId: '80990599' });
    expect(focus.anchor).toStrictEqual({ element: page.doc.body, placement: 'overlay' });
  });

  it('ignores a /title/ path whose ID is not a Netflix ID', () => {
    const { doc } = ownFixture('title-loggedout-lodp.html', `${NETFLIX}/title/80990521`);
    expect(netflix.focus(doc, new URL(`${NETFLIX}/title/12`))).toBeNull();
    expect(netflix.focus(doc, new URL(`${NETFLIX}/title/abc`))).toBeNull();
  });
});
