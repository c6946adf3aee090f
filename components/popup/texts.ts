import type { WatchStatus } from '@/lib/db/schema';
import { t, uiLanguage } from '@/lib/i18n/t';
import type { ShowKind } from '@/lib/model';
import type { StatusFilter, WatchlistSort } from './watchlist-view';

/** Each literal key stays written out, so the unit test that checks every key finds them. */
export function statusName(status: WatchStatus): string {
  switch (status) {
    case 'to-watch':
      return t('popup_status_to_watch');
    case 'watching':
      return t('popup_status_watching');
    case 'watched':
      return t('popup_status_watched');
  }
}

export function filterName(filter: StatusFilter): string {
  return filter === 'all' ? t('popup_filter_all') : statusName(filter);
}

export function sortName(sort: WatchlistSort): string {
  switch (sort) {
    case 'newest':
      return t('popup_sort_newest');
    case 'oldest':
      return t('popup_sort_oldest');
    case 'title':
      return t('popup_sort_title');
    case 'changed':
      return t('popup_sort_changed');
  }
}

export function kindName(kind: ShowKind): string {
  switch (kind) {
    case 'series':
      return t('popup_kind_series');
    case 'miniseries':
      return t('popup_kind_miniseries');
    case 'film':
      return t('popup_kind_film');
  }
}

/** Formatters in the language Backstory speaks, made once per page. */
export function formatters() {
  const language = uiLanguage();
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(language);
  return {
    date: (time: number) => date.format(time),
    number: (n: number) => number.format(n),
    collator: new Intl.Collator(language, { sensitivity: 'base', numeric: true }),
  };
}
export type Formatters = ReturnType<typeof formatters>;
