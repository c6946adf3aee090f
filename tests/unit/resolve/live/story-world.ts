/**
 * A small invented world in the shape of the reference case: a Netflix miniseries based on a
 * news investigation of a real massacre. QIDs in the 9000000s are invented; class and Netflix
 * QIDs are the real ones the code reads.
 */
import { MINISERIES, NETFLIX, coords, item, ref, str, time, type FakeWorld } from './fakes';

export const SHOW = 'Q9000001';
export const ARTICLE = 'Q9000010';
export const AUTHOR = 'Q9000011';
export const OUTLET = 'Q9000012';
export const MASSACRE = 'Q9000020';
export const TOWN = 'Q9000021';
export const COUNTRY = 'Q9000022';
export const STATE = 'Q9000023';

export const NETFLIX_ID = '81000001';
export const ARTICLE_URL = 'https://www.propublica.org/article/allende-zetas-cartel-massacre-and-the-us-dea';
export const REVIEW_URL = 'https://www.theguardian.com/tv-and-radio/2021/jun/30/somos-review';

export const show = item(SHOW, {
  en: 'Somos.',
  es: 'Somos.',
  description: '2021 Mexican drama miniseries',
  enwiki: 'Somos (TV series)',
  claims: {
    P31: [ref(MINISERIES)],
    P1874: [str(NETFLIX_ID)],
    P345: [str('tt0000001')],
    P8600: [str('50001')],
    P449: [ref(NETFLIX)],
    P577: [time('2021-06-30')],
    P144: [ref(ARTICLE)],
    P921: [ref(MASSACRE)],
    P1258: [str('tv/somos')],
    P444: [
      { ...str('100%'), qualifiers: { P447: [ref('Q105584')], P459: [ref('Q108403393')] } },
      { ...str('91%'), qualifiers: { P447: [ref('Q105584')], P459: [ref('Q108403393')], P585: [time('2021-07')] } },
      // No aggregator: meaningless to a reader, left out.
      str('8/10'),
    ],
  },
});

export const article = item(ARTICLE, {
  en: 'How the U.S. Triggered a Massacre in Mexico',
  enwiki: 'How the U.S. Triggered a Massacre in Mexico',
  claims: {
    P31: [ref('Q5707594')],
    P50: [ref(AUTHOR)],
    P2093: [str('Ginger Thompson'), str('A. Co-Writer')],
    P1433: [ref(OUTLET)],
    P577: [time('2017')],
    P953: [str(ARTICLE_URL)],
    P921: [ref(MASSACRE)],
  },
});

export const massacre = item(MASSACRE, {
  en: 'Allende massacre',
  enwiki: 'Allende massacre',
  claims: {
    P31: [ref('Q3199915')],
    P580: [time('2011-03-18')],
    P582: [time('2011-03-20')],
    P276: [ref(TOWN)],
    P131: [ref(STATE)],
    P17: [ref(COUNTRY)],
    P625: [coords(28.3472, -100.8542)],
  },
});

export const world: FakeWorld = {
  entities: [
    show,
    article,
    massacre,
    item(AUTHOR, { en: 'Ginger Thompson', claims: { P31: [ref('Q5')] } }),
    item(OUTLET, { en: 'ProPublica' }),
    item(TOWN, { en: 'Allende', es: 'Allende' }),
    item(STATE, { en: 'Coahuila' }),
    item(COUNTRY, { en: 'Mexico', es: 'México' }),
  ],
  extracts: {
    'How the U.S. Triggered a Massacre in Mexico':
      '<b>How the U.S. Triggered a Massacre in Mexico</b> is a 2017 investigation by Ginger Thompson. It was co-published by ProPublica &amp; National Geographic. It traces the killings to a leak. A fourth sentence. A fifth one.',
    'Allende massacre':
      'The Allende massacre was a series of killings in Allende, Coahuila, in March 2011. Gunmen of Los Zetas overran the town.',
    'Somos (TV series)': 'Somos. is a Mexican miniseries. It premiered on Netflix in 2021.',
  },
  reviews: {
    'Somos (TV series)': [
      {
        outlet: 'The Guardian',
        url: REVIEW_URL,
        critic: 'Jack Seale',
        quote: 'this is a show not only about what happened, but who it happened to',
        published: '2021-06-30',
      },
    ],
  },
};
