import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '../../../components/panel/PanelApp';
import { createPanelStore } from '../../../components/panel/panel-store';
import { panelCollapsed } from '../../../lib/settings';
import { loadPack } from '../../../lib/sources/pack';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/messaging', () => ({ sendMessage }));

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
const sighting = { site: 'netflix' as const, surface: 'detail' as const, siteId: '80990017', title: 'Somos.', year: 2021 };

function renderApp() {
  const store = createPanelStore();
  store.update({ view: { sighting, context: somos, saved: false, storage: 'ok', anchor: { element: document.body, placement: 'after' } } });
  const view = render(<PanelApp store={store} />);
  return { store, ...view };
}

const saveButton = () => screen.findByRole('button', { name: /save to watchlist|on your watchlist/i });

describe('PanelApp', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('saves to the watchlist through the background and shows it pressed', async () => {
    sendMessage.mockResolvedValue({ ok: true, saved: true });
    renderApp();
    fireEvent.click(await saveButton());
    await waitFor(async () => expect((await saveButton()).getAttribute('aria-pressed')).toBe('true'));
    expect(sendMessage).toHaveBeenCalledWith('setWatchlisted', { key: 'pack:somos', saved: true, sighting });
  });

  it('tells the user when saving failed and leaves the toggle as it was', async () => {
    sendMessage.mockResolvedValue({ ok: false, message: 'Storage is unavailable. Nothing was changed.' });
    renderApp();
    fireEvent.click(await saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is unavailable. Nothing was changed.');
    expect((await saveButton()).getAttribute('aria-pressed')).toBe('false');
  });

  it('tells the user when the background cannot be reached', async () => {
    sendMessage.mockImplementation(async () => {
      throw new Error('Extension context invalidated.');
    });
    renderApp();
    fireEvent.click(await saveButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/couldn't reach its background/);
  });

  it('remembers being collapsed, across renders and pages', async () => {
    const first = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Collapse the real story panel' }));
    await waitFor(() => expect(first.container.querySelector('[data-collapsed]')).not.toBeNull());
    expect(await panelCollapsed.getValue()).toBe(true);
    first.unmount();
    const second = renderApp();
    await waitFor(() => expect(second.container.querySelector('[data-collapsed]')).not.toBeNull());
    fireEvent.click(second.container.querySelector('[data-action="expand"]')!);
    await waitFor(() => expect(second.container.querySelector('[data-section="source"]')).not.toBeNull());
    expect(await panelCollapsed.getValue()).toBe(false);
  });

  it('closes on Esc until the store brings it back for a new reveal', async () => {
    const { store, container } = renderApp();
    fireEvent.keyDown(await screen.findByRole('complementary'), { key: 'Escape' });
    expect(container.querySelector('[data-backstory="panel"]')).toBeNull();
    act(() => store.update({ closed: false, revealCount: 1 }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-backstory')).toBe('panel'));
  });

  it('opens the watchlist page through the background', async () => {
    sendMessage.mockResolvedValue({ ok: true });
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Your watchlist' }));
    expect(sendMessage).toHaveBeenCalledWith('openWatchlistPage', undefined);
  });
});

describe('PanelApp before there is a story', () => {
  const anchor = { element: document.body, placement: 'after' as const };

  it('shows a skeleton, busy for screen readers, while the lookup runs', async () => {
    const store = createPanelStore();
    store.update({ notice: { kind: 'loading', sighting, anchor } });
    const { container } = render(<PanelApp store={store} />);
    await waitFor(() => expect(container.querySelector('[data-backstory="panel"][data-state="loading"][aria-busy="true"]')).not.toBeNull());
    expect(container.querySelector('[data-show-key]')).toBeNull();
  });

  it('says what failed and retries when asked', async () => {
    const store = createPanelStore();
    const retry = vi.fn();
    store.update({ notice: { kind: 'error', message: "Couldn't reach Wikipedia. Try again in a moment.", retry, sighting, anchor } });
    render(<PanelApp store={store} />);
    expect((await screen.findByRole('alert')).textContent).toBe("Couldn't reach Wikipedia. Try again in a moment.");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
