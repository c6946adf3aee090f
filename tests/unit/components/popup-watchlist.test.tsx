import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchlistList } from '../../../components/popup/WatchlistList';
import type { WatchlistEntry } from '../../../lib/db/schema';
import { watchlistEntryFor } from '../../../lib/db/watchlist';
import { loadPack } from '../../../lib/sources/pack';
import { useLocale } from '../support/i18n';
import { brokenDb, freshDb } from '../support/databases';
import { backgroundFor } from './popup-wiring';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/messaging', async (importOriginal) => ({ ...(await importOriginal<object>()), sendMessage }));

// Patience on a loaded machine (the default is 1 s); nothing here measures speed.
configure({ asyncUtilTimeout: 5_000 });

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;
const NOW = Date.UTC(2026, 10, 20, 12);
const ADDED = Date.UTC(2026, 9, 1, 12);

function entry(n: number, overrides: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    key: `wd:Q${n}`,
    title: `Show ${String(n).padStart(4, '0')}`,
    kind: 'series',
    addedAt: ADDED + n,
    status: 'to-watch',
    statusAt: ADDED + n,
    updatedAt: ADDED + n,
    where: { site: 'netflix', title: `Show ${n}` },
    ...overrides,
  };
}

async function popupWith(entries: WatchlistEntry[]) {
  const db = freshDb();
  await db.watchlist.bulkPut(entries);
  sendMessage.mockImplementation(backgroundFor(db, () => NOW));
  const view = render(<WatchlistList db={db} />);
  await waitFor(() => expect(view.container.querySelector('[data-watchlist-item]')).not.toBeNull());
  await waitFor(() => expect(view.container.querySelector('[data-section="watchlist"]')!.getAttribute('aria-busy')).toBe('false'));
  return { db, ...view };
}

const row = (container: HTMLElement, key: string) => container.querySelector<HTMLElement>(`[data-watchlist-item][data-show-key="${key}"]`)!;
const shownKeys = (container: HTMLElement) => [...container.querySelectorAll('[data-watchlist-item]')].map((item) => item.getAttribute('data-show-key'));
const date = (time: number, language = 'en') => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(time);

describe('popup watchlist: what each entry shows', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('shows the story at a glance, where it streams, the status with its date and the note', async () => {
    const { container } = await popupWith([{ ...watchlistEntryFor(somos, { site: 'netflix', surface: 'detail', siteId: '80990017', title: 'Somos.' }, ADDED), note: 'With Mum' }]);
    const item = row(container, 'pack:somos');
    expect(item.textContent).toContain('Based on How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017');
    expect(item.textContent).toContain('Streams on Netflix');
    expect(within(item).getByRole('link', { name: 'Open Somos. on Netflix' }).getAttribute('href')).toBe('https://www.netflix.com/title/80990017');
    expect(within(item).getByRole('combobox', { name: 'Status of Somos.' })).toHaveProperty('value', 'to-watch');
    expect(item.textContent).toContain(`Added on ${date(ADDED)}`);
    expect(within(item).getByRole('textbox', { name: 'Private note about Somos.' })).toHaveProperty('value', 'With Mum');
  });

  it('renders a note with markup as the text it is', async () => {
    const { container } = await popupWith([entry(1, { note: '<img src=x onerror=alert(1)><b>bold</b>' })]);
    const item = row(container, 'wd:Q1');
    expect(item.querySelector('img, b')).toBeNull();
    expect(within(item).getByRole('textbox')).toHaveProperty('value', '<img src=x onerror=alert(1)><b>bold</b>');
  });
});

describe('popup watchlist: editing', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('marks a show watched, with the date, through the background', async () => {
    const { container, db } = await popupWith([entry(1)]);
    fireEvent.change(within(row(container, 'wd:Q1')).getByRole('combobox', { name: 'Status of Show 0001' }), { target: { value: 'watched' } });
    await waitFor(() => expect(row(container, 'wd:Q1').textContent).toContain(`Watched on ${date(NOW)}`));
    expect(sendMessage).toHaveBeenCalledWith('updateWatchlistEntry', { key: 'wd:Q1', status: 'watched' });
    expect(await db.watchlist.get('wd:Q1')).toMatchObject({ status: 'watched', statusAt: NOW, updatedAt: NOW });
    expect(await screen.findByText('Show 0001 is now marked “Watched”.')).toBeTruthy();
  });

  it('saves the note when the box is left, and on Ctrl+Enter and Cmd+Enter', async () => {
    const { container, db } = await popupWith([entry(1), entry(2)]);
    const first = within(row(container, 'wd:Q1')).getByRole('textbox');
    fireEvent.change(first, { target: { value: 'Recommended by Ana' } });
    expect((await db.watchlist.get('wd:Q1'))!.note).toBeUndefined();
    fireEvent.blur(first);
    await waitFor(async () => expect((await db.watchlist.get('wd:Q1'))!.note).toBe('Recommended by Ana'));

    const second = within(row(container, 'wd:Q2')).getByRole('textbox');
    fireEvent.change(second, { target: { value: 'Season 2 first' } });
    fireEvent.keyDown(second, { key: 'Enter', ctrlKey: true });
    await waitFor(async () => expect((await db.watchlist.get('wd:Q2'))!.note).toBe('Season 2 first'));
    fireEvent.change(second, { target: { value: 'Season 3 first' } });
    fireEvent.keyDown(second, { key: 'Enter', metaKey: true });
    await waitFor(async () => expect((await db.watchlist.get('wd:Q2'))!.note).toBe('Season 3 first'));
    fireEvent.keyDown(second, { key: 'Enter' });
    expect(sendMessage.mock.calls.filter(([type]) => type === 'updateWatchlistEntry')).toHaveLength(3);
  });

  it('removes the note when it is emptied', async () => {
    const { container, db } = await popupWith([entry(1, { note: 'old' })]);
    const box = within(row(container, 'wd:Q1')).getByRole('textbox');
    fireEvent.change(box, { target: { value: '  ' } });
    fireEvent.blur(box);
    await waitFor(async () => expect((await db.watchlist.get('wd:Q1'))!.note).toBeUndefined());
    expect(await screen.findByText('Note removed for Show 0001.')).toBeTruthy();
  });

  it('keeps what was typed and says so when the note cannot be saved', async () => {
    const { container } = await popupWith([entry(1)]);
    sendMessage.mockResolvedValue({ ok: false, message: "Your watchlist can't be saved right now: the browser's storage for Backstory is unavailable. Nothing was changed." });
    const box = within(row(container, 'wd:Q1')).getByRole('textbox');
    fireEvent.change(box, { target: { value: 'Do not lose me' } });
    fireEvent.blur(box);
    expect((await screen.findByRole('alert')).textContent).toMatch(/can't be saved right now/);
    expect(box).toHaveProperty('value', 'Do not lose me');
  });

  it('puts the status back and says so when the change cannot be saved', async () => {
    const { container, db } = await popupWith([entry(1)]);
    sendMessage.mockResolvedValue({ ok: false, message: 'This show is not on your watchlist any more, so there is nothing to change. Save it again first.' });
    const select = within(row(container, 'wd:Q1')).getByRole('combobox', { name: 'Status of Show 0001' });
    fireEvent.change(select, { target: { value: 'watched' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/not on your watchlist any more/);
    await waitFor(() => expect(select).toHaveProperty('value', 'to-watch'));
    expect((await db.watchlist.get('wd:Q1'))!.status).toBe('to-watch');
  });

  it('shows an edit made elsewhere (another popup) without a reload', async () => {
    const { container, db } = await popupWith([entry(1)]);
    await db.watchlist.update('wd:Q1', { status: 'watching', statusAt: NOW, note: 'From the other window', updatedAt: NOW });
    await waitFor(() => expect(within(row(container, 'wd:Q1')).getByRole('textbox')).toHaveProperty('value', 'From the other window'));
    expect(within(row(container, 'wd:Q1')).getByRole('combobox')).toHaveProperty('value', 'watching');
    expect(row(container, 'wd:Q1').textContent).toContain(`Watching since ${date(NOW)}`);
  });
});

describe('popup watchlist: sort, filter, search within', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  const three = [
    entry(1, { title: 'Charlie', addedAt: 3, updatedAt: 10 }),
    entry(2, { title: 'alpha', addedAt: 1, updatedAt: 30, status: 'watched', note: 'Loved the harbour scenes' }),
    entry(3, { title: 'Bravo', addedAt: 2, updatedAt: 20, status: 'watching', basedOn: 'The Harbor That Moved · The Meridian Review, 2019' }),
  ];

  it('sorts newest first by default, and by oldest, title and last change', async () => {
    const { container } = await popupWith(three);
    expect(shownKeys(container)).toEqual(['wd:Q1', 'wd:Q3', 'wd:Q2']);
    const sort = screen.getByRole('combobox', { name: 'Sort' });
    fireEvent.change(sort, { target: { value: 'oldest' } });
    expect(shownKeys(container)).toEqual(['wd:Q2', 'wd:Q3', 'wd:Q1']);
    fireEvent.change(sort, { target: { value: 'title' } });
    expect(shownKeys(container)).toEqual(['wd:Q2', 'wd:Q3', 'wd:Q1']);
    fireEvent.change(sort, { target: { value: 'changed' } });
    expect(shownKeys(container)).toEqual(['wd:Q2', 'wd:Q3', 'wd:Q1']);
    fireEvent.change(sort, { target: { value: 'newest' } });
    expect(shownKeys(container)).toEqual(['wd:Q1', 'wd:Q3', 'wd:Q2']);
  });

  it('filters by status, with counts, and searches titles, stories and notes', async () => {
    const { container } = await popupWith(three);
    const filter = screen.getByRole('combobox', { name: 'Status' });
    expect([...(filter as HTMLSelectElement).options].map((option) => option.textContent)).toEqual(['All (3)', 'To watch (1)', 'Watching (1)', 'Watched (1)']);
    fireEvent.change(filter, { target: { value: 'watched' } });
    expect(shownKeys(container)).toEqual(['wd:Q2']);
    expect(screen.getByText('Showing 1 of 3')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'all' } });
    const search = screen.getByRole('searchbox', { name: 'Search your watchlist' });
    fireEvent.change(search, { target: { value: 'harb' } });
    expect(shownKeys(container)).toEqual(['wd:Q3', 'wd:Q2']);
    fireEvent.change(search, { target: { value: 'nothing like it' } });
    expect(shownKeys(container)).toEqual([]);
    expect(screen.getByText('No saved show matches. Change the filter or the search.')).toBeTruthy();
  });
});

describe('popup watchlist: long lists and failures', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('renders only a window of rows out of 5,000, each with the contract attributes', async () => {
    const entries = Array.from({ length: 5_000 }, (_, i) => entry(i + 1));
    const { container } = await popupWith(entries);
    const rendered = container.querySelectorAll('[data-watchlist-item][data-show-key]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(20);
    expect(rendered[0]!.getAttribute('data-show-key')).toBe('wd:Q5000');
    expect(rendered[0]!.getAttribute('aria-setsize')).toBe('5000');
    expect(rendered[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(screen.getByText('Showing 5,000 of 5,000')).toBeTruthy();
  });

  it('shows the newest entries while the whole list is still being read, sorting and filtering once it is', async () => {
    const db = freshDb();
    await db.watchlist.bulkPut(Array.from({ length: 300 }, (_, i) => entry(i + 1)));
    const realToArray = db.watchlist.toArray.bind(db.watchlist);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(db.watchlist, 'toArray').mockImplementation((async () => {
      await held;
      return realToArray();
    }) as never);
    const { container } = render(<WatchlistList db={db} />);
    await waitFor(() => expect(container.querySelector('[data-watchlist-item]')).not.toBeNull());
    const section = container.querySelector('[data-section="watchlist"]')!;
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(shownKeys(container)[0]).toBe('wd:Q300');
    expect(container.querySelector('[data-watchlist-item]')!.getAttribute('aria-setsize')).toBe('300');
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Showing 300 of 300')).toBeTruthy();

    release();
    await waitFor(() => expect(section.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveProperty('disabled', false);
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'oldest' } });
    expect(shownKeys(container)[0]).toBe('wd:Q1');
  });

  it('says so when storage cannot be read', async () => {
    render(<WatchlistList db={brokenDb()} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/can't be read right now/));
  });

  it('keeps showing what was read when storage fails later', async () => {
    const { container, db } = await popupWith([entry(1)]);
    const toArray = vi.spyOn(db.watchlist, 'toArray').mockRejectedValue(new DOMException('gone', 'UnknownError'));
    await db.watchlist.put(entry(2));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/What you see is what was saved/));
    expect(shownKeys(container)).toEqual(['wd:Q1']);
    toArray.mockRestore();
  });
});

describe('popup watchlist in Spanish', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('speaks Spanish, dates included', async () => {
    useLocale('es');
    const { container } = await popupWith([entry(1, { status: 'watched', statusAt: NOW, basedOn: 'Un reportaje · ProPublica, 2017' })]);
    const item = row(container, 'wd:Q1');
    expect(screen.getByRole('heading', { name: 'Tu lista' })).toBeTruthy();
    expect(item.textContent).toContain(`Vista el ${date(NOW, 'es')}`);
    expect(item.textContent).toContain('Basada en Un reportaje · ProPublica, 2017');
    expect(item.textContent).toContain('Disponible en Netflix');
    expect(within(item).getByRole('button', { name: 'Quitar Show 0001 de tu lista' })).toBeTruthy();
    expect(within(item).getByRole('combobox', { name: 'Estado de Show 0001' })).toBeTruthy();
    expect(screen.getByText('Mostrando 1 de 1')).toBeTruthy();
  });
});
