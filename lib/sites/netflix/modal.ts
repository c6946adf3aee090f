/**
 * The preview modal ("jawbone"): the detail modal is the page's focus, the mini (hover) modal is a
 * card. Reads stay inside the dialog's own title spots, because the same dialog lists up to 25
 * More Like This titles and the episodes, each with an alt text or label of its own.
 */
import type { ShowKind } from '../../model';
import type { CardSighting, FocusSighting, PanelAnchor } from '../types';
import { firstIncluded, firstValue } from './dom';
import { jbvId, linkTarget, tctxVideoId, titlePathId, watchPathId } from './ids';
import {
  MODAL_ABOUT_TITLE,
  MODAL_BOXART,
  MODAL_DETAILS_METADATA,
  MODAL_DETAIL_BY_CLASS,
  MODAL_DETAIL_SUFFIX,
  MODAL_DETAIL_WRAPPER,
  MODAL_DIALOG,
  MODAL_DURATION,
  MODAL_EPISODE_SELECTOR,
  MODAL_MINI_BY_CLASS,
  MODAL_MINI_SUFFIX,
  MODAL_PLAYER_CONTAINER,
  MODAL_PLAY_BUTTON,
  MODAL_STORY_ART,
  MODAL_TITLE_LINK,
  MODAL_TITLE_TREATMENT_LOGO,
  MODAL_YEAR,
} from './selectors';
import { isUseful, netflixSighting } from './sighting';
import { cleanTitle, kindFromDuration, titleFromModalTabTitle, yearFrom } from './text';

type Flavour = 'detail' | 'mini';

export function findDetailDialog(doc: Document): Element | undefined {
  return (
    findDialogBySuffix(doc, MODAL_DETAIL_SUFFIX) ??
    doc.querySelector(MODAL_DETAIL_BY_CLASS) ??
    doc.querySelector(MODAL_DETAIL_WRAPPER) ??
    undefined
  );
}

export function isMiniDialog(element: Element): boolean {
  if (element.matches(MODAL_MINI_BY_CLASS)) return true;
  return element.matches(MODAL_DIALOG) && (element.getAttribute('data-uia') ?? '').endsWith(MODAL_MINI_SUFFIX);
}

function findDialogBySuffix(doc: Document, suffix: string): Element | undefined {
  return Array.from(doc.querySelectorAll(MODAL_DIALOG)).find((dialog) =>
    (dialog.getAttribute('data-uia') ?? '').endsWith(suffix),
  );
}

/**
 * The open detail modal as the focus. `idFromPage` is the `/title/ID` of a logged-in title page,
 * which opens this same modal.
 */
export function detailFocus(doc: Document, url: URL, dialog: Element, idFromPage?: string): FocusSighting | null {
  const kind = modalKind(dialog, 'detail');
  const play = playLinkIds(dialog, url);
  const pageId = jbvId(url) ?? idFromPage;
  // While the app swaps one modal for another, the URL can name the new title for a frame while
  // the dialog still shows the old one: when the play button's show ID disagrees, read nothing.
  if (pageId && play.confirmedId && pageId !== play.confirmedId) return null;
  const sighting = netflixSighting('detail', {
    siteId: pageId ?? play.confirmedId ?? (kind === 'film' ? play.watchId : undefined),
    playableId: play.watchId,
    title: modalTitle(doc, dialog, 'detail'),
    year: detailYear(dialog),
    kind,
  });
  return isUseful(sighting) ? { sighting, anchor: detailAnchor(dialog) } : null;
}

/** The hover preview as a card: it has no year, and the page URL does not name it. */
export function miniModalCard(doc: Document, url: URL, dialog: Element): CardSighting | undefined {
  const kind = modalKind(dialog, 'mini');
  const play = playLinkIds(dialog, url);
  const titleLinkId = firstValue(dialog, MODAL_TITLE_LINK, (link) => {
    const target = linkTarget(link, url);
    return target && titlePathId(target);
  });
  const siteId = titleLinkId ?? play.confirmedId ?? (kind === 'film' ? play.watchId : undefined);
  if (siteId === undefined) return undefined;
  return {
    sighting: netflixSighting('mini', {
      siteId,
      playableId: play.watchId,
      title: modalTitle(doc, dialog, 'mini'),
      kind,
    }),
    host: dialog.querySelector(MODAL_PLAYER_CONTAINER) ?? dialog,
  };
}

/**
 * The play button goes to `/watch/ID`: the film itself, or for a series the episode to resume.
 * Its `tctx` names the show or film either way.
 */
function playLinkIds(dialog: Element, url: URL): { confirmedId?: string; watchId?: string } {
  const play = firstIncluded(dialog, MODAL_PLAY_BUTTON);
  const target = play && linkTarget(play, url);
  return target ? { confirmedId: tctxVideoId(target), watchId: watchPathId(target) } : {};
}

function modalTitle(doc: Document, dialog: Element, flavour: Flavour): string | undefined {
  const player = dialog.querySelector(MODAL_PLAYER_CONTAINER) ?? dialog;
  const altText = (image: Element) => cleanTitle(image.getAttribute('alt'));
  const fromArt = firstValue(player, MODAL_STORY_ART, altText) ?? firstValue(player, MODAL_BOXART, altText);
  if (fromArt !== undefined) return fromArt;
  if (flavour === 'detail') {
    const fromAbout = firstValue(dialog, MODAL_ABOUT_TITLE, (strong) => cleanTitle(strong.textContent));
    if (fromAbout !== undefined) return fromAbout;
    // The tab names the modal's title only while a detail modal is open.
    const fromTab = titleFromModalTabTitle(doc.title);
    if (fromTab !== undefined) return fromTab;
  }
  return firstValue(player, MODAL_TITLE_TREATMENT_LOGO, altText);
}

/**
 * "Limited Series" beats the episode selector (a miniseries has one too); otherwise the selector
 * beats the duration label.
 */
function modalKind(dialog: Element, flavour: Flavour): ShowKind | undefined {
  const metadata = (flavour === 'detail' ? dialog.querySelector(MODAL_DETAILS_METADATA) : null) ?? dialog;
  const durationKind = kindFromDuration(firstIncluded(metadata, MODAL_DURATION)?.textContent);
  if (durationKind === 'miniseries') return 'miniseries';
  if (dialog.querySelector(MODAL_EPISODE_SELECTOR) !== null) return 'series';
  return durationKind;
}

/** Only the title's own metadata block: More Like This cards carry a `.year` each. */
function detailYear(dialog: Element): number | undefined {
  const metadata = dialog.querySelector(MODAL_DETAILS_METADATA);
  return metadata ? yearFrom(firstIncluded(metadata, MODAL_YEAR)?.textContent) : undefined;
}

function detailAnchor(dialog: Element): PanelAnchor {
  const metadata = dialog.querySelector(MODAL_DETAILS_METADATA);
  return metadata ? { element: metadata, placement: 'after' } : { element: dialog, placement: 'append' };
}
