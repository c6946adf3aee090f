import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CacheOption } from '@/components/options/CacheOption';
import { ImportOption } from '@/components/options/ImportOption';
import { LiveLookupsOption } from '@/components/options/LiveLookupsOption';
import { OptionsApp } from '@/components/options/OptionsApp';
import { SitesOption } from '@/components/options/SitesOption';
import { SpoilerShieldOption } from '@/components/options/SpoilerShieldOption';
import { createCacheRepository } from '@/lib/db/cache';
import { liveLookupsEnabled, siteSwitches, spoilerShield } from '@/lib/settings';
import { contextFixture } from '../support/contexts';
import { freshDb } from '../support/databases';
import { useLocale } from '../support/i18n';
import { entry, fileWith } from '../watchlist-io/entries';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging', () => ({ sendMessage }));

const checked = (element: HTMLElement) => (element as HTMLInputElement).checked;
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
const jsonFile = (text: string, name = 'watchlist.json') => new File([text], name, { type: 'application/json' });

beforeEach(() => {
  sendMessage.mockReset();
});

describe('options: settings', () => {
  it('switches a site off and on, remembering it in storage', async () => {
    const user = userEvent.setup();
    render(<SitesOption />);
    const netflix = await screen.findByRole('switch', { name: 'Netflix' });
    await waitFor(() => expect((netflix as HTMLInputElement).disabled).toBe(false));
    expect(checked(netflix)).toBe(true);
    await user.click(netflix);
    await waitFor(() => expect(checked(netflix)).toBe(false));
    expect(await siteSwitches.getValue()).toEqual({ netflix: false });
    await user.keyboard(' ');
    await waitFor(() => expect(checked(netflix)).toBe(true));
    expect(await siteSwitches.getValue()).toEqual({ netflix: true });
  });

  it('offers the three spoiler shield levels, each explained, and stores the choice', async () => {
    const user = userEvent.setup();
    render(<SpoilerShieldOption />);
    const group = await screen.findByRole('group', { name: 'What the panel hides until you ask' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['off', 'outcomes', 'source-only']);
    await waitFor(() => expect(checked(within(group).getByRole('radio', { name: /^Off/ }))).toBe(true));
    const outcomes = within(group).getByRole('radio', { name: /^Hide outcomes/ });
    expect(descriptionOf(outcomes)).toBe('What happened to the people involved (summaries, tolls, timelines) stays hidden until you ask.');
    await user.click(outcomes);
    await waitFor(() => expect(checked(outcomes)).toBe(true));
    expect(await spoilerShield.getValue()).toBe('outcomes');
  });

  it('turns live lookups off, and says when the browser withholds access to the sources', async () => {
    const user = userEvent.setup();
    render(<LiveLookupsOption />);
    const live = await screen.findByRole('switch', { name: 'Look titles up on Wikidata, Wikipedia and TVmaze' });
    await waitFor(() => expect(checked(live)).toBe(true));
    // The fake browser grants no host permissions, as Firefox may not.
    expect(await screen.findByRole('button', { name: 'Allow access' })).toBeTruthy();
    await user.click(live);
    await waitFor(() => expect(checked(live)).toBe(false));
    expect(await liveLookupsEnabled.getValue()).toBe(false);
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
  });
});

describe('options: the cache', () => {
  it('counts what is cached, clears it through the background, and shows the new figures', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    await db.shows.put({ key: 'wd:Q1', context: { ...contextFixture(), key: 'wd:Q1' }, storedAt: 1, staleAt: 2 });
    await db.lookups.bulkPut([
      { id: 'a', outcome: 'none', storedAt: 1, staleAt: 2 },
      { id: 'b', outcome: 'none', storedAt: 1, staleAt: 2 },
    ]);
    await db.watchlist.put(entry(1));
    sendMessage.mockImplementation(async (type: string) => (type === 'clearCache' ? { ok: true, removed: await createCacheRepository(db).clear() } : undefined));
    const { container } = render(<CacheOption db={db} />);
    await waitFor(() => expect(container.querySelector('[data-count="lookups"]')?.textContent).toBe('2'));
    expect(container.querySelector('[data-count="shows"]')?.textContent).toBe('1');
    expect(container.querySelector('[data-count="watchlist"]')?.textContent).toBe('1');

    await user.click(screen.getByRole('button', { name: 'Clear cache' }));
    expect(await screen.findByText('Cache cleared: 3 items removed. Your watchlist is untouched.')).toBeTruthy();
    expect(sendMessage).toHaveBeenCalledWith('clearCache', undefined);
    await waitFor(() => expect(container.querySelector('[data-count="lookups"]')?.textContent).toBe('0'));
    expect(container.querySelector('[data-count="shows"]')?.textContent).toBe('0');
    expect(container.querySelector('[data-count="watchlist"]')?.textContent).toBe('1');
  });

  it('shows the background’s own words when clearing fails', async () => {
    const user = userEvent.setup();
    sendMessage.mockResolvedValue({ ok: false, message: 'The cache couldn’t be cleared: storage is unavailable.' });
    render(<CacheOption db={freshDb()} />);
    await user.click(await screen.findByRole('button', { name: 'Clear cache' }));
    expect(await screen.findByText('The cache couldn’t be cleared: storage is unavailable.')).toBeTruthy();
  });
});

describe('options: importing a watchlist', () => {
  it('previews what will change, writes only on confirmation, and reports the result', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    await db.watchlist.bulkPut([entry(1), entry(2, { updatedAt: entry(2).updatedAt + 100 })]);
    const newer1 = entry(1, { status: 'watched', updatedAt: entry(1).updatedAt + 1 });
    const hostile = entry(3, { title: '<img src=x onerror=alert(1)>', note: '<script>alert(1)</script>' });
    sendMessage.mockResolvedValue({ ok: true, added: 1, updated: 1, unchanged: 1 });
    const { container } = render(<ImportOption db={db} />);

    await user.upload(screen.getByLabelText('Watchlist file (JSON)'), jsonFile(fileWith([newer1, entry(2), hostile, entry(3, { updatedAt: 0 + entry(3).updatedAt - 5 })])));
    const heading = await screen.findByRole('heading', { name: 'What importing “watchlist.json” will change' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const preview = container.querySelector('[data-import-preview]')!;
    expect(preview.querySelector('[data-preview-count="added"]')?.textContent).toBe('1');
    expect(preview.querySelector('[data-preview-count="updated"]')?.textContent).toBe('1');
    expect(preview.querySelector('[data-preview-count="unchanged"]')?.textContent).toBe('1');
    expect(preview.querySelector('[data-preview-group="added"] li')?.textContent).toBe('<img src=x onerror=alert(1)> (2020)');
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('The file lists 1 show more than once');
    expect(sendMessage).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Import 2 shows' }));
    expect(await screen.findByText('Imported: 1 new, 1 updated, 1 unchanged.')).toBeTruthy();
    expect(sendMessage).toHaveBeenCalledWith('importWatchlist', { entries: [newer1, entry(2), hostile] });
  });

  it('cancels without writing anything', async () => {
    const user = userEvent.setup();
    render(<ImportOption db={freshDb()} />);
    await user.upload(screen.getByLabelText('Watchlist file (JSON)'), jsonFile(fileWith([entry(1)])));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('lists what is wrong with a bad file and offers nothing to import', async () => {
    const user = userEvent.setup();
    render(<ImportOption db={freshDb()} />);
    await user.upload(screen.getByLabelText('Watchlist file (JSON)'), jsonFile(fileWith([entry(1), { ...entry(2), status: 'binged' }, { ...entry(3), title: 7 }]), 'bad.json'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('“bad.json” can\'t be imported, and nothing was changed:')).toBeTruthy();
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Entry 2 (“Show 2”), field “status”: should be one of: to-watch, watching, watched.',
      'Entry 3, field “title”: should be text.',
    ]);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('refuses a file over the size limit without reading it', async () => {
    const user = userEvent.setup();
    const huge = jsonFile(fileWith([entry(1)]), 'huge.json');
    Object.defineProperty(huge, 'size', { value: 25_000_000 });
    const reading = vi.spyOn(FileReader.prototype, 'readAsText');
    render(<ImportOption db={freshDb()} />);
    await user.upload(screen.getByLabelText('Watchlist file (JSON)'), huge);
    expect((await screen.findByRole('alert')).textContent).toContain('The file is 25 MB; Backstory imports files of up to 20 MB.');
    expect(reading).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('shows the background’s message when the write fails', async () => {
    const user = userEvent.setup();
    sendMessage.mockResolvedValue({ ok: false, message: 'Nothing was imported: the browser’s storage for Backstory is full.' });
    render(<ImportOption db={freshDb()} />);
    await user.upload(screen.getByLabelText('Watchlist file (JSON)'), jsonFile(fileWith([entry(1)])));
    await user.click(await screen.findByRole('button', { name: 'Import 1 show' }));
    expect(await screen.findByText('Nothing was imported: the browser’s storage for Backstory is full.')).toBeTruthy();
  });
});

describe('options: in Spanish', () => {
  it('speaks Spanish throughout, including why a file is refused', async () => {
    useLocale('es');
    const user = userEvent.setup();
    render(<OptionsApp db={freshDb()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Backstory Ajustes');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Sitios en los que funciona Backstory',
      'Búsquedas en línea',
      'Escudo antispoilers',
      'Caché',
      'Exportar tu lista',
      'Importar una lista',
    ]);
    expect(screen.getByRole('radio', { name: /^Ocultar desenlaces/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vaciar la caché' })).toBeTruthy();
    await user.upload(screen.getByLabelText('Archivo de la lista (JSON)'), jsonFile(fileWith([entry(1)], { version: 3 }), 'nueva.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('«nueva.json» no se puede importar y no se ha cambiado nada:');
    expect(alert.textContent).toContain('Este archivo lo creó una versión más reciente de Backstory.');
  });
});
