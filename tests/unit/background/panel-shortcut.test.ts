import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanelApi } from '@/components/panel/mount-panel';
import { browserPanelShortcutDeps, createPanelShortcut, TOGGLE_PANEL_COMMAND, togglePanelInPage } from '@/lib/background/panel-shortcut';
import { publishPanelApi, retirePanelApi, type PanelApi, type PanelView } from '@/lib/panel-bridge';
import { panelCollapsed } from '@/lib/settings';
import { loadPack } from '@/lib/sources/pack';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

describe('the toggle-panel command in the background', () => {
  it('toggles the panel in the active tab and says what it did', async () => {
    const toggleInTab = vi.fn(async () => 'collapsed');
    const shortcut = createPanelShortcut({ activeTabId: async () => 7, toggleInTab });
    expect(await shortcut.onCommand(TOGGLE_PANEL_COMMAND)).toBe('collapsed');
    expect(toggleInTab).toHaveBeenCalledWith(7);
  });

  it('ignores other commands and does nothing without a tab, on a page it may not run on, or on an odd answer', async () => {
    const toggleInTab = vi.fn(async () => 'expanded');
    expect(await createPanelShortcut({ activeTabId: async () => 7, toggleInTab }).onCommand('something-else')).toBe('ignored');
    expect(await createPanelShortcut({ activeTabId: async () => undefined, toggleInTab }).onCommand(TOGGLE_PANEL_COMMAND)).toBe('nothing');
    expect(toggleInTab).not.toHaveBeenCalled();
    const refused = createPanelShortcut({ activeTabId: async () => 7, toggleInTab: async () => Promise.reject(new Error('Cannot access contents of the page')) });
    expect(await refused.onCommand(TOGGLE_PANEL_COMMAND)).toBe('nothing');
    const odd = createPanelShortcut({ activeTabId: async () => 7, toggleInTab: async () => ({ hostile: true }) });
    expect(await odd.onCommand(TOGGLE_PANEL_COMMAND)).toBe('nothing');
  });

  it('asks the browser for the focused window\'s active tab and injects the page function there', async () => {
    // The fake browser has no windows to focus and no scripting API: both are stood in for.
    const query = vi.fn(async () => [{ id: 9 }]);
    (fakeBrowser.tabs as unknown as { query: unknown }).query = query;
    const executeScript = vi.fn(async () => [{ frameId: 0, result: 'expanded' }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    const shortcut = createPanelShortcut(browserPanelShortcutDeps());
    expect(await shortcut.onCommand(TOGGLE_PANEL_COMMAND)).toBe('expanded');
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 9 }, func: togglePanelInPage });
  });
});

describe('the page side of the shortcut', () => {
  afterEach(() => {
    retirePanelApi();
    document.body.innerHTML = '';
  });

  it('finds the API the panel script published, and says "nothing" where there is none', async () => {
    expect(await togglePanelInPage()).toBe('nothing');
    const api = { toggle: vi.fn(async () => 'collapsed' as const), hide: vi.fn() } as unknown as PanelApi;
    publishPanelApi(api);
    expect(await togglePanelInPage()).toBe('collapsed');
  });

  it('expanded ↔ collapsed, and a closed panel comes back expanded and focused', async () => {
    document.body.innerHTML = '<div id="meta"></div>';
    const api = createPanelApi(document, '');
    publishPanelApi(api);
    expect(await togglePanelInPage()).toBe('nothing');
    const view: PanelView = { sighting: { site: 'netflix', surface: 'detail', title: 'Somos.' }, context: somos, saved: false, storage: 'ok', anchor: { element: document.getElementById('meta')!, placement: 'after' } };
    act(() => api.show(view));
    const root = () => document.querySelector('backstory-panel')?.shadowRoot?.querySelector<HTMLElement>('[data-backstory="panel"]') ?? null;
    await waitFor(() => expect(root()).not.toBeNull());

    expect(await act(() => togglePanelInPage())).toBe('collapsed');
    expect(await panelCollapsed.getValue()).toBe(true);
    await waitFor(() => expect(root()?.hasAttribute('data-collapsed')).toBe(true));

    expect(await act(() => togglePanelInPage())).toBe('expanded');
    await waitFor(() => expect(root()?.hasAttribute('data-collapsed')).toBe(false));

    act(() => root()!.querySelector<HTMLButtonElement>('[data-action="close"]')!.click());
    await waitFor(() => expect(root()).toBeNull());
    expect(await act(() => togglePanelInPage())).toBe('expanded');
    await waitFor(() => expect(root()).not.toBeNull());
    await waitFor(() => expect(document.querySelector('backstory-panel')!.shadowRoot!.activeElement).toBe(root()));
  });
});
