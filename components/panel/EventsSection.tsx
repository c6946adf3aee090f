import type { RealEvent } from '@/lib/model';
import type { TimelineEntry } from '@/lib/timeline';
import { formatCoordinates, formatDateRange } from '@/lib/format';
import { ExternalLink } from '../shared/ExternalLink';
import { CitedBy } from './CitedBy';
import { DisputedFigure } from './DisputedFigure';
import { Timeline } from './Timeline';

function placeLine(event: RealEvent): string | undefined {
  const place = event.place;
  if (!place) return undefined;
  const name = [place.name, place.region, place.country].filter(Boolean).join(', ');
  const hasCoordinates = place.lat !== undefined && place.lon !== undefined;
  return hasCoordinates ? `${name} (${formatCoordinates(place.lat!, place.lon!)})` : name;
}

export function EventsSection({ events, timeline, nameOf }: { events: RealEvent[]; timeline: TimelineEntry[]; nameOf: (url: string) => string }) {
  if (events.length === 0) return null;
  return (
    <section data-section="events" aria-labelledby="backstory-events-heading">
      <h3 id="backstory-events-heading">What really happened</h3>
      {events.map((event) => {
        const when = formatDateRange(event.start, event.end);
        const where = placeLine(event);
        return (
          <article key={event.name} className="event">
            <h4 className="event-name">{event.url ? <ExternalLink href={event.url}>{event.name}</ExternalLink> : event.name}</h4>
            <dl className="facts">
              {when && (
                <>
                  <dt>When</dt>
                  <dd>{when}</dd>
                </>
              )}
              {where && (
                <>
                  <dt>Where</dt>
                  <dd>{where}</dd>
                </>
              )}
            </dl>
            {event.summary && <p className="summary">{event.summary}</p>}
            {event.figures?.map((figure) => <DisputedFigure key={figure.label} figure={figure} nameOf={nameOf} />)}
            <CitedBy urls={event.citedBy} nameOf={nameOf} />
          </article>
        );
      })}
      <Timeline entries={timeline} />
    </section>
  );
}
