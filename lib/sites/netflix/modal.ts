/**
 * The preview modal ("jawbone"): the detail modal is the page's focus, the mini (hover) modal is a
 * card. Reads stay inside the dialog's own title spots, because the same dialog lists up to 25
 * More Like This titles and the episodes, each with an alt text or label of its own.
 */
import type { ShowKind } from '../../model';
import type { CardSighting, FocusSighting, PanelAnchor } from '../types';
import { firstIncluded, firstValue } from './dom';
import { jbvId, linkTarget, tctxVideoId, titlePathId, watchPathId } from './ids';
import { MODAL } from './selectors';
import { isUseful, netflixSighting } from './sighting';
import { cleanTitle, kindFromDuration, titleFromModalTabTitle, yearFrom } from './text';

type Flavour = 'detail' | 'mini';

export function findDetailDialog(doc: Document): Element | undefined {
  return (
    findDialogBySuffix(doc, MODAL.detailSuffix) ??
    doc.querySelector(MODAL.detailByClass) ??
    doc.querySelector(MODAL.detailWrapper) ??
    undefined
  );
}

export function isMiniDialog(element: Element): boolean {
  if (element.matches(MODAL.miniByClass)) return true;
  return element.matches(MODAL.dialog) && (element.getAttribute('data-uia') ?? '').endsWith(MODAL.miniSuffix);
}

function findDialogBySuffix(doc: Document, suffix: string): Element | undefined {
  return Array.from(doc.querySelectorAll(MODAL.dialog)).find((dialog) =>
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
  const titleLinkId = firstValue(dialog, MODAL.titleLink, (link) => {
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
    host: dialog.querySelector(MODAL.playerContainer) ?? dialog,
  };
}

/**
 * The play button goes to `/watch/ID`: the film itself, or for a series the episode to resume.
 * Its `tctx` names the show or film either way.
 */
function playLinkIds(dialog: Element, url: URL): { confirmedId?: string; watchId?: string } {
  const play = firstIncluded(dialog, MODAL.playButton);
  const target = play && linkTarget(play, url);
  return target ? { confirmedId: tctxVideoId(target), watchId: watchPathId(target) } : {};
}

function modalTitle(doc: Document, dialog: Element, flavour: Flavour): string | undefined {
  const player = dialog.querySelector(MODAL.playerContainer) ?? dialog;
  const altText = (image: Element) => cleanTitle(image.getAttribute('alt'));
  const fromArt = firstValue(player, MODAL.storyArt, altText) ?? firstValue(player, MODAL.boxart, altText);
  if (fromArt !== undefined) return fromArt;
  if (flavour === 'detail') {
    const fromAbout = firstValue(dialog, MODAL.aboutTitle, (strong) => cleanTitle(strong.textContent));
    if (fromAbout !== undefined) return fromAbout;
    // The tab names the modal's title only while a detail modal is open.
    const fromTab = titleFromModalTabTitle(doc.title);
    if (fromTab !== undefined) return fromTab;
  }
  return firstValue(player, MODAL.titleTreatmentLogo, altText);
}

/**
 * "Limited Series" beats the episode selector (a miniseries has one too); otherwise the selector
 * beats the duration label.
 */
function modalKind(dialog: Element, flavour: Flavour): ShowKind | undefined {
  const metadata = (flavour === 'detail' ? dialog.querySelector(MODAL.detailsMetadata) : null) ?? dialog;
  const durationKind = kindFromDuration(firstIncluded(metadata, MODAL.duration)?.textContent);
  if (durationKind === 'miniseries') return 'miniseries';
  if (dialog.querySelector(MODAL.episodeSelector) !== null) return 'series';
  return durationKind;
}

/** Only the title's own metadata block: More Like This cards carry a `.year` each. */
function detailYear(dialog: Element): number | undefined {
  const metadata = dialog.querySelector(MODAL.detailsMetadata);
  return metadata ? yearFrom(firstIncluded(metadata, MODAL.year)?.textContent) : undefined;
}

function detailAnchor(dialog: Element): PanelAnchor {
  const metadata = dialog.querySelector(MODAL.detailsMetadata);
  return metadata ? { element: metadata, placement: 'after' } : { element: dialog, placement: 'append' };
}
