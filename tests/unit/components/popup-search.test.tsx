import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatters } from '../../../components/popup/texts';
import { TitleSearch } from '../../../components/popup/TitleSearch';
import type { TitleHit, TitleSearchResult } from '../../../lib/messaging';
import { liveLookupsEnabled } from '../../../lib/settings';
import { freshDb } from '../support/databases';
import { useLocale } from '../support/i18n';
import { backgroundFor } from './popup-wiring';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/messaging', async (importOriginal) => ({ ...(await importOriginal<object>()), sendMessage }));

// Patience on a loaded machine (the default is 1 s); nothing here measures speed.
configure({ asyncUtilTimeout: 5_000 });

const somosHit: TitleHit = { key: 'pack:somos', title: 'Somos.', year: 2021, kind: 'miniseries', basedOn: 'How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017', from: 'pack' };
const harborHit: TitleHit = { key: 'wd:Q990000001', title: 'Paper Harbor', year: 2023, kind: 'film', basedOn: 'The Harbor That Moved · The Meridian Review, 2019', from: 'live' };

/** A promise the test settles when it wants: answers arriving in any order. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

function renderSearch(db = freshDb()) {
  const view = render(<TitleSearch db={db} format={formatters()} />);
  return { db, ...view, box: screen.getByRole('searchbox', { name: 'Find a title' }) };
}

const hitKeys = (container: HTMLElement) => [...container.querySelectorAll('[data-search-hit]')].map((hit) => hit.getAttribute('data-show-key'));

describe('popup title search', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('finds Somos. in the pack and saves it, the button then saying Saved', async () => {
    await liveLookupsEnabled.setValue(false);
    const db = freshDb();
    sendMessage.mockImplementation(backgroundFor(db, () => 1_000));
    const { container, box } = renderSearch(db);
    fireEvent.change(box, { target: { value: 'somos' } });
    await waitFor(() => expect(hitKeys(container)).toEqual(['pack:somos']));
    const hit = container.querySelector<HTMLElement>('[data-search-hit]')!;
    expect(hit.textContent).toContain('2021 · Miniseries');
    expect(hit.textContent).toContain('Based on How the U.S. Triggered a Massacre in Mexico · ProPublica, 2017');
    expect(screen.getByRole('status').textContent).toBe('1 title found for “somos”.');
    expect(sendMessage).toHaveBeenCalledWith('searchTitles', { text: 'somos', live: false });
    expect(sendMessage).not.toHaveBeenCalledWith('searchTitles', expect.objectContaining({ live: true }));

    const save = within(hit).getByRole('button', { name: 'Save Somos. to your watchlist' });
    expect(save.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(save);
    await waitFor(() => expect(save.getAttribute('aria-pressed')).toBe('true'));
    expect(save.textContent).toBe('Saved');
    expect(await db.watchlist.get('pack:somos')).toMatchObject({ title: 'Somos.', status: 'to-watch' });
    fireEvent.click(save);
    await waitFor(() => expect(save.getAttribute('aria-pressed')).toBe('false'));
    expect(await db.watchlist.get('pack:somos')).toBeUndefined();
  });

  it('shows pack hits at once and a loading state while the live lookup runs', async () => {
    const live = later<TitleSearchResult>();
    sendMessage.mockImplementation(async (_type: string, query: { live: boolean }) => (query.live ? live.promise : { ok: true, hits: [somosHit] }));
    const { container, box } = renderSearch();
    fireEvent.change(box, { target: { value: 'Somos' } });
    await waitFor(() => expect(hitKeys(container)).toEqual(['pack:somos']));
    const results = screen.getByRole('list', { name: 'Titles found' });
    await waitFor(() => expect(results.getAttribute('aria-busy')).toBe('true'));
    expect(screen.getByRole('status').textContent).toBe('Looking further on Wikidata, Wikipedia and TVmaze…');

    live.settle({ ok: true, hits: [somosHit, harborHit] });
    await waitFor(() => expect(hitKeys(container)).toEqual(['pack:somos', 'wd:Q990000001']));
    expect(results.getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe('2 titles found for “Somos”.');
    expect(container.querySelector('[data-show-key="wd:Q990000001"]')!.textContent).toContain('From Wikidata');
  });

  it('drops an answer for an older query that arrives after the newer one', async () => {
    const answers = new Map<string, ReturnType<typeof later<TitleSearchResult>>>();
    sendMessage.mockImplementation((_type: string, query: { text: string }) => {
      const pending = later<TitleSearchResult>();
      answers.set(query.text, pending);
      return pending.promise;
    });
    await liveLookupsEnabled.setValue(false);
    const { container, box } = renderSearch();
    fireEvent.change(box, { target: { value: 'paper' } });
    await waitFor(() => expect(answers.has('paper')).toBe(true));
    fireEvent.change(box, { target: { value: 'somos' } });
    await waitFor(() => expect(answers.has('somos')).toBe(true));

    answers.get('somos')!.settle({ ok: true, hits: [somosHit] });
    await waitFor(() => expect(hitKeys(container)).toEqual(['pack:somos']));
    answers.get('paper')!.settle({ ok: true, hits: [harborHit] });
    // Give the stale answer every chance to land before checking it did not.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hitKeys(container)).toEqual(['pack:somos']);
    expect(screen.getByRole('status').textContent).toBe('1 title found for “somos”.');
  });

  it('waits for a pause in typing: one search for a word typed letter by letter', async () => {
    await liveLookupsEnabled.setValue(false);
    sendMessage.mockResolvedValue({ ok: true, hits: [somosHit] });
    const { container, box } = renderSearch();
    for (const text of ['s', 'so', 'som', 'somo', 'somos']) fireEvent.change(box, { target: { value: text } });
    await waitFor(() => expect(hitKeys(container)).toEqual(['pack:somos']));
    expect(sendMessage.mock.calls.filter(([type]) => type === 'searchTitles')).toEqual([['searchTitles', { text: 'somos', live: false }]]);
  });

  it('says when nothing was found, and when the live part failed keeps what was found', async () => {
    sendMessage.mockImplementation(async (_type: string, query: { text: string; live: boolean }) =>
      query.text === 'zzz' ? { ok: true, hits: [] } : query.live ? { ok: false, message: "Couldn't reach Wikidata. Try again in a moment." } : { ok: true, hits: [somosHit] },
    );
    const { container, box } = renderSearch();
    fireEvent.change(box, { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No real story found for “zzz”.'));
    fireEvent.change(box, { target: { value: 'somos' } });
    await waitFor(() => expect(screen.getByText("Couldn't reach Wikidata. Try again in a moment.")).toBeTruthy());
    expect(hitKeys(container)).toEqual(['pack:somos']);
  });

  it('searches in Spanish too', async () => {
    useLocale('es');
    await liveLookupsEnabled.setValue(false);
    sendMessage.mockResolvedValue({ ok: true, hits: [somosHit] });
    const { container } = render(<TitleSearch db={freshDb()} format={formatters()} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Buscar un título' }), { target: { value: 'somos' } });
    await waitFor(() => expect(hitKeys(container)).toEqual(['pack:somos']));
    expect(container.textContent).toContain('2021 · Miniserie');
    expect(container.textContent).toContain('Basada en How the U.S. Triggered a Massacre in Mexico');
    expect(screen.getByRole('button', { name: 'Guardar Somos. en tu lista' }).textContent).toBe('Guardar');
    expect(screen.getByRole('status').textContent).toBe('1 título encontrado para «somos».');
  });
});
