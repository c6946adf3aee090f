/**
 * The Netflix adapter: which title a page shows and which titles its cards show. Pure reads of the
 * Document and URL given; the parts live in ./netflix/ (selectors, IDs, one file per surface).
 *
 * The URL decides first which surface can be the focus: billboards, More Like This, episode
 * lists and search chips all name real titles that are not the one the user is looking at.
 */
import { NETFLIX_HOSTS } from './hosts';
import type { FocusSighting, SiteAdapter } from './types';
import { CARD_ELEMENTS, CARD_LINKS, readCard } from './netflix/cards';
import { CARD_GROUPS } from './netflix/selectors';
import { isTitlePath, isWatchPath, titlePathId, watchPathId } from './netflix/ids';
import { detailFocus, findDetailDialog } from './netflix/modal';
import { titlePageFocus } from './netflix/title-page';
import { playerFocus } from './netflix/watch';

export function netflixFocus(doc: Document, url: URL): FocusSighting | null {
  if (isWatchPath(url)) {
    const playableId = watchPathId(url);
    return playableId ? playerFocus(doc, url, playableId) : null;
  }
  const titleId = titlePathId(url);
  // Logged in, `/title/ID` opens the same detail modal as `?jbv=ID` on browse and search.
  const dialog = findDetailDialog(doc);
  if (dialog) return detailFocus(doc, url, dialog, titleId);
  if (isTitlePath(url)) return titleId ? titlePageFocus(doc, titleId) : null;
  return null;
}


export const netflix: SiteAdapter = {
  site: 'netflix',
  hosts: NETFLIX_HOSTS,
  focus: netflixFocus,
  cardElements: CARD_ELEMENTS,
  cardGroups: CARD_GROUPS,
  groupCardElements: CARD_LINKS,
  readCard,
  // Every card link's href holds its title's ID (jbv=, /watch/, tctx's Video:); IDs are digits only.
  cardsShowing: (ids) => ids.map((id) => `a[href*="${id}"]`).join(),
};
