import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CurrentShow } from '../../../components/popup/CurrentShow';
import { PopupApp } from '../../../components/popup/PopupApp';
import { WatchlistList } from '../../../components/popup/WatchlistList';
import { watchlistEntryFor } from '../../../lib/db/watchlist';
import { loadPack } from '../../../lib/sources/pack';
import { brokenDb, freshDb } from '../support/databases';
import { useLocale } from '../support/i18n';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/messaging', () => ({ sendMessage }));

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
const sighting = { site: 'netflix' as const, surface: 'detail' as const, siteId: '80990017', title: 'Somos.', year: 2021 };

describe('popup: this tab', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it("shows the tab's show with its one-line summary and opens the panel in the page", async () => {
    sendMessage.mockImplementation(async (type: string) =>
      type === 'getTabShow' ? { sighting, resolution: { status: 'found', context: somos, saved: false, storage: 'ok' } } : { ok: true },
    );
    const { container } = render(<CurrentShow tabId={12} />);
    const current = container.querySelector('[data-section="current"]')!;
    await waitFor(() => expect(current.querySelector('[data-show-key="pack:somos"]')).not.toBeNull());
    expect(current.textContent).toContain('Somos.');
    expect(current.textContent).toContain(somos.tagline!);
    expect(sendMessage).toHaveBeenCalledWith('getTabShow', undefined, 12);
    fireEvent.click(screen.getByRole('button', { name: 'Show the real story on the page' }));
    await screen.findByText('Shown on the page.');
    expect(sendMessage).toHaveBeenCalledWith('openPanel', undefined, 12);
  });

  it("shows the tab's show in the reader's language, as the panel does", async () => {
    useLocale('es');
    try {
      sendMessage.mockImplementation(async () => ({ sighting, resolution: { status: 'found', context: somos, saved: false, storage: 'ok' } }));
      const { container } = render(<CurrentShow tabId={12} />);
      const current = container.querySelector('[data-section="current"]')!;
      await waitFor(() => expect(current.querySelector('[data-show-key="pack:somos"]')).not.toBeNull());
      expect(somos.es?.tagline).toBeTruthy();
      expect(current.textContent).toContain(somos.es!.tagline);
      expect(current.textContent).not.toContain(somos.tagline!);
      expect(screen.getByRole('button', { name: 'Mostrar la historia real en la página' })).toBeTruthy();
    } finally {
      useLocale('en');
    }
  });

  it("words the page's refusal itself when the tab has no story to show", async () => {
    sendMessage.mockImplementation(async (type: string) =>
      type === 'getTabShow' ? { sighting, resolution: { status: 'found', context: somos, saved: false, storage: 'ok' } } : { ok: false, message: 'untranslated words from the page' },
    );
    render(<CurrentShow tabId={12} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show the real story on the page' }));
    expect(await screen.findByText('There is no real story to show on this page.')).toBeTruthy();
    expect(screen.queryByText('untranslated words from the page')).toBeNull();
  });

  it('opens the options page from its footer', async () => {
    sendMessage.mockRejectedValue(new Error('no content script'));
    const openOptionsPage = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    render(<PopupApp db={freshDb()} tabId={undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings, export and import' }));
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('says quietly when the title has no story on file', async () => {
    sendMessage.mockResolvedValue({ sighting: { ...sighting, title: 'The Lantern Keepers' }, resolution: { status: 'none' } });
    render(<CurrentShow tabId={12} />);
    expect(await screen.findByText('No real story on file for “The Lantern Keepers”.')).toBeTruthy();
  });

  it('waits for the player while it shows neither a title nor the show ID', async () => {
    sendMessage.mockResolvedValue({ sighting: { site: 'netflix', surface: 'watch', playableId: '80990101' }, resolution: null });
    render(<CurrentShow tabId={12} />);
    expect(await screen.findByText('Waiting for the player to show the title…')).toBeTruthy();
  });

  it('says nothing was detected on a tab without Backstory', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    render(<CurrentShow tabId={12} />);
    expect(await screen.findByText(/Nothing detected here/)).toBeTruthy();
  });
});

describe('popup: the watchlist', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('lists saved shows with a link to their Netflix page, and removes through the background', async () => {
    const db = freshDb();
    await db.watchlist.put(watchlistEntryFor(somos, sighting, 1));
    sendMessage.mockImplementation(async () => {
      await db.watchlist.delete('pack:somos');
      return { ok: true, saved: false };
    });
    const { container } = render(<WatchlistList db={db} />);
    await waitFor(() => expect(container.querySelector('[data-watchlist-item][data-show-key="pack:somos"]')).not.toBeNull());
    const item = container.querySelector('[data-watchlist-item]')!;
    expect(item.querySelector('a')!.getAttribute('href')).toBe('https://www.netflix.com/title/80990017');
    expect(item.textContent).toContain('Based on How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Somos. from your watchlist' }));
    await waitFor(() => expect(container.querySelector('[data-watchlist-item]')).toBeNull());
    expect(sendMessage).toHaveBeenCalledWith('setWatchlisted', { key: 'pack:somos', saved: false });
  });

  it('links to a Netflix search when the show was saved without an ID', async () => {
    const db = freshDb();
    await db.watchlist.put(watchlistEntryFor(somos, { site: 'netflix', surface: 'watch', title: 'Somos.' }, 1));
    const { container } = render(<WatchlistList db={db} />);
    await waitFor(() => expect(container.querySelector('[data-watchlist-item] a')).not.toBeNull());
    expect(container.querySelector('[data-watchlist-item] a')!.getAttribute('href')).toBe('https://www.netflix.com/search?q=Somos.');
  });

  it('says so when storage cannot be read', async () => {
    render(<WatchlistList db={brokenDb()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't be read right now/);
  });
});

describe('popup: the live lookups switch', () => {
  it('shows the stored setting and turns live lookups off', async () => {
    const { LiveLookupsSetting } = await import('../../../components/popup/LiveLookupsSetting');
    const { liveLookupsEnabled } = await import('../../../lib/settings');
    const { container } = render(<LiveLookupsSetting />);
    const box = container.querySelector<HTMLInputElement>('[data-setting="live-lookups"]')!;
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    await waitFor(async () => expect(await liveLookupsEnabled.getValue()).toBe(false));
    expect(box.checked).toBe(false);
  });
});

describe('popup: access to the live sources', () => {
  it('says when the browser withholds access to the sources and offers to ask for it', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    // The fake's permissions API is typed for the callback form; the promise form answers booleans.
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => false) as never);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => true) as never);
    const { LiveLookupsSetting } = await import('../../../components/popup/LiveLookupsSetting');
    render(<LiveLookupsSetting />);
    expect((await screen.findByRole('status')).textContent).toMatch(/not allowed to reach Wikidata, Wikipedia and TVmaze/);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(request).toHaveBeenCalledWith({ origins: ['https://www.wikidata.org/*', 'https://*.wikipedia.org/*', 'https://api.tvmaze.com/*'] });
    expect(contains).toHaveBeenCalled();
  });
});
