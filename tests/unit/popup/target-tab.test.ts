import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findTargetTabId } from '../../../lib/popup/target-tab';

/** Opens a tab and makes it the active one (the fake's create() ignores `active`). */
async function openActiveTab(url: string, windowId: number): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url, windowId });
  await fakeBrowser.tabs.update(tab.id!, { active: true });
  return tab.id!;
}

describe('the tab the popup is about', () => {
  // The fake starts with no focused window; a real popup always has a current one.
  let windowId: number;
  beforeEach(async () => {
    windowId = (await fakeBrowser.windows.create({ focused: true }))!.id!;
  });

  it('is the active tab of the window when opened from the toolbar', async () => {
    await openActiveTab('https://example.org/', windowId);
    const netflix = await openActiveTab('https://www.netflix.com/browse?jbv=80990017', windowId);
    expect(await findTargetTabId('')).toBe(netflix);
  });

  it('is the tab named in ?tabId= when the popup page was opened in a tab of its own', async () => {
    await openActiveTab('https://example.org/', windowId);
    expect(await findTargetTabId('?tabId=42')).toBe(42);
  });

  it('ignores a tabId that is not a number', async () => {
    const active = await openActiveTab('https://www.netflix.com/', windowId);
    expect(await findTargetTabId('?tabId=1;drop')).toBe(active);
  });
});
