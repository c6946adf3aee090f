/**
 * Every Netflix selector the adapter uses, one entry per markup variant, each naming the era it
 * comes from (see shared/reference/netflix-dom.md). Only `data-uia` hooks, ARIA attributes and
 * Netflix's long-lived semantic class names appear here: hashed CSS-in-JS classes change per build.
 * Plain constants grouped by prefix, not objects: the minifier shortens a constant's name but never
 * a property's, and these ship in the always-on content script, which has a byte budget (issue #4).
 */

// Cards on browse and search pages.
/** 2026 carousel and search cards: standard-card, ranked-card, progress-card, search-gallery-video-card. */
export const CARD_CAROUSEL = 'a[data-uia$="-card"][aria-label][href*="jbv="]';
/** 2026 carousel: game tiles. Their whole row is games, so the row is skipped. */
export const CARD_GAME = 'a[data-uia="cloud-game-card"]';
/** Legacy lolomo rows (2016 onwards, still served in 2026), `data-uia` added by 2026. */
export const CARD_LEGACY_IN_CONTAINER = '[data-uia="title-card-container"] a[aria-label]';
/** Legacy lolomo rows before the container got its `data-uia`. */
export const CARD_LEGACY_SLIDER_REFOCUS = '.title-card a.slider-refocus[aria-label]';
/** Legacy Continue Watching row: its links resume an episode (a progress bar sits under each card). */
export const CONTINUE_WATCHING_ROW = '.lolomoRow[data-list-context="continueWatching"]';
/** Rows and galleries of cards: 2026 carousel rows, legacy lolomo rows, search results (2026 and older). */
export const CARD_GROUPS = 'section.carousel-row, .lolomoRow, [data-uia="search-gallery"], .gallery';
/** Badge hosts, outermost slot first: 2026 carousel slot, legacy slider slot, legacy card. */
export const CARD_HOSTS = ['div[data-virtual-slot]', '.slider-item', '.title-card-container'] as const;

/** Regions whose titles are never the page's own (netflix-dom.md section 7). */
export const EXCLUDED_REGIONS = [
  // Billboard (hero) on browse: a promoted title. The section wrapper is reported, unconfirmed.
  '[data-uia="billboard-title"]',
  'section[data-uia="billboard"]',
  'a[href*="billboardPlayButton"]',
  // previewModal era: other titles and episodes inside the detail modal.
  '.moreLikeThis--wrapper',
  '[data-uia="episode-selector"]',
  '.episode-item',
  // LODP: other titles and episodes on the logged-out title page.
  '[data-uia="more-like-this"]',
  '[data-uia="trending-now"]',
  '[data-uia="episodes"]',
  '[data-uia="episode-card"]',
  // Search page: suggestion chips link to collections, not titles.
  '[data-uia^="search-suggestion"]',
  // 2026 carousel: the loading placeholder row.
  '#place-holder-carousel',
  // Other extensions' injected markup (e.g. a ratings overlay); its text can name another show.
  '[class^="fm-"]',
].join(', ');

// The preview modal ("jawbone", `?jbv=ID`), previewModal era (2020 onwards, current in 2026).
/** Any preview dialog; the flavour is the `data-uia` suffix. */
export const MODAL_DIALOG = '[data-uia^="modal-motion-container-"][role="dialog"]';
export const MODAL_DETAIL_SUFFIX = 'DETAIL_MODAL';
export const MODAL_MINI_SUFFIX = 'MINI_MODAL';
/** Same dialogs recognised by their class, for builds without the motion-container hook. */
export const MODAL_DETAIL_BY_CLASS = '[role="dialog"].detail-modal';
export const MODAL_MINI_BY_CLASS = '[role="dialog"].mini-modal';
/** Last resort: the detail wrapper without a dialog role. */
export const MODAL_DETAIL_WRAPPER = '.previewModal--wrapper.detail-modal';
export const MODAL_PLAYER_CONTAINER = '[data-uia="previewModal--player_container"]';
/** Detail only: the large still with the title as alt text. */
export const MODAL_STORY_ART = 'img.playerModel--player__storyArt[alt], .storyArt img[alt]';
/** Mini and detail: box art with the title as alt text (one copy may be aria-hidden). */
export const MODAL_BOXART = 'img.previewModal--boxart[alt]';
/** Legacy title-treatment logo: had the title as alt until about 2025, has none in 2026. */
export const MODAL_TITLE_TREATMENT_LOGO = 'img.previewModal--player-titleTreatment-logo[alt], .previewModal--player-titleTreatment img[alt]';
/** "About <strong>TITLE</strong>" at the bottom of the detail modal. */
export const MODAL_ABOUT_TITLE = '.about-header strong';
export const MODAL_PLAY_BUTTON = 'a[data-uia="play-button"][href]';
/** Mini modal: the whole info area links to `/title/ID?dpRightClick=1…`. */
export const MODAL_TITLE_LINK = 'a[href*="/title/"]';
export const MODAL_DETAILS_METADATA = '[data-uia="previewModal--detailsMetadata"], .previewModal--detailsMetadata';
export const MODAL_YEAR = '.year';
export const MODAL_DURATION = '.duration';
export const MODAL_EPISODE_SELECTOR = '[data-uia="episode-selector"]';

// The logged-out `/title/ID` page.
export const TITLE_PAGE_JSON_LD = 'script[type="application/ld+json"]';
export const TITLE_PAGE_OG_TITLE = 'meta[property="og:title"][content]';
/** nmtitle page (about 2019–2023). */
export const TITLE_PAGE_NMTITLE_TITLE = 'h1[data-uia="title-info-title"]';
export const TITLE_PAGE_NMTITLE_YEAR = '[data-uia="item-year"]';
export const TITLE_PAGE_NMTITLE_RUNTIME = '[data-uia="item-runtime"]';
export const TITLE_PAGE_NMTITLE_HERO = '[data-uia="section-hero"]';
/** LODP page (2025–2026). */
export const TITLE_PAGE_LODP_TITLE = '[data-uia="lodp"] h1';
export const TITLE_PAGE_LODP_METADATA = '[data-uia="metadata"]';
export const TITLE_PAGE_LODP_METADATA_ITEMS = '[data-uia="metadata"] li';

// The player, `/watch/ID` (2022–2026 markup).
/** Shown only while the player controls are visible. */
export const WATCH_VIDEO_TITLE = '[data-uia="video-title"]';
/** Shown after the video has been paused a while. */
export const WATCH_EVIDENCE_OVERLAY = '[data-uia="evidence-overlay"]';
export const WATCH_EVIDENCE_EPISODE_TITLE = 'h3[data-uia="evidence-overlay-episode-title"]';
export const WATCH_PANEL_HOSTS = ['[data-uia="watch-video"]', '[data-uia="player"]'] as const;
