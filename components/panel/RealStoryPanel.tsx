import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { t } from '@/lib/i18n/t';
import type { ShowContext, StorageState } from '@/lib/model';
import type { SpoilerLevel } from '@/lib/settings';
import { buildTimeline } from '@/lib/timeline';
import { EventsSection } from './EventsSection';
import { ReviewsSection } from './ReviewsSection';
import { ShieldNotice } from './ShieldNotice';
import { SourceSection } from './SourceSection';
import { SourcesList } from './SourcesList';

export interface RealStoryPanelProps {
  /** The story in the reader's language (lib/i18n/localize-context.ts). */
  context: ShowContext;
  saved: boolean;
  saving: boolean;
  storage: StorageState;
  /** Why the last save failed, said plainly; nothing is changed when it is set. */
  saveError?: string;
  collapsed: boolean;
  /** What the spoiler shield holds back for this show now ('off' once the viewer revealed it). */
  shield?: SpoilerLevel;
  onToggleSaved(): void;
  onClose(): void;
  onCollapse(): void;
  onExpand(): void;
  onOpenWatchlist(): void;
  onReveal?(): void;
}

/**
 * Inline citations use the outlet part of a source's name ("ProPublica" for "ProPublica: How the
 * U.S. …"); the full names are in the sources list at the bottom.
 */
function citationNames(context: ShowContext): (url: string) => string {
  const names = new Map(context.sources.map((source) => [source.url, source.name.split(': ')[0]!]));
  return (url) => names.get(url) ?? new URL(url).hostname.replace(/^www\./, '');
}

export function RealStoryPanel(props: RealStoryPanelProps) {
  const { context, collapsed, shield = 'off' } = props;
  const nameOf = useMemo(() => citationNames(context), [context]);
  const timeline = useMemo(() => buildTimeline(context), [context]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const focusAfterReveal = useRef(false);
  const focusAfterFold = useRef(false);

  // The reveal button is gone once clicked: keyboard focus goes to what it revealed instead of
  // falling back to the page.
  useEffect(() => {
    if (shield !== 'off' || !focusAfterReveal.current) return;
    focusAfterReveal.current = false;
    bodyRef.current?.querySelector<HTMLElement>('#backstory-events-heading, #backstory-reviews-heading')?.focus();
  }, [shield]);

  // Folding or unfolding from the panel's own button replaces that button: keyboard focus goes to
  // the one that undoes it, so a keyboard user is never dropped back at the top of the page.
  useEffect(() => {
    if (!focusAfterFold.current) return;
    focusAfterFold.current = false;
    rootRef.current?.querySelector<HTMLElement>(collapsed ? '[data-action="expand"]' : '[data-action="collapse"]')?.focus();
  }, [collapsed]);

  function fold(change: () => void) {
    focusAfterFold.current = true;
    change();
  }

  function reveal() {
    focusAfterReveal.current = true;
    props.onReveal?.();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onClose();
    }
  }

  if (collapsed) {
    return (
      <aside ref={rootRef} data-backstory="panel" data-show-key={context.key} data-collapsed="" className="panel collapsed" aria-label={t('panel_label', context.title)} onKeyDown={onKeyDown}>
        <button type="button" className="expand" data-action="expand" aria-expanded="false" onClick={() => fold(props.onExpand)}>
          <span className="brand">{t('panel_brand')}</span> <span className="expand-title">{context.title}</span>
        </button>
      </aside>
    );
  }

  const canSave = props.storage === 'ok';
  return (
    <aside ref={rootRef} data-backstory="panel" data-show-key={context.key} data-shield={shield} className="panel" aria-labelledby="backstory-title" tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="panel-header">
        <div>
          <p className="brand">{t('panel_brand')}</p>
          <h2 id="backstory-title">{context.title}</h2>
          {context.tagline && <p className="tagline">{context.tagline}</p>}
        </div>
        <div className="header-actions">
          <button type="button" className="icon" data-action="collapse" aria-expanded="true" aria-label={t('panel_collapse')} title={t('panel_collapse_title')} onClick={() => fold(props.onCollapse)}>
            <span aria-hidden="true">–</span>
          </button>
          <button type="button" className="icon" data-action="close" aria-label={t('panel_close')} title={t('panel_close_title')} onClick={props.onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      <div className="panel-body" ref={bodyRef}>
        <SourceSection works={context.basedOn} nameOf={nameOf} />
        {shield === 'source-only' ? (
          (context.events.length > 0 || context.reviews.length > 0 || (context.scores?.length ?? 0) > 0) && (
            <section data-section="shield">
              <ShieldNotice level="source-only" onReveal={reveal} />
            </section>
          )
        ) : (
          <>
            <EventsSection events={context.events} timeline={timeline} nameOf={nameOf} hideOutcomes={shield === 'outcomes'} onReveal={reveal} />
            <ReviewsSection reviews={context.reviews} scores={context.scores} nameOf={nameOf} />
          </>
        )}
        {/* Its names alone can tell the story ("report on the death toll"): it waits with the rest. */}
        {shield !== 'source-only' && <SourcesList sources={context.sources} />}
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
          {props.saved ? t('panel_saved') : t('panel_save')}
        </button>
        <button type="button" className="link" data-action="open-watchlist" onClick={props.onOpenWatchlist}>
          {t('panel_open_watchlist')}
        </button>
        {!canSave && (
          <p className="notice" role="status">
            {t('panel_storage_off')}
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
