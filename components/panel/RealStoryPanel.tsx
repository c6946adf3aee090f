import { useMemo, type KeyboardEvent } from 'react';
import type { ShowContext, StorageState } from '@/lib/model';
import { buildTimeline } from '@/lib/timeline';
import { EventsSection } from './EventsSection';
import { ReviewsSection } from './ReviewsSection';
import { SourceSection } from './SourceSection';
import { SourcesList } from './SourcesList';

export interface RealStoryPanelProps {
  context: ShowContext;
  saved: boolean;
  saving: boolean;
  storage: StorageState;
  /** Why the last save failed, said plainly; nothing is changed when it is set. */
  saveError?: string;
  collapsed: boolean;
  onToggleSaved(): void;
  onClose(): void;
  onCollapse(): void;
  onExpand(): void;
  onOpenWatchlist(): void;
}

/**
 * Inline citations use the outlet part of a source's name ("ProPublica" for "ProPublica: How the
 * U.S. …"); the full names are in the sources list at the bottom.
 */
function citationNames(context: ShowContext): (url: string) => string {
  const names = new Map(context.sources.map((source) => [source.url, source.name.split(': ')[0]!]));
  return (url) => names.get(url) ?? new URL(url).hostname.replace(/^www\./, '');
}

export const STORAGE_NOTICE = "Saving is off: this browser isn't letting Backstory store data right now.";

export function RealStoryPanel(props: RealStoryPanelProps) {
  const { context, collapsed } = props;
  const nameOf = useMemo(() => citationNames(context), [context]);
  const timeline = useMemo(() => buildTimeline(context), [context]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    }
  }

  if (collapsed) {
    return (
      <aside data-backstory="panel" data-show-key={context.key} data-collapsed="" className="panel collapsed" aria-label={`Real story: ${context.title}`} onKeyDown={onKeyDown}>
        <button type="button" className="expand" data-action="expand" aria-expanded="false" onClick={props.onExpand}>
          <span className="brand">Real story</span> <span className="expand-title">{context.title}</span>
        </button>
      </aside>
    );
  }

  const canSave = props.storage === 'ok';
  return (
    <aside data-backstory="panel" data-show-key={context.key} className="panel" aria-labelledby="backstory-title" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="panel-header">
        <div>
          <p className="brand">Real story</p>
          <h2 id="backstory-title">{context.title}</h2>
          {context.tagline && <p className="tagline">{context.tagline}</p>}
        </div>
        <div className="header-actions">
          <button type="button" className="icon" data-action="collapse" aria-expanded="true" aria-label="Collapse the real story panel" title="Collapse" onClick={props.onCollapse}>
            <span aria-hidden="true">–</span>
          </button>
          <button type="button" className="icon" data-action="close" aria-label="Close the real story panel" title="Close (Esc)" onClick={props.onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      <div className="panel-body">
        <SourceSection works={context.basedOn} nameOf={nameOf} />
        <EventsSection events={context.events} timeline={timeline} nameOf={nameOf} />
        <ReviewsSection reviews={context.reviews} scores={context.scores} nameOf={nameOf} />
        <SourcesList sources={context.sources} />
      </div>
      <footer className="panel-footer">
        <button
          type="button"
          className="save"
          data-action="watchlist"
          aria-pressed={props.saved}
          disabled={!canSave || props.saving}
          onClick={props.onToggleSaved}
        >
          {props.saved ? '✓ On your watchlist' : '+ Save to watchlist'}
        </button>
        <button type="button" className="link" data-action="open-watchlist" onClick={props.onOpenWatchlist}>
          Your watchlist
        </button>
        {!canSave && (
          <p className="notice" role="status">
            {STORAGE_NOTICE}
          </p>
        )}
        {props.saveError && (
          <p className="notice" role="alert">
            {props.saveError}
          </p>
        )}
      </footer>
    </aside>
  );
}
