import { createRoot } from 'react-dom/client';
import type { PanelApi, PanelView } from '@/lib/panel-bridge';
import { createShadowHost, placeHost } from '@/lib/panel/shadow-host';
import { panelCollapsed } from '@/lib/settings';
import { PanelApp } from './PanelApp';
import { createPanelStore, markSaved } from './panel-store';

/**
 * Nothing the panel renders has changed: the same story (the same object, or an equal copy from a
 * fresh answer), the same saved state and sighting, the same kind of place. Then only the host moves.
 */
function sameRendering(a: PanelView, b: PanelView): boolean {
  return equal(a.context, b.context) && a.saved === b.saved && a.storage === b.storage && a.anchor.placement === b.anchor.placement && equal(a.sighting, b.sighting);
}

/** The same object (the usual case: the page re-rendered around the same title), or an equal copy. */
function equal(a: object, b: object): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Creates the panel once per page: a shadow host that moves to wherever the current title's
 * anchor is, and a React root that renders whatever the store holds.
 */
export function createPanelApi(doc: Document, css: string): PanelApi {
  const store = createPanelStore();
  const { host, mountPoint } = createShadowHost(doc, css);
  createRoot(mountPoint).render(<PanelApp store={store} />);

  function reveal(): void {
    void panelCollapsed.setValue(false);
    store.update({ closed: false, revealCount: store.get().revealCount + 1 });
  }

  return {
    show(view) {
      const { view: previous, closed } = store.get();
      placeHost(host, view.anchor);
      if (previous && sameRendering(previous, view)) return;
      store.update({ view, notice: null, closed: closed && previous?.context.key === view.context.key });
    },
    showNotice(notice) {
      placeHost(host, notice.anchor);
      store.update({ view: null, notice, closed: false });
    },
    hide() {
      host.remove();
      // The story stays rendered off the page: when the same title opens again (the site's modal
      // closed and reopened), putting the host back is all it takes, with no render in that frame.
      const { notice, closed } = store.get();
      if (notice || closed) store.update({ notice: null, closed: false });
    },
    reveal,
    async toggle() {
      const { view, closed } = store.get();
      if (!view || !host.isConnected) return 'nothing';
      if (closed || (await panelCollapsed.getValue())) {
        reveal();
        return 'expanded';
      }
      await panelCollapsed.setValue(true);
      return 'collapsed';
    },
    setSaved(key, saved) {
      markSaved(store, key, saved);
    },
  };
}
