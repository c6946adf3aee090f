/**
 * The context's `sources`: every URL a fact cites, once, with a human name and, for Wikipedia
 * text, its licence. Facts get their URLs from here, so a URL can't be cited without being listed
 * (the invariant lib/sources/pack.ts checks for the curated pack).
 */
import { WebUrlSchema, type PartialDate, type SourceRef } from '../../model';
import type { WikidataEntity, WikipediaSummary } from '../../sources/types';
import { wikidataUrl } from './entity-values';
import { truncate } from '../../sources/parsing/clean';

/** Wikipedia text is CC BY-SA 4.0 (data-sources.md §6); showing it obliges us to say so. */
export const WIKIPEDIA_LICENSE = 'CC BY-SA 4.0';

const MAX_NAME = 120;

export class SourceList {
  private readonly byUrl = new Map<string, SourceRef>();

  constructor(private readonly retrieved: PartialDate) {}

  /**
   * Lists a URL under a name and returns it, or undefined when it is not a web link we may show
   * (only http(s) with a real host): a fact must then not cite it either.
   */
  add(url: string, name: string, options: { license?: string; fetched?: boolean } = {}): string | undefined {
    if (!WebUrlSchema.safeParse(url).success) return undefined;
    const existing = this.byUrl.get(url);
    if (existing) {
      // The same page reached twice, once only linked and once for its text: the licence must
      // still be said, and the page was fetched after all.
      if (options.license && !existing.license) existing.license = options.license;
      if (options.fetched && !existing.retrieved) existing.retrieved = this.retrieved;
      return url;
    }
    const source: SourceRef = { name: truncate(name.trim(), MAX_NAME), url };
    if (options.fetched) source.retrieved = this.retrieved;
    if (options.license) source.license = options.license;
    this.byUrl.set(url, source);
    return url;
  }

  /** A Wikidata item page; Wikidata is CC0, so no licence. */
  wikidata(qid: string, label: string): string {
    return this.add(wikidataUrl(qid), `Wikidata: ${label}`, { fetched: true })!;
  }

  /** A Wikipedia page whose text we show. */
  wikipediaText(summary: WikipediaSummary): string | undefined {
    return this.add(summary.url, wikipediaName(summary.lang, summary.title), { license: WIKIPEDIA_LICENSE, fetched: true });
  }

  /** A Wikipedia page we only link to; if its text is shown too, wikipediaText adds the licence. */
  wikipediaLink(lang: string, title: string, url: string): string | undefined {
    return this.add(url, wikipediaName(lang, title));
  }

  /**
   * An item's Wikipedia article by its sitelink (English, else Spanish), linked when we show no
   * text from it: a sitelink is Wikidata's own link, never a guessed title.
   */
  sitelinkPage(entity: WikidataEntity): string | undefined {
    const en = entity.sitelinks.enwiki;
    if (en) return this.wikipediaLink('en', en.title, en.url);
    const es = entity.sitelinks.eswiki;
    return es ? this.wikipediaLink('es', es.title, es.url) : undefined;
  }

  list(): SourceRef[] {
    return [...this.byUrl.values()];
  }
}

function wikipediaName(lang: string, title: string): string {
  return lang === 'en' ? `Wikipedia: ${title}` : lang === 'es' ? `Wikipedia (Spanish): ${title}` : `Wikipedia (${lang}): ${title}`;
}
