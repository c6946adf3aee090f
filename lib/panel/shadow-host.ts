import { isolateEvents } from '../isolate-events';
import type { PanelAnchor } from '../sites/types';

export const PANEL_HOST_TAG = 'backstory-panel';

export interface ShadowHost {
  host: HTMLElement;
  mountPoint: HTMLElement;
}

/** Our own element with an open shadow root, so neither the page's CSS nor ours leaks across. */
export function createShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement(PANEL_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mountPoint = doc.createElement('div');
  mountPoint.className = 'mount';
  shadow.append(style, mountPoint);
  isolateEvents(host);
  return { host, mountPoint };
}

/** Puts the host where the adapter said, unless it is already there (keeps focus and scroll). */
export function placeHost(host: HTMLElement, anchor: PanelAnchor): void {
  const { element, placement } = anchor;
  host.dataset.placement = placement;
  switch (placement) {
    case 'before':
      if (host.nextElementSibling !== element) element.before(host);
      return;
    case 'after':
      if (element.nextElementSibling !== host) element.after(host);
      return;
    case 'prepend':
      if (element.firstElementChild !== host) element.prepend(host);
      return;
    case 'append':
    case 'overlay':
      if (host.parentElement !== element) element.append(host);
      return;
  }
}
