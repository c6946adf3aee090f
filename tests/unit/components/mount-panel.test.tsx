import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPanelApi } from '../../../components/panel/mount-panel';
import type { PanelView } from '../../../lib/panel-bridge';
import { loadPack } from '../../../lib/sources/pack';
import { contextFixture } from '../support/contexts';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

function viewOf(context = somos, element: Element = document.getElementById('meta')!): PanelView {
  return { sighting: { site: 'netflix', surface: 'detail', title: context.title }, context, saved: false, storage: 'ok', anchor: { element, placement: 'after' } };
}

const panelRoot = () => document.querySelector('backstory-panel')?.shadowRoot?.querySelector<HTMLElement>('[data-backstory="panel"]') ?? null;

/** Somos.'s panel shown in a modal, then closed with its own close button. */
async function shownThenClosedByTheUser() {
  document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
  const api = createPanelApi(document, '');
  act(() => api.show(viewOf()));
  await waitFor(() => expect(panelRoot()).not.toBeNull());
  act(() => panelRoot()!.querySelector<HTMLButtonElement>('[data-action="close"]')!.click());
  await waitFor(() => expect(panelRoot()).toBeNull());
  return api;
}

describe('the panel API the detector drives', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows a title after its anchor, hides it, and shows the next one', async () => {
    document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
    const api = createPanelApi(document, '');
    act(() => api.show(viewOf()));
    await waitFor(() => expect(panelRoot()?.dataset.showKey).toBe('pack:somos'));
    expect(document.getElementById('meta')!.nextElementSibling?.tagName).toBe('BACKSTORY-PANEL');
    act(() => api.hide());
    expect(document.querySelector('backstory-panel')).toBeNull();
    act(() => api.show(viewOf(contextFixture())));
    await waitFor(() => expect(panelRoot()?.dataset.showKey).toBe('pack:lantern-test'));
  });

  it('stays closed for the same title, opens again for a new one, and reveal brings it back', async () => {
    const api = await shownThenClosedByTheUser();
    act(() => api.show({ ...viewOf(), saved: true }));
    await waitFor(() => expect(panelRoot()).toBeNull());
    act(() => api.reveal());
    await waitFor(() => expect(panelRoot()).not.toBeNull());
    act(() => panelRoot()!.querySelector<HTMLButtonElement>('[data-action="close"]')!.click());
    act(() => api.show(viewOf(contextFixture())));
    await waitFor(() => expect(panelRoot()?.dataset.showKey).toBe('pack:lantern-test'));
  });

  it('puts itself back when the page re-renders the spot it was in', async () => {
    document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
    const api = createPanelApi(document, '');
    act(() => api.show(viewOf()));
    document.getElementById('modal')!.innerHTML = '<div id="meta"></div>';
    expect(document.querySelector('backstory-panel')).toBeNull();
    act(() => api.show(viewOf()));
    expect(document.getElementById('meta')!.nextElementSibling?.tagName).toBe('BACKSTORY-PANEL');
  });

  it("updates the save toggle only for the title it is about", async () => {
    document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
    const api = createPanelApi(document, '');
    act(() => api.show(viewOf()));
    const save = () => panelRoot()?.querySelector('[data-action="watchlist"]')?.getAttribute('aria-pressed');
    await waitFor(() => expect(save()).toBe('false'));
    act(() => api.setSaved('pack:other', true));
    expect(save()).toBe('false');
    act(() => api.setSaved('pack:somos', true));
    await waitFor(() => expect(save()).toBe('true'));
  });

  it('puts the same story back without rendering it again when the site reopens its modal', async () => {
    document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
    const api = createPanelApi(document, '');
    act(() => api.show(viewOf()));
    await waitFor(() => expect(panelRoot()?.dataset.showKey).toBe('pack:somos'));
    const rendered = panelRoot();
    act(() => api.hide());
    document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
    // A fresh answer from the background: an equal copy of the story, a new sighting object.
    act(() => api.show(viewOf(structuredClone(somos))));
    expect(document.getElementById('meta')!.nextElementSibling?.tagName).toBe('BACKSTORY-PANEL');
    expect(panelRoot()).toBe(rendered);
    act(() => api.show({ ...viewOf(), saved: true }));
    await waitFor(() => expect(panelRoot()?.querySelector('[data-action="watchlist"]')?.getAttribute('aria-pressed')).toBe('true'));
  });

  it('renders a changed story, and opens again after the title was closed and the modal with it', async () => {
    const api = await shownThenClosedByTheUser();
    act(() => api.hide());
    act(() => api.show(viewOf({ ...somos, title: 'Somos. (retitled)' })));
    await waitFor(() => expect(panelRoot()?.textContent).toContain('Somos. (retitled)'));
  });

  it('has nothing to toggle while it is off the page', async () => {
    document.body.innerHTML = '<div id="modal"><div id="meta"></div></div>';
    const api = createPanelApi(document, '');
    act(() => api.show(viewOf()));
    await waitFor(() => expect(panelRoot()).not.toBeNull());
    act(() => api.hide());
    expect(await api.toggle()).toBe('nothing');
  });
});
