import { createRoot } from 'react-dom/client';
import type { PanelApi } from '@/lib/panel-bridge';
import { createShadowHost, placeHost } from '@/lib/panel/shadow-host';
import { panelCollapsed } from '@/lib/settings';
import { PanelApp } from './PanelApp';
import { createPanelStore } from './panel-store';

/**
 * Creates the panel once per page: a shadow host that moves to wherever the current title's
 * anchor is, and a React root that renders whatever the store holds.
 */
export function createPanelApi(doc: Document, css: string): PanelApi {
  const store = createPanelStore();
  const { host, mountPoint } = createShadowHost(doc, css);
  createRoot(mountPoint).render(<PanelApp store={store} />);

  return {
    show(view) {
      const previous = store.get().view;
      placeHost(host, view.anchor);
      const sameTitle = previous?.context.key === view.context.key;
      if (sameTitle && previous.saved === view.saved && previous.storage === view.storage && previous.context === view.context && previous.anchor.placement === view.anchor.placement) return;
      store.update({ view, closed: sameTitle ? store.get().closed : false });
    },
    hide() {
      host.remove();
      store.update({ view: null, closed: false });
    },
    reveal() {
      void panelCollapsed.setValue(false);
      store.update({ closed: false, revealCount: store.get().revealCount + 1 });
    },
    setSaved(key, saved) {
      const view = store.get().view;
      if (view?.context.key === key && view.saved !== saved) store.update({ view: { ...view, saved } });
    },
  };
}
