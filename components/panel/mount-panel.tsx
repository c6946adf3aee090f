import { createRoot } from 'react-dom/client';
import type { PanelApi, PanelView } from '@/lib/panel-bridge';
import { createShadowHost, placeHost } from '@/lib/panel/shadow-host';
import { panelCollapsed } from '@/lib/settings';
import { PanelApp } from './PanelApp';
import { createPanelStore, markSaved } from './panel-store';

/** Nothing the panel renders has changed: same data, same kind of place. */
function sameView(a: PanelView, b: PanelView): boolean {
  return a.context === b.context && a.saved === b.saved && a.storage === b.storage && a.sighting === b.sighting && a.anchor.element === b.anchor.element && a.anchor.placement === b.anchor.placement;
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
      const previous = store.get().view;
      placeHost(host, view.anchor);
      if (previous && sameView(previous, view)) return;
      const sameTitle = previous?.context.key === view.context.key;
      store.update({ view, notice: null, closed: sameTitle ? store.get().closed : false });
    },
    showNotice(notice) {
      placeHost(host, notice.anchor);
      store.update({ view: null, notice, closed: false });
    },
    hide() {
      host.remove();
      store.update({ view: null, notice: null, closed: false });
    },
    reveal,
    async toggle() {
      const { view, closed } = store.get();
      if (!view) return 'nothing';
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
