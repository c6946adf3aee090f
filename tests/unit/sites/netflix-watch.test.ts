// The player, /watch/ID, on our own fixtures.
import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import type { FocusSighting } from '../../../lib/sites/types';
import { expectValid, NETFLIX, ownFixture, type Page } from './netflix-page';

/** INVENTED test IDs for the reference show "Somos." and one of its episodes: not Netflix's real IDs. */
const SOMOS_ID = '80990017';
const SOMOS_EPISODE_ID = '80990101';

function focusOn({ doc, url }: Page): FocusSighting {
  const focus = netflix.focus(doc, url);
  if (!focus) throw new Error(`no focus on ${url.href}`);
  expectValid(focus.sighting);
  return focus;
}

describe('netflix focus: an episode in the player (watch-episode.html)', () => {
  const load = () => ownFixture('watch-episode.html', `${NETFLIX}/watch/80990125`);

  it('state A (no controls, no overlay): only the playable ID, for the content script to resolve', () => {
    const page = load();
    page.doc.querySelector('[data-uia="video-title"]')?.remove();
    page.doc.querySelector('[data-uia="evidence-overlay"]')?.remove();
    const focus = focusOn(page);
    expect(focus.sighting).toStrictEqual({ site: 'netflix', surface: 'watch', playableId: '80990125' });
    expect(focus.anchor).toStrictEqual({ element: page.doc.querySelector('[data-uia="watch-video"]'), placement: 'overlay' });
  });

  it('state B (controls): the show title, kind series, never the episode title', () => {
    const page = load();
    page.doc.querySelector('[data-uia="evidence-overlay"]')?.remove();
    expect(focusOn(page).sighting).toStrictEqual({
      site: 'netflix',
      surface: 'watch',
      playableId: '80990125',
      title: 'Ashfall County',
      kind: 'series',
    });
  });

  it('state C (evidence overlay after a pause): the show title from h2, kind series from the episode h3', () => {
    const page = load();
    page.doc.querySelector('[data-uia="video-title"]')?.remove();
    expect(focusOn(page).sighting).toStrictEqual({
      site: 'netflix',
      surface: 'watch',
      playableId: '80990125',
      title: 'Ashfall County',
      kind: 'series',
    });
  });

  it('never uses the path ID as the show ID', () => {
    expect(focusOn(load()).sighting.siteId).toBeUndefined();
  });

  it('reports no cards', () => {
    const { doc, url } = load();
    expect(cardsOnPage(netflix, doc, url)).toStrictEqual([]);
  });
});

describe('netflix focus: other player states', () => {
  it('a film shows its title alone (watch-film.html)', () => {
    expect(focusOn(ownFixture('watch-film.html', `${NETFLIX}/watch/80990411`)).sighting).toStrictEqual({
      site: 'netflix',
      surface: 'watch',
      playableId: '80990411',
      title: 'Seven Bridges North',
      kind: 'film',
    });
  });

  it('an "S1:E3" marker makes a series (watch-s1e3.html)', () => {
    expect(focusOn(ownFixture('watch-s1e3.html', `${NETFLIX}/watch/80990407`)).sighting).toStrictEqual({
      site: 'netflix',
      surface: 'watch',
      playableId: '80990407',
      title: 'Ember Valley',
      kind: 'series',
    });
  });

  it('the show ID comes from the tctx the player was opened with (watch-somos.html)', () => {
    const url = `${NETFLIX}/watch/${SOMOS_EPISODE_ID}?trackId=1&tctx=0%2C0%2C%2C%2C%2C%2C%2C%2CVideo%3A${SOMOS_ID}%2CdetailsPagePlayButton`;
    expect(focusOn(ownFixture('watch-somos.html', url)).sighting).toStrictEqual({
      site: 'netflix',
      surface: 'watch',
      siteId: SOMOS_ID,
      playableId: SOMOS_EPISODE_ID,
      title: 'Somos.',
      kind: 'series',
    });
  });

  it.each([['E3'], ['S1:E3'], ['Ep. 3'], ['Episode 3']])('the marker "%s" without an h4 leaves no title but a series', (marker) => {
    const page = ownFixture('watch-film.html', `${NETFLIX}/watch/80990411`);
    const title = page.doc.querySelector('[data-uia="video-title"]');
    if (!title) throw new Error('fixture changed');
    title.innerHTML = `<span>${marker}</span><span>An Episode Name</span>`;
    expect(focusOn(page).sighting).toStrictEqual({ site: 'netflix', surface: 'watch', playableId: '80990411', kind: 'series' });
  });

  it('without an h4, the first text is the title', () => {
    const page = ownFixture('watch-film.html', `${NETFLIX}/watch/80990411`);
    const title = page.doc.querySelector('[data-uia="video-title"]');
    if (!title) throw new Error('fixture changed');
    title.innerHTML = '<span>Ember Valley</span><span>Ep. 3</span><span>Dry Lightning</span>';
    expect(focusOn(page).sighting).toMatchObject({ title: 'Ember Valley', kind: 'series' });
  });

  it('anchors on the player, then the body, when the watch-video wrapper is missing', () => {
    const page = ownFixture('watch-film.html', `${NETFLIX}/watch/80990411`);
    const player = page.doc.querySelector('[data-uia="player"]');
    const wrapper = page.doc.querySelector('[data-uia="watch-video"]');
    if (!player || !wrapper) throw new Error('fixture changed');
    page.doc.body.append(player);
    wrapper.remove();
    expect(focusOn(page).anchor).toStrictEqual({ element: player, placement: 'overlay' });
    player.remove();
    expect(focusOn(page).anchor).toStrictEqual({ element: page.doc.body, placement: 'overlay' });
  });

  it('a /watch/ path without a Netflix ID is no focus', () => {
    const { doc } = ownFixture('watch-film.html', `${NETFLIX}/watch/80990411`);
    expect(netflix.focus(doc, new URL(`${NETFLIX}/watch/`))).toBeNull();
    expect(netflix.focus(doc, new URL(`${NETFLIX}/watch/1234`))).toBeNull();
    expect(netflix.focus(doc, new URL(`${NETFLIX}/watch/12345678901`))).toBeNull();
  });
});
