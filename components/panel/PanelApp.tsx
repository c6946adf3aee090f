import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { sendMessage } from '@/lib/messaging';
import { panelCollapsed } from '@/lib/settings';
import { PanelNotice } from './PanelNotice';
import { useStoredValue } from '../shared/use-stored-value';
import { RealStoryPanel } from './RealStoryPanel';
import { markSaved, type PanelStore } from './panel-store';

const BACKGROUND_UNREACHABLE = "Backstory couldn't reach its background service. Reload the page and try again; nothing was changed.";

/** The panel's state and actions: remembered collapse, saving, closing. Rendering is RealStoryPanel's. */
export function PanelApp({ store }: { store: PanelStore }) {
  const { view, notice, closed, revealCount } = useSyncExternalStore(store.subscribe, store.get);
  // Remembered across pages and tabs; undefined until read, so the panel never flashes open.
  const collapsed = useStoredValue(panelCollapsed);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const rootRef = useRef<HTMLDivElement>(null);

  const key = view?.context.key;
  useEffect(() => {
    setSaveError(undefined);
    setSaving(false);
  }, [key]);
  useEffect(() => {
    if (revealCount > 0) rootRef.current?.querySelector<HTMLElement>('[data-backstory="panel"]')?.focus();
  }, [revealCount]);

  if (closed || collapsed === undefined) return null;
  if (!view) {
    if (!notice || collapsed) return null;
    return (
      <div ref={rootRef} className={`frame frame-${notice.anchor.placement}`}>
        <PanelNotice notice={notice} />
      </div>
    );
  }

  async function toggleSaved() {
    if (!view) return;
    const key = view.context.key;
    setSaving(true);
    setSaveError(undefined);
    try {
      const result = await sendMessage('setWatchlisted', { key, saved: !view.saved, sighting: view.sighting });
      // The answer may come after the user moved to another title: it only updates this one.
      if (result.ok) markSaved(store, key, result.saved);
      else if (store.get().view?.context.key === key) setSaveError(result.message);
    } catch {
      setSaveError(BACKGROUND_UNREACHABLE);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div ref={rootRef} className={`frame frame-${view.anchor.placement}`}>
      <RealStoryPanel
        context={view.context}
        saved={view.saved}
        saving={saving}
        storage={view.storage}
        saveError={saveError}
        collapsed={collapsed}
        onToggleSaved={() => void toggleSaved()}
        onClose={() => store.update({ closed: true })}
        onCollapse={() => void panelCollapsed.setValue(true)}
        onExpand={() => void panelCollapsed.setValue(false)}
        onOpenWatchlist={() => void sendMessage('openWatchlistPage', undefined).catch(() => setSaveError(BACKGROUND_UNREACHABLE))}
      />
    </div>
  );
}
