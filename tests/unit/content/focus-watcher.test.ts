import { afterEach, describe, expect, it, vi } from 'vitest';
import { followFocus } from '../../../lib/content/focus-watcher';
import type { SiteAdapter } from '../../../lib/sites/types';
import { netflix } from '../../../lib/sites/netflix';

// Mutation callbacks are microtasks that schedule the check on a timer: wait two timer turns.
const flush = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 0));
};

function detailModal(title: string, year: number): string {
  return `<div class="previewModal--wrapper detail-modal"><div role="dialog" data-uia="modal-motion-container-DETAIL_MODAL" class="previewModal--container detail-modal">
    <div data-uia="previewModal--player_container"><div class="storyArt"><img class="playerModel--player__storyArt" alt="${title}"></div></div>
    <div class="previewModal--info"><div class="previewModal--detailsMetadata" data-uia="previewModal--detailsMetadata"><div class="previewModal--detailsMetadata-info">
    <div class="videoMetadata--container" data-uia="videoMetadata--container"><div class="videoMetadata--line"><div class="year">${year}</div><span class="duration">Limited Series</span></div></div></div></div></div></div></div>`;
}

describe('focus watcher', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  function start(adapter: SiteAdapter = netflix) {
    const onChange = vi.fn();
    const onSame = vi.fn();
    const watcher = followFocus({ doc: document, adapter, readUrl: () => new URL(location.href), schedule: (run) => setTimeout(run, 0), onChange, onSame });
    stop = watcher.stop;
    return { onChange, onSame, watcher };
  }

  it('reports the modal a single-page app opens, once per title, and its closing', async () => {
    history.replaceState(null, '', '/browse');
    const { onChange } = start();
    await flush();
    expect(onChange).not.toHaveBeenCalled();
    history.pushState(null, '', '/browse?jbv=80990017');
    document.body.insertAdjacentHTML('beforeend', detailModal('Somos.', 2021));
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.lastCall![0].sighting).toMatchObject({ surface: 'detail', siteId: '80990017', title: 'Somos.', year: 2021 });
    document.body.append(document.createElement('span'));
    await flush();
    expect(onChange).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '';
    history.pushState(null, '', '/browse');
    await flush();
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('batches a burst of mutations into one check', async () => {
    const focus = vi.fn(() => null);
    start({ site: 'netflix', hosts: [], focus, cardElements: 'a', readCard: () => null });
    await flush();
    focus.mockClear();
    for (let i = 0; i < 50; i += 1) document.body.append(document.createElement('div'));
    await flush();
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it("does not read the page again for rows of cards loading or paging, a card's attributes, or our own badges", async () => {
    const focus = vi.fn(() => null);
    start({ site: 'netflix', hosts: [], focus, cardElements: 'a', cardGroups: 'section.row', readCard: () => null });
    document.body.innerHTML = '<main><section class="row"><div class="slot"></div></section></main>';
    await flush();
    focus.mockClear();
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<section class="row"></section><section class="row"></section>');
    document.querySelector('.slot')!.append(document.createElement('a'), document.createElement('backstory-badge'));
    document.body.append(document.createElement('backstory-panel'));
    document.querySelector('section.row')!.remove();
    await flush();
    document.querySelector('main')!.setAttribute('aria-label', 'Another title');
    await flush();
    expect(focus).not.toHaveBeenCalled();
    // Anything else still counts.
    document.querySelector('main')!.append(document.createElement('div'));
    await flush();
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('swallows an adapter that throws on strange markup: the page never sees our error', async () => {
    const anchor = { element: document.body, placement: 'append' as const };
    const focus = vi.fn().mockReturnValueOnce({ sighting: { site: 'netflix', surface: 'detail', title: 'Somos.' }, anchor }).mockImplementation(() => {
      throw new TypeError('boom');
    });
    const { onChange } = start({ site: 'netflix', hosts: [], focus, cardElements: 'a', readCard: () => null });
    await flush();
    document.body.append(document.createElement('div'));
    await flush();
    expect(focus).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('reads the page at once when asked, without waiting for the next frame', async () => {
    history.replaceState(null, '', '/browse');
    const { onChange, watcher } = start();
    await flush();
    history.pushState(null, '', '/browse?jbv=80990017');
    document.body.insertAdjacentHTML('beforeend', detailModal('Somos.', 2021));
    watcher.checkNow();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.lastCall![0].sighting).toMatchObject({ siteId: '80990017', title: 'Somos.' });
  });

  it('stops observing when stopped', async () => {
    const focus = vi.fn(() => null);
    start({ site: 'netflix', hosts: [], focus, cardElements: 'a', readCard: () => null });
    await flush();
    stop!();
    focus.mockClear();
    document.body.append(document.createElement('div'));
    await flush();
    expect(focus).not.toHaveBeenCalled();
  });
});
