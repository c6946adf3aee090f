import { browser } from 'wxt/browser';
import type { PanelToggle } from '../panel-bridge';

/** The manifest's command (wxt.config.ts) that toggles the panel on the current page. */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';

/**
 * Runs in the page, in the extension's isolated world where the panel script published its API
 * (lib/panel-bridge.ts). The browser sends this function's source, not a closure, so it names the
 * global itself instead of importing the constant. A page whose story has not been shown yet has
 * no panel script: then there is nothing to toggle.
 */
export function togglePanelInPage(): Promise<PanelToggle> | PanelToggle {
  const api = (globalThis as Record<string, unknown>)['__backstoryPanelApi'] as { toggle?: () => Promise<PanelToggle> } | undefined;
  return typeof api?.toggle === 'function' ? api.toggle() : 'nothing';
}

export interface PanelShortcutDeps {
  /** The tab the viewer is looking at, if any. */
  activeTabId(): Promise<number | undefined>;
  /** Runs togglePanelInPage in that tab's top frame; rejects where the extension may not run. */
  toggleInTab(tabId: number): Promise<unknown>;
}

function isToggle(value: unknown): value is PanelToggle {
  return value === 'expanded' || value === 'collapsed' || value === 'nothing';
}

/**
 * The keyboard shortcut's handler. The always-on content script is not involved (it has no room
 * for it, issue #4's 30 KB budget): the panel script the background injected is reached directly.
 */
export function createPanelShortcut(deps: PanelShortcutDeps) {
  return {
    /** What the command did; 'nothing' on a page without a panel or where Backstory does not run. */
    async onCommand(command: string): Promise<PanelToggle | 'ignored'> {
      if (command !== TOGGLE_PANEL_COMMAND) return 'ignored';
      const tabId = await deps.activeTabId();
      if (tabId === undefined) return 'nothing';
      try {
        const answer = await deps.toggleInTab(tabId);
        return isToggle(answer) ? answer : 'nothing';
      } catch {
        // Not a page Backstory runs on (no host permission), or the tab is gone: nothing to do.
        return 'nothing';
      }
    },
  };
}

export function browserPanelShortcutDeps(): PanelShortcutDeps {
  return {
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    },
    async toggleInTab(tabId) {
      const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: togglePanelInPage });
      return frame?.result;
    },
  };
}
