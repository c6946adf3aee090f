import type { RealEvent } from '@/lib/model';
import type { TimelineEntry } from '@/lib/timeline';
import { formatCoordinates, formatDateRange, type Language } from '@/lib/format';
import { t, uiLanguage } from '@/lib/i18n/t';
import { ExternalLink } from '../shared/ExternalLink';
import { CitedBy } from './CitedBy';
import { DisputedFigure } from './DisputedFigure';
import { ShieldNotice } from './ShieldNotice';
import { Timeline } from './Timeline';

function placeLine(event: RealEvent, language: Language): string | undefined {
  const place = event.place;
  if (!place) return undefined;
  const name = [place.name, place.region, place.country].filter(Boolean).join(', ');
  const hasCoordinates = place.lat !== undefined && place.lon !== undefined;
  return hasCoordinates ? `${name} (${formatCoordinates(place.lat!, place.lon!, language)})` : name;
}

export interface EventsSectionProps {
  events: RealEvent[];
  timeline: TimelineEntry[];
  nameOf: (url: string) => string;
  /** Outcomes held back by the spoiler shield: the summaries, disputed figures and timeline are left out. */
  hideOutcomes?: boolean;
  onReveal?(): void;
}

export function EventsSection({ events, timeline, nameOf, hideOutcomes = false, onReveal = () => {} }: EventsSectionProps) {
  if (events.length === 0) return null;
  const language = uiLanguage();
  return (
    <section data-section="events" aria-labelledby="backstory-events-heading">
      <h3 id="backstory-events-heading" tabIndex={-1}>
        {t('panel_events_heading')}
      </h3>
      {events.map((event) => {
        const when = formatDateRange(event.start, event.end, language);
        const where = placeLine(event, language);
        return (
          <article key={event.name} className="event">
            <h4 className="event-name">{event.url ? <ExternalLink href={event.url}>{event.name}</ExternalLink> : event.name}</h4>
            <dl className="facts">
              {when && (
                <>
                  <dt>{t('panel_when')}</dt>
                  <dd>{when}</dd>
                </>
              )}
              {where && (
                <>
                  <dt>{t('panel_where')}</dt>
                  <dd>{where}</dd>
                </>
              )}
            </dl>
            {!hideOutcomes && event.summary && <p className="summary">{event.summary}</p>}
            {!hideOutcomes && event.figures?.map((figure) => <DisputedFigure key={figure.label} figure={figure} nameOf={nameOf} />)}
            <CitedBy urls={event.citedBy} nameOf={nameOf} />
          </article>
        );
      })}
      {hideOutcomes ? <ShieldNotice level="outcomes" onReveal={onReveal} /> : <Timeline entries={timeline} />}
    </section>
  );
}
