/**
 * The Wikidata property and item IDs the live lookup reads, in one place, each with what it means.
 *
 * None of these was checked against the live Wikidata here (the work runs offline). "given" means
 * data-sources.md §1 lists it (itself marked "verify" there); "seen" means several public projects
 * that query Wikidata use the ID with the same meaning. IDs for which public code disagreed were
 * left out. Confirm on https://www.wikidata.org/wiki/<ID> when in doubt. A wrong class ID here can only make us
 * show less (an item is not recognised), never attach a story to the wrong show: matching is
 * decided by IDs, titles and years; a kind only breaks a tie or rules an item out.
 */

export const P = {
  instanceOf: 'P31',
  basedOn: 'P144',
  mainSubject: 'P921',
  inspiredBy: 'P941',
  title: 'P1476',
  netflixId: 'P1874',
  imdbId: 'P345',
  tvmazeId: 'P8600',
  originalBroadcaster: 'P449',
  distributedBy: 'P750',
  startTime: 'P580',
  endTime: 'P582',
  pointInTime: 'P585',
  publicationDate: 'P577',
  author: 'P50',
  director: 'P57',
  castMember: 'P161',
  creator: 'P170',
  genre: 'P136',
  languageOfWork: 'P407',
  countryOfOrigin: 'P495',
  authorNameString: 'P2093',
  publishedIn: 'P1433',
  publisher: 'P123',
  fullWorkUrl: 'P953',
  location: 'P276',
  locatedInAdminEntity: 'P131',
  country: 'P17',
  coordinates: 'P625',
  reviewScore: 'P444',
  reviewScoreBy: 'P447',
  determinationMethod: 'P459',
  rottenTomatoesId: 'P1258',
  metacriticId: 'P1712',
} as const;

/** Netflix as a broadcaster or distributor (given). */
export const NETFLIX = 'Q907311';

/** Review aggregators as qualifiers (P447) of a review score (given). */
export const ROTTEN_TOMATOES = 'Q105584';
export const METACRITIC = 'Q150248';
/** P459 methods on Rotten Tomatoes scores (given): the Tomatometer and the average rating. */
export const TOMATOMETER = 'Q108403393';
export const RT_AVERAGE = 'Q108403540';

/** What a show item is, by P31. A class missing here leaves the kind unknown, never guessed. */
export const SHOW_KIND_BY_CLASS: Readonly<Record<string, 'film' | 'series' | 'miniseries'>> = {
  Q11424: 'film', // film (given)
  Q24869: 'film', // feature film (seen)
  Q93204: 'film', // documentary film (seen)
  Q506240: 'film', // television film (seen)
  Q202866: 'film', // animated film (seen)
  Q5398426: 'series', // television series (given)
  // Given as "streaming television series"; some public code calls it "animated television
  // series". A series either way, which is all we take from it.
  Q117467246: 'series',
  Q581714: 'series', // animated series (seen)
  Q63952888: 'series', // anime television series (seen)
  Q1259759: 'miniseries', // miniseries (given)
};

/** A person (seen). */
export const HUMAN = 'Q5';

/**
 * Items that are never the show a page shows: a disambiguation page, a season or an episode of a
 * series, a person. Search finds them by name; they are dropped before scoring, so they can be
 * neither the winner nor the runner-up that makes a real match look ambiguous.
 */
export const NEVER_A_SHOW = new Set([
  'Q4167410', // Wikimedia disambiguation page (seen)
  'Q22808320', // Wikimedia human name disambiguation page (seen)
  'Q3464665', // television series season (seen)
  'Q21191270', // television series episode (seen)
  HUMAN,
]);

/** The kind of a based-on work by P31, most specific first. Anything else is 'other'. */
export const WORK_KIND_BY_CLASS: readonly (readonly [string, 'article' | 'book' | 'podcast' | 'documentary'])[] = [
  ['Q191067', 'article'], // article (seen)
  ['Q5707594', 'article'], // news article (seen)
  ['Q13442814', 'article'], // scholarly article (given in data-sources.md §2)
  ['Q30070590', 'article'], // magazine article (seen)
  ['Q24634210', 'podcast'], // podcast show (seen)
  ['Q93204', 'documentary'], // documentary film (seen)
  ['Q571', 'book'], // book (seen)
  ['Q8261', 'book'], // novel (seen)
  ['Q7725634', 'book'], // literary work (seen)
  ['Q47461344', 'book'], // written work (seen)
];

/**
 * Properties that only a creative work has (standard bibliographic and film properties): who made
 * it, who is in it, when and where it was published, its genre, language or country of origin.
 * An item with any of them is a work, whatever its class: a manga series, a comic, a book series.
 * It is never an event, and it may be what a show is based on.
 */
export const CREATIVE_WORK_SIGNALS: readonly string[] = [
  P.author,
  P.director,
  P.castMember,
  P.creator,
  P.publicationDate,
  P.publisher,
  P.publishedIn,
  P.genre,
  P.languageOfWork,
  P.countryOfOrigin,
  P.authorNameString,
  P.fullWorkUrl,
];

/**
 * Where something happened, precisely enough to tell an event from a period: a location (P276),
 * an administrative area (P131) or coordinates (P625). A country (P17) alone is not enough: the
 * "Victorian era" has one.
 */
export const SPECIFIC_PLACE: readonly string[] = [P.location, P.locatedInAdminEntity, P.coordinates];

/**
 * Classes whose instances are events, dated or not. An item of another class counts as an event
 * only with a date (P585, P580 or P582), a specific place and nothing that makes it a work.
 */
export const EVENT_CLASSES = new Set([
  'Q1190554', // occurrence (seen)
  'Q1656682', // event (seen)
  'Q13418847', // historical event (seen)
  'Q3199915', // massacre (seen)
  'Q750215', // mass murder (seen)
  'Q132821', // murder (seen)
  'Q2223653', // terrorist attack (seen)
  'Q3882219', // assassination (seen)
  'Q21480300', // mass shooting (seen)
  'Q3839081', // disaster (seen)
  'Q8065', // natural disaster (seen)
  'Q178561', // battle (seen)
  'Q198', // war (seen)
  'Q350604', // armed conflict (seen)
  'Q45382', // coup d'état (seen)
  'Q2334719', // legal case (seen)
]);
