/**
 * Every Netflix selector the adapter uses, one entry per markup variant, each naming the era it
 * comes from (see shared/reference/netflix-dom.md). Only `data-uia` hooks, ARIA attributes and
 * Netflix's long-lived semantic class names appear here: hashed CSS-in-JS classes change per build.
 */

/** Cards on browse and search pages. */
export const CARD = {
  /** 2026 carousel and search cards: standard-card, ranked-card, progress-card, search-gallery-video-card. */
  carousel: 'a[data-uia$="-card"][aria-label][href*="jbv="]',
  /** 2026 carousel: game tiles. Their whole row is games, so the row is skipped. */
  gameCard: 'a[data-uia="cloud-game-card"]',
  /** Legacy lolomo rows (2016 onwards, still served in 2026), `data-uia` added by 2026. */
  legacyInContainer: '[data-uia="title-card-container"] a[aria-label]',
  /** Legacy lolomo rows before the container got its `data-uia`. */
  legacySliderRefocus: '.title-card a.slider-refocus[aria-label]',
  /** Legacy Continue Watching row: its links resume an episode (a progress bar sits under each card). */
  continueWatchingRow: '.lolomoRow[data-list-context="continueWatching"]',
  /** Rows and galleries of cards: 2026 carousel rows, legacy lolomo rows, search results (2026 and older). */
  groups: 'section.carousel-row, .lolomoRow, [data-uia="search-gallery"], .gallery',
  /** Badge hosts, outermost slot first: 2026 carousel slot, legacy slider slot, legacy card. */
  hosts: ['div[data-virtual-slot]', '.slider-item', '.title-card-container'],
} as const;

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

/** The preview modal ("jawbone", `?jbv=ID`), previewModal era (2020 onwards, current in 2026). */
export const MODAL = {
  /** Any preview dialog; the flavour is the `data-uia` suffix. */
  dialog: '[data-uia^="modal-motion-container-"][role="dialog"]',
  detailSuffix: 'DETAIL_MODAL',
  miniSuffix: 'MINI_MODAL',
  /** Same dialogs recognised by their class, for builds without the motion-container hook. */
  detailByClass: '[role="dialog"].detail-modal',
  miniByClass: '[role="dialog"].mini-modal',
  /** Last resort: the detail wrapper without a dialog role. */
  detailWrapper: '.previewModal--wrapper.detail-modal',
  playerContainer: '[data-uia="previewModal--player_container"]',
  /** Detail only: the large still with the title as alt text. */
  storyArt: 'img.playerModel--player__storyArt[alt], .storyArt img[alt]',
  /** Mini and detail: box art with the title as alt text (one copy may be aria-hidden). */
  boxart: 'img.previewModal--boxart[alt]',
  /** Legacy title-treatment logo: had the title as alt until about 2025, has none in 2026. */
  titleTreatmentLogo:
    'img.previewModal--player-titleTreatment-logo[alt], .previewModal--player-titleTreatment img[alt]',
  /** "About <strong>TITLE</strong>" at the bottom of the detail modal. */
  aboutTitle: '.about-header strong',
  playButton: 'a[data-uia="play-button"][href]',
  /** Mini modal: the whole info area links to `/title/ID?dpRightClick=1…`. */
  titleLink: 'a[href*="/title/"]',
  detailsMetadata: '[data-uia="previewModal--detailsMetadata"], .previewModal--detailsMetadata',
  videoMetadata: '[data-uia="videoMetadata--container"]',
  year: '.year',
  duration: '.duration',
  episodeSelector: '[data-uia="episode-selector"]',
} as const;

/** The logged-out `/title/ID` page. */
export const TITLE_PAGE = {
  jsonLd: 'script[type="application/ld+json"]',
  ogTitle: 'meta[property="og:title"][content]',
  /** nmtitle page (about 2019–2023). */
  nmtitleTitle: 'h1[data-uia="title-info-title"]',
  nmtitleYear: '[data-uia="item-year"]',
  nmtitleRuntime: '[data-uia="item-runtime"]',
  nmtitleHero: '[data-uia="section-hero"]',
  /** LODP page (2025–2026). */
  lodpTitle: '[data-uia="lodp"] h1',
  lodpMetadata: '[data-uia="metadata"]',
  lodpMetadataItems: '[data-uia="metadata"] li',
} as const;

/** The player, `/watch/ID` (2022–2026 markup). */
export const WATCH = {
  /** Shown only while the player controls are visible. */
  videoTitle: '[data-uia="video-title"]',
  /** Shown after the video has been paused a while. */
  evidenceOverlay: '[data-uia="evidence-overlay"]',
  evidenceEpisodeTitle: 'h3[data-uia="evidence-overlay-episode-title"]',
  panelHosts: ['[data-uia="watch-video"]', '[data-uia="player"]'],
} as const;
