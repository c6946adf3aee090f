import { t } from '@/lib/i18n/t';
import { filterName, sortName, type Formatters } from './texts';
import { WATCHLIST_SORTS, type StatusFilter, type WatchlistView } from './watchlist-view';

const FILTERS: StatusFilter[] = ['all', 'to-watch', 'watching', 'watched'];

/** Search within the list, filter by status, sort. */
export function WatchlistControls({
  view,
  counts,
  onChange,
  format,
  disabled = false,
}: {
  view: WatchlistView;
  /** Entries per status; left out while the whole list is still being read. */
  counts?: Record<StatusFilter, number>;
  disabled?: boolean;
  onChange: (view: WatchlistView) => void;
  format: Formatters;
}) {
  return (
    <div className="watchlist-controls">
      <div className="control control-wide">
        <label htmlFor="watchlist-search">{t('popup_watchlist_search_label')}</label>
        <input
          id="watchlist-search"
          type="search"
          data-field="watchlist-search"
          autoComplete="off"
          maxLength={200}
          disabled={disabled}
          placeholder={t('popup_watchlist_search_placeholder')}
          value={view.text}
          onChange={(event) => onChange({ ...view, text: event.currentTarget.value })}
        />
      </div>
      <div className="control">
        <label htmlFor="watchlist-filter">{t('popup_watchlist_filter_label')}</label>
        <select id="watchlist-filter" data-field="watchlist-filter" disabled={disabled} value={view.status} onChange={(event) => onChange({ ...view, status: event.currentTarget.value as StatusFilter })}>
          {FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {counts ? `${filterName(filter)} (${format.number(counts[filter])})` : filterName(filter)}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor="watchlist-sort">{t('popup_watchlist_sort_label')}</label>
        <select id="watchlist-sort" data-field="watchlist-sort" disabled={disabled} value={view.sort} onChange={(event) => onChange({ ...view, sort: event.currentTarget.value as WatchlistView['sort'] })}>
          {WATCHLIST_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {sortName(sort)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
