// The detail modal as the page's focus, on our own fixtures (tests/fixtures/pages/netflix/).
import { describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import type { FocusSighting } from '../../../lib/sites/types';
import { allText, expectValid, NETFLIX, ownFixture } from './netflix-page';

/** INVENTED test IDs for the reference show "Somos." and one of its episodes: not Netflix's real IDs. */
const SOMOS_ID = '80990017';
const SOMOS_EPISODE_ID = '80990101';

function focusOf(file: string, url: string): FocusSighting {
  const { doc, url: pageUrl } = ownFixture(file, url);
  const focus = netflix.focus(doc, pageUrl);
  if (!focus) throw new Error(`no focus on ${file}`);
  expectValid(focus.sighting);
  return focus;
}

describe('netflix focus: detail modal of a series (modal-detail-series.html)', () => {
  const focus = focusOf('modal-detail-series.html', `${NETFLIX}/browse?jbv=80990401`);

  it('reads the title from the story art, the ID from jbv, year and kind from the metadata', () => {
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      siteId: '80990401',
      playableId: '80990405',
      title: 'Ember Valley',
      year: 2024,
      kind: 'series',
    });
  });

  it('anchors the panel after the details metadata', () => {
    expect(focus.anchor.placement).toBe('after');
    expect(focus.anchor.element.getAttribute('data-uia')).toBe('previewModal--detailsMetadata');
  });

  it('never takes an episode or More Like This title, nor the episode as the show', () => {
    const text = allText([focus.sighting]);
    for (const trap of ['Smoke Season', 'The Flood Line', 'Riverstone', 'Copper Sky', '2019', '2021']) expect(text).not.toContain(trap);
    expect(focus.sighting.siteId).not.toBe('80990405');
  });

  it('without jbv in the URL, takes the show ID from the play button tctx, not its /watch/ path', () => {
    const { sighting } = focusOf('modal-detail-series.html', `${NETFLIX}/browse`);
    expect(sighting.siteId).toBe('80990401');
    expect(sighting.playableId).toBe('80990405');
  });

  it('reads nothing while the URL names another title than the dialog shows (mid-swap frame)', () => {
    const { doc, url } = ownFixture('modal-detail-series.html', `${NETFLIX}/browse?jbv=80990999`);
    expect(netflix.focus(doc, url)).toBeNull();
  });

  it('on a logged-in /title/ID page, the modal rules apply with the ID from the path', () => {
    const { sighting } = focusOf('modal-detail-series.html', `${NETFLIX}/title/80990401`);
    expect(sighting).toMatchObject({ surface: 'detail', siteId: '80990401', title: 'Ember Valley', year: 2024 });
  });

  it('has no cards: episodes and More Like This are not cards', () => {
    const { doc, url } = ownFixture('modal-detail-series.html', `${NETFLIX}/browse?jbv=80990401`);
    expect(cardsOnPage(netflix, doc, url)).toStrictEqual([]);
  });
});

describe('netflix focus: detail modal of a film (modal-detail-film.html)', () => {
  it('reads a film', () => {
    const focus = focusOf('modal-detail-film.html', `${NETFLIX}/browse?jbv=80990411`);
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      siteId: '80990411',
      playableId: '80990411',
      title: 'Seven Bridges North',
      year: 2022,
      kind: 'film',
    });
    expect(allText([focus.sighting])).not.toMatch(/Low Tide Letters|Harbour of Glass/);
  });

  it('works on the search page too', () => {
    const focus = focusOf('modal-detail-film.html', `${NETFLIX}/search?q=bridges&jbv=80990411`);
    expect(focus.sighting).toMatchObject({ surface: 'detail', siteId: '80990411', kind: 'film' });
  });
});

describe('netflix focus: detail modal, pre-2026 title art (modal-detail-legacy.html)', () => {
  it('falls back to the title-treatment logo alt when nothing else names the title', () => {
    const focus = focusOf('modal-detail-legacy.html', `${NETFLIX}/browse?jbv=80990421`);
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      siteId: '80990421',
      playableId: '80990425',
      title: 'Quiet Tides',
      year: 2018,
      kind: 'series',
    });
  });
});

describe('netflix focus: the reference show (modal-detail-somos.html)', () => {
  it('reads "Somos." as a miniseries: "Limited Series" beats the episode selector', () => {
    const focus = focusOf('modal-detail-somos.html', `${NETFLIX}/browse?jbv=${SOMOS_ID}`);
    expect(focus.sighting).toStrictEqual({
      site: 'netflix',
      surface: 'detail',
      siteId: SOMOS_ID,
      playableId: SOMOS_EPISODE_ID,
      title: 'Somos.',
      year: 2021,
      kind: 'miniseries',
    });
    expect(allText([focus.sighting])).not.toMatch(/Placeholder Episode|Dust Roads North|The Tollkeeper/);
  });
});
