import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { WatchlistEntry } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { FIRST_ROWS_MARK, markOnce } from './first-rows-mark';
import type { Formatters } from './texts';
import { WatchlistEntryRow, type EntryActions } from './WatchlistEntryRow';

/** A typical row's height before it is measured (title, story, where, status, note). */
const ROW_ESTIMATE = 176;
/** The list's scroll box at its tallest (popup.css, .watchlist-scroll), the first window rendered before layout. */
const LIST_HEIGHT = 440;
const OVERSCAN = 3;


/**
 * Only the rows in (and just around) the scroll box are in the page. The row holding focus is
 * always kept, so keyboard focus never drops when it scrolls out; Tab into a row off screen scrolls
 * it in, and the next rows render as it does.
 */
export function VirtualWatchlist({
  entries,
  setSize = entries.length,
  actions,
  format,
}: {
  entries: WatchlistEntry[];
  /** How many entries the whole list has, when only its first page is read yet. */
  setSize?: number;
  actions: EntryActions;
  format: Formatters;
}) {
  const scrollBox = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number>();
  const keepFocused = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === undefined || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollBox.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => entries[index]!.key,
    overscan: OVERSCAN,
    initialRect: { width: 380, height: LIST_HEIGHT },
    // A box without layout (hidden, or a test's DOM) reports 0: size the window as the box would be.
    observeElementRect: (instance, report) => observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { ...rect, height: LIST_HEIGHT })),
    rangeExtractor: keepFocused,
    // Before layout (or where there is none) a row measures 0: keep the estimate rather than collapse it.
    measureElement: (element, entry) => {
      const measured = entry?.borderBoxSize?.[0]?.blockSize ?? element.getBoundingClientRect().height;
      return measured > 0 ? Math.round(measured) : ROW_ESTIMATE;
    },
  });

  useEffect(() => {
    if (entries.length > 0) markOnce(FIRST_ROWS_MARK);
  }, [entries.length]);

  return (
    <div ref={scrollBox} className="watchlist-scroll" data-virtual-scroll="">
      <ul className="watchlist" aria-label={t('popup_watchlist_heading')} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = entries[row.index]!;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              data-watchlist-item=""
              data-show-key={entry.key}
              aria-setsize={setSize}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
              onFocus={() => setFocused(row.index)}
            >
              <WatchlistEntryRow entry={entry} actions={actions} format={format} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
