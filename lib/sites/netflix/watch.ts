/**
 * The player, `/watch/ID`. The path ID is a film or an episode, so it is only a `playableId`; the
 * show ID comes from the `tctx` the player was opened with. The title is on screen only while the
 * controls show (video title) or after a long pause (evidence overlay), and `document.title` is
 * always "Netflix".
 */
import type { ShowKind } from '../../model';
import type { FocusSighting, PanelAnchor } from '../types';
import { firstIncluded } from './dom';
import { tctxVideoId } from './ids';
import {
  WATCH_EVIDENCE_EPISODE_TITLE,
  WATCH_EVIDENCE_OVERLAY,
  WATCH_PANEL_HOSTS,
  WATCH_VIDEO_TITLE,
} from './selectors';
import { netflixSighting } from './sighting';
import { cleanTitle, isEpisodeMarker } from './text';

interface PlayerTitle {
  title?: string;
  kind?: ShowKind;
}

export function playerFocus(doc: Document, url: URL, playableId: string): FocusSighting | null {
  const anchor = watchAnchor(doc);
  if (!anchor) return null;
  const controls = videoTitle(doc);
  const overlay = evidenceOverlayTitle(doc);
  // Either one showing an episode makes it a series; a film shows none in both.
  const kind = controls?.kind === 'series' || overlay?.kind === 'series' ? 'series' : (controls?.kind ?? overlay?.kind);
  const sighting = netflixSighting('watch', {
    siteId: tctxVideoId(url),
    playableId,
    title: controls?.title ?? overlay?.title,
    kind,
  });
  return { sighting, anchor };
}

/**
 * Films show the title alone (`h4`); series add an episode marker and the episode's name. Without
 * an `h4`, the first text is the title unless it is already the marker.
 */
function videoTitle(doc: Document): PlayerTitle | undefined {
  const container = firstIncluded(doc, WATCH_VIDEO_TITLE);
  if (!container) return undefined;
  const isSeries = Array.from(container.querySelectorAll('*')).some(
    (element) => element.children.length === 0 && isEpisodeMarker(element.textContent),
  );
  const heading = container.querySelector('h4');
  const first = heading ? cleanTitle(heading.textContent) : firstText(container);
  const title = first !== undefined && !isEpisodeMarker(first) ? first : undefined;
  if (title === undefined && !isSeries) return undefined;
  return { title, kind: isSeries ? 'series' : 'film' };
}

function evidenceOverlayTitle(doc: Document): PlayerTitle | undefined {
  const overlay = firstIncluded(doc, WATCH_EVIDENCE_OVERLAY);
  const title = cleanTitle(overlay?.querySelector('h2')?.textContent);
  if (!overlay || title === undefined) return undefined;
  const isSeries = overlay.querySelector(WATCH_EVIDENCE_EPISODE_TITLE) !== null;
  return { title, kind: isSeries ? 'series' : 'film' };
}

function firstText(container: Element): string | undefined {
  const walker = container.ownerDocument.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = cleanTitle(node.textContent);
    if (text !== undefined) return text;
  }
  return undefined;
}

function watchAnchor(doc: Document): PanelAnchor | undefined {
  const element =
    WATCH_PANEL_HOSTS.map((selector) => doc.querySelector(selector)).find((host) => host !== null) ??
    doc.body ??
    doc.documentElement;
  return element ? { element, placement: 'overlay' } : undefined;
}
