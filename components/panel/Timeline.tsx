import type { CSSProperties } from 'react';
import type { TimelineEntry } from '@/lib/timeline';
import { formatPartialDate } from '@/lib/format';
import { t, uiLanguage } from '@/lib/i18n/t';

const PX_PER_YEAR = 4;
const MAX_GAP = 28;

/**
 * The story's dates on a vertical line, spaced by the years between them so a decade looks like
 * one. An ordered list underneath, so screen readers get the same thing in order.
 */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length < 2) return null;
  const language = uiLanguage();
  return (
    <figure className="timeline" data-timeline>
      <figcaption className="visually-hidden">{t('panel_timeline')}</figcaption>
      <ol>
        {entries.map((entry, index) => {
          const gapYears = index === 0 ? 0 : entry.year - entries[index - 1]!.year;
          const style = { '--gap': `${Math.min(MAX_GAP, gapYears * PX_PER_YEAR)}px` } as CSSProperties;
          return (
            <li key={`${entry.date}|${entry.label}`} className={`timeline-entry timeline-${entry.kind}`} style={style}>
              <time dateTime={entry.date}>{formatPartialDate(entry.date, language)}</time>
              <span className="timeline-label">{entry.label}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
