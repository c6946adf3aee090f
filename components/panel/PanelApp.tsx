import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { inLanguage } from '@/lib/i18n/localize-context';
import { t, uiLanguage } from '@/lib/i18n/t';
import { sendMessage } from '@/lib/messaging';
import { panelCollapsed, spoilerShield } from '@/lib/settings';
import { PanelNotice } from './PanelNotice';
import { useStoredValue } from '../shared/use-stored-value';
import { RealStoryPanel } from './RealStoryPanel';
import { liftShield, markSaved, type PanelStore } from './panel-store';
import { shieldLevel } from './shield-level';

/** The panel's state and actions: remembered collapse, the spoiler shield, saving, closing. Rendering is RealStoryPanel's. */
export function PanelApp({ store }: { store: PanelStore }) {
  const { view, notice, closed, revealCount, unshielded } = useSyncExternalStore(store.subscribe, store.get);
  // Remembered across pages and tabs; undefined until read, so the panel never flashes open.
  const collapsed = useStoredValue(panelCollapsed);
  // Read live: changing the shield on the options page applies to a panel already on screen. Until
  // it has been read nothing is shown, so a shielded story never flashes its outcome.
  const storedShield = useStoredValue(spoilerShield);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const rootRef = useRef<HTMLDivElement>(null);

  const key = view?.context.key;
  const language = uiLanguage();
  const context = useMemo(() => view && inLanguage(view.context, language), [view, language]);
  useEffect(() => {
    setSaveError(undefined);
    setSaving(false);
  }, [key]);
  useEffect(() => {
    if (revealCount > 0) rootRef.current?.querySelector<HTMLElement>('[data-backstory="panel"]')?.focus();
  }, [revealCount]);

  if (closed || collapsed === undefined || storedShield === undefined) return null;
  if (!view || !context) {
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
      setSaveError(t('panel_background_unreachable'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div ref={rootRef} className={`frame frame-${view.anchor.placement}`}>
      <RealStoryPanel
        context={context}
        saved={view.saved}
        saving={saving}
        storage={view.storage}
        saveError={saveError}
        collapsed={collapsed}
        shield={unshielded.has(context.key) ? 'off' : shieldLevel(storedShield)}
        onToggleSaved={() => void toggleSaved()}
        onClose={() => store.update({ closed: true })}
        onCollapse={() => void panelCollapsed.setValue(true)}
        onExpand={() => void panelCollapsed.setValue(false)}
        onOpenWatchlist={() => void sendMessage('openWatchlistPage', undefined).catch(() => setSaveError(t('panel_background_unreachable')))}
        onReveal={() => liftShield(store, context.key)}
      />
    </div>
  );
}
