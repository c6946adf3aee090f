import { useState } from 'react';
import type { BackstoryDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { sendMessage, type TitleHit } from '@/lib/messaging';
import { liveLookupsEnabled } from '@/lib/settings';
import { useStoredValue } from '../shared/use-stored-value';
import { kindName, type Formatters } from './texts';
import { useSavedKeys } from './use-watchlist';
import { useTitleSearch, type SearchState } from './use-title-search';

/** Find any title: Backstory's own stories and the titles looked up before at once, the live sources when allowed. */
export function TitleSearch({ db, format }: { db: BackstoryDb; format: Formatters }) {
  const [text, setText] = useState('');
  const liveEnabled = useStoredValue(liveLookupsEnabled) ?? false;
  const state = useTitleSearch(text, liveEnabled);
  const saved = useSavedKeys(db);
  const [problem, setProblem] = useState<string>();

  async function toggle(hit: TitleHit) {
    setProblem(undefined);
    const saving = !saved?.has(hit.key);
    try {
      const result = await sendMessage('setWatchlisted', { key: hit.key, saved: saving });
      if (!result.ok) setProblem(result.message);
    } catch {
      setProblem(saving ? t('popup_save_failed') : t('popup_remove_failed'));
    }
  }

  const hits = state.phase === 'idle' ? [] : (state.hits ?? []);
  return (
    <section data-section="search" aria-labelledby="search-heading">
      <h2 id="search-heading">
        <label htmlFor="title-search">{t('popup_search_label')}</label>
      </h2>
      <input
        id="title-search"
        type="search"
        data-field="title-search"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder={t('popup_search_placeholder')}
        aria-describedby="title-search-hint"
        aria-controls="title-search-results"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <p id="title-search-hint" className="muted small">
        {liveEnabled ? t('popup_search_hint') : t('popup_search_live_off')}
      </p>
      <div role="status" className="search-status small" data-field="search-status">
        {statusText(state, format)}
        {state.phase === 'live' && <span className="spinner" aria-hidden="true" />}
      </div>
      {problem && (
        <p role="alert" className="notice">
          {problem}
        </p>
      )}
      {state.phase === 'done' && state.problem && <p className="notice">{state.problem}</p>}
      <ul id="title-search-results" className="search-hits" aria-label={t('popup_search_results_label')} aria-busy={state.phase === 'known' || state.phase === 'live'}>
        {hits.map((hit) => (
          <SearchHit key={hit.key} hit={hit} saved={saved?.has(hit.key) ?? false} onToggle={() => void toggle(hit)} />
        ))}
      </ul>
    </section>
  );
}

function SearchHit({ hit, saved, onToggle }: { hit: TitleHit; saved: boolean; onToggle: () => void }) {
  const details = [hit.year, kindName(hit.kind), hit.from === 'live' ? t('popup_search_from_live') : undefined].filter(Boolean).join(' · ');
  return (
    <li data-search-hit="" data-show-key={hit.key} data-from={hit.from}>
      <div className="hit-text">
        <p className="hit-title">{hit.title}</p>
        <p className="muted small">{details}</p>
        {hit.basedOn && <p className="small">{t('popup_based_on', hit.basedOn)}</p>}
        {hit.inspiredBy && <p className="small">{t('popup_inspired_by', hit.inspiredBy)}</p>}
      </div>
      <button type="button" className={saved ? 'toggle saved' : 'toggle'} data-action="save-hit" aria-pressed={saved} aria-label={t('popup_search_save_label', hit.title)} onClick={onToggle}>
        {saved ? t('popup_search_saved') : t('popup_search_save')}
      </button>
    </li>
  );
}

function statusText(state: SearchState, format: Formatters): string {
  switch (state.phase) {
    case 'idle':
    case 'known':
      return '';
    case 'live':
      return t('popup_search_looking_live');
    case 'done':
      if (state.hits.length === 0) return state.problem ? '' : t('popup_search_found_none', state.query);
      return state.hits.length === 1 ? t('popup_search_found_one', state.query) : t('popup_search_found_many', format.number(state.hits.length), state.query);
  }
}
