import type { CardStory } from '../../messaging';
import { HOVER_EVENTS, isolateEvents } from '../../isolate-events';

export const BADGE_HOST_TAG = 'backstory-badge';

/**
 * Inside the badge's shadow root, so the page's CSS cannot reach it and ours cannot leak. The host
 * is a zero-size box at the top of the card's slot and positions the button itself, so placing a
 * badge never reads the page's styles (a forced style recalculation on a page of 2,000 cards).
 * The teaser shows on hover and on keyboard focus; without motion, so reduced motion needs nothing.
 */
const BADGE_CSS = [
  ':host{all:initial;display:block;position:relative;width:0;height:0;overflow:visible;z-index:3}',
  'button{position:absolute;top:6px;left:6px;white-space:nowrap;font:600 11px/1.2 system-ui,sans-serif;color:#fff;background:#121212e0;border:1px solid #ffffffb3;border-radius:3px;padding:5px 8px;cursor:pointer}',
  'button:hover{background:#000;border-color:#fff}',
  'button:focus-visible{outline:2px solid #fff;outline-offset:2px}',
  '#teaser{display:none;position:absolute;top:34px;left:6px;max-width:320px;width:max-content;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font:12px/1.35 system-ui,sans-serif;color:#f2f2f2;background:#181818;border:1px solid #5a5a5a;border-radius:3px;padding:4px 7px}',
  'button:hover+#teaser,button:focus-visible+#teaser{display:block}',
  '@media (forced-colors:active){button,#teaser{border-color:CanvasText}}',
].join('');

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * One parsed style sheet shared by every badge where a content script may adopt one (Chromium);
 * elsewhere (Firefox's content-script sandbox refuses it) each badge carries its own <style>.
 */
function adoptStyles(shadow: ShadowRoot, doc: Document): void {
  try {
    if (sharedSheet === undefined) {
      sharedSheet = null;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(BADGE_CSS);
      sharedSheet = sheet;
    }
    if (sharedSheet) {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    sharedSheet = null;
  }
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  shadow.append(style);
}

export interface Badge {
  element: HTMLElement;
  story: CardStory;
}

/**
 * A "Real story" badge for one card: our own element with an open shadow root, text only (the
 * story's strings are set as text, never parsed as markup). Clicking it opens the panel for that
 * title; no click, key or hover inside it reaches the page, so Netflix opens neither its modal
 * nor its preview.
 */
export function createBadge(doc: Document, siteId: string, story: CardStory, open: () => void): Badge {
  const element = doc.createElement(BADGE_HOST_TAG);
  element.dataset.showKey = story.key;
  element.dataset.siteId = siteId;
  const shadow = element.attachShadow({ mode: 'open' });
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.action = 'open-story';
  button.textContent = story.button;
  button.setAttribute('aria-label', story.label);
  button.setAttribute('aria-describedby', 'teaser');
  const teaser = doc.createElement('span');
  teaser.id = 'teaser';
  teaser.setAttribute('role', 'tooltip');
  teaser.textContent = story.teaser;
  adoptStyles(shadow, doc);
  shadow.append(button, teaser);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    open();
  });
  isolateEvents(element, HOVER_EVENTS);
  return { element, story };
}
