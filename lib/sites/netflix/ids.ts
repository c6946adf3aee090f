/**
 * Netflix IDs from URLs and links. Which ID means what (netflix-dom.md, "How to get the show ID"):
 * `jbv`, `/title/ID` and `tctx`'s `Video:ID` name the show or film; `/watch/ID` may be an episode.
 */

/** Netflix IDs seen are 6–8 digits; anything outside 5–10 is not an ID. */
const SITE_ID = /^\d{5,10}$/;

/** Links longer than this are not Netflix's; skip them rather than parse megabytes. */
const MAX_HREF_LENGTH = 8192;

/** Optional locale prefix such as `/it-en/` before `title/ID`. */
const TITLE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?title\/(\d+)(?:[/?#]|$)/i;
const WATCH_PATH = /^\/watch\/(\d+)(?:[/?#]|$)/;
/** `tctx` is comma-separated; the decoded value holds `Video:ID`, the raw one `Video%3AID`. */
const TCTX_VIDEO = /Video(?::|%3A)(\d+)/i;

export function asSiteId(candidate: string | null | undefined): string | undefined {
  return candidate != null && SITE_ID.test(candidate) ? candidate : undefined;
}

/**
 * A root-relative href without the characters a URL parser strips (`/browse?jbv=…`, as every
 * card link has): on the page's own site by construction.
 */
const ROOT_RELATIVE_HREF = /^\/(?![/\\])[^\t\n\r]*$/;
/** The first `jbv` in a query string without escapes. */
const RAW_JBV = /[?&]jbv=([^&]*)/;

/** The ID in `?jbv=ID` (open preview modal, carousel and search card links). */
export function jbvId(url: URL): string | undefined {
  return asSiteId(url.searchParams.get('jbv'));
}

/** The show or film named by a `tctx` query parameter, even when the path is an episode. */
export function tctxVideoId(url: URL): string | undefined {
  const tctx = url.searchParams.get('tctx');
  if (tctx === null) return undefined;
  return asSiteId(TCTX_VIDEO.exec(tctx)?.[1]);
}

export function titlePathId(url: URL): string | undefined {
  return asSiteId(TITLE_PATH.exec(url.pathname)?.[1]);
}

/** A film or an episode: only ever a `playableId` unless something else confirms it. */
export function watchPathId(url: URL): string | undefined {
  return asSiteId(WATCH_PATH.exec(url.pathname)?.[1]);
}

export function isTitlePath(url: URL): boolean {
  return TITLE_PATH.test(url.pathname);
}

export function isWatchPath(url: URL): boolean {
  return /^\/watch(?:\/|$)/.test(url.pathname);
}

/**
 * The `jbv` ID of a card link on this site, as `jbvId(linkTarget(link, page))` gives it. A browse
 * page has thousands of card links: a plain root-relative href is read as text, for a tenth of
 * what parsing it as a URL costs; anything else (absolute, off-site, escaped, odd) and any href
 * whose text gives no ID go through the URL parser.
 */
export function linkJbvId(link: Element, page: URL): string | undefined {
  const href = link.getAttribute('href');
  if (href !== null && href.length <= MAX_HREF_LENGTH && ROOT_RELATIVE_HREF.test(href)) {
    const query = href.split('#', 1)[0]!;
    const start = query.indexOf('?');
    if (start < 0) return undefined;
    // Escapes could hide another `jbv` (or make this one something else): the parser decides.
    const id = /[%+]/.test(query) ? undefined : asSiteId(RAW_JBV.exec(query.slice(start))?.[1]);
    if (id !== undefined) return id;
  }
  const target = linkTarget(link, page);
  return target && jbvId(target);
}

/**
 * A link's target resolved against the page, or undefined for a missing, oversized, unparsable or
 * off-site href (another extension's IMDb link, say).
 */
export function linkTarget(link: Element, page: URL): URL | undefined {
  const href = link.getAttribute('href');
  if (href === null || href.length > MAX_HREF_LENGTH) return undefined;
  try {
    const target = new URL(href, page);
    return target.host === page.host ? target : undefined;
  } catch {
    return undefined;
  }
}
