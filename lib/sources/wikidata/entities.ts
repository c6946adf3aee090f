/**
 * A `wbgetentities` answer → WikidataEntity objects.
 *
 * Only the envelope must be right (`{"entities": {…}}`); inside it every entity, statement,
 * label and sitelink is read on its own, and a piece that does not fit is skipped rather than
 * failing the rest. Statements are the truthy ones: preferred rank if the property has any, else
 * normal, never deprecated (Wikidata's own "truthy" definition, as in wikibase-sdk's
 * truthyPropertyClaims); the rank is chosen before values are read, so a preferred `somevalue`
 * still hides the normal-rank values.
 */
import { z } from 'zod';
import { wdk } from 'wikibase-sdk/wikidata.org';
import type { WikidataEntity, WikidataValue } from '../types';
import { MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS, plainText, webUrlOnHost } from '../parsing/clean';
import { ITEM_ID, PROPERTY_ID, qualifierValues, snakValue } from './values';

/** The label languages we ask for and keep. */
export const WIKIDATA_LANGUAGES = ['en', 'es', 'mul'] as const;
/** The Wikipedias we link to. */
export const WIKIDATA_SITES = ['enwiki', 'eswiki'] as const;
const MAX_ALIASES = 30;

export const EntitiesEnvelopeSchema = z.object({ entities: z.record(z.string(), z.unknown()) });

const EntitySchema = z.object({
  id: z.string(),
  missing: z.unknown().optional(),
  labels: z.unknown().optional(),
  descriptions: z.unknown().optional(),
  aliases: z.unknown().optional(),
  claims: z.unknown().optional(),
  sitelinks: z.unknown().optional(),
});

const TermSchema = z.object({ value: z.string() });
const StatementSchema = z.object({
  mainsnak: z.unknown(),
  rank: z.enum(['preferred', 'normal', 'deprecated']).optional(),
  qualifiers: z.unknown().optional(),
});
const SitelinkSchema = z.object({ title: z.string(), url: z.string().optional() });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function terms(raw: unknown, max: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(raw)) return out;
  for (const language of WIKIDATA_LANGUAGES) {
    const term = TermSchema.safeParse(raw[language]);
    const text = term.success ? plainText(term.data.value, max) : undefined;
    if (text) out[language] = text;
  }
  return out;
}

function aliases(raw: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(raw)) return out;
  for (const language of WIKIDATA_LANGUAGES) {
    const list = raw[language];
    if (!Array.isArray(list)) continue;
    const names = list
      .slice(0, MAX_ALIASES * 2)
      .map((entry) => {
        const term = TermSchema.safeParse(entry);
        return term.success ? plainText(term.data.value, MAX_LABEL_CHARS) : undefined;
      })
      .filter((name): name is string => name !== undefined);
    const unique = [...new Set(names)].slice(0, MAX_ALIASES);
    if (unique.length > 0) out[language] = unique;
  }
  return out;
}

/** The statements Wikidata stands by: preferred if any, else normal; never deprecated. */
function truthy(statements: z.infer<typeof StatementSchema>[]): z.infer<typeof StatementSchema>[] {
  const preferred = statements.filter((s) => s.rank === 'preferred');
  return preferred.length > 0 ? preferred : statements.filter((s) => (s.rank ?? 'normal') === 'normal');
}

function claims(raw: unknown): Record<string, WikidataValue[]> {
  const out: Record<string, WikidataValue[]> = {};
  if (!isRecord(raw)) return out;
  for (const [property, list] of Object.entries(raw)) {
    if (!PROPERTY_ID.test(property) || !Array.isArray(list)) continue;
    const statements = list.flatMap((entry) => {
      const parsed = StatementSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
    const found: WikidataValue[] = [];
    for (const statement of truthy(statements)) {
      const value = snakValue(statement.mainsnak);
      if (!value) continue;
      const qualifiers = qualifierValues(statement.qualifiers);
      found.push(qualifiers ? { ...value, qualifiers } : value);
    }
    if (found.length > 0) out[property] = found;
  }
  return out;
}

function sitelinks(raw: unknown): WikidataEntity['sitelinks'] {
  const out: WikidataEntity['sitelinks'] = {};
  if (!isRecord(raw)) return out;
  for (const site of WIKIDATA_SITES) {
    const parsed = SitelinkSchema.safeParse(raw[site]);
    if (!parsed.success) continue;
    const title = plainText(parsed.data.title, MAX_LABEL_CHARS);
    if (!title) continue;
    const lang = site.replace(/wiki$/, '');
    // The URL Wikidata gives, if it really is that Wikipedia; otherwise built from the title.
    const url = webUrlOnHost(parsed.data.url, `${lang}.wikipedia.org`) ?? webUrlOnHost(wdk.getSitelinkUrl({ site, title }), `${lang}.wikipedia.org`);
    if (url) out[site] = { title, url };
  }
  return out;
}

/** One entity object (as in `entities[id]`, or a bare entity file); undefined when missing or unreadable. */
export function parseEntity(raw: unknown): WikidataEntity | undefined {
  const parsed = EntitySchema.safeParse(raw);
  if (!parsed.success || parsed.data.missing !== undefined || !ITEM_ID.test(parsed.data.id)) return undefined;
  const entity = parsed.data;
  return {
    id: entity.id,
    labels: terms(entity.labels, MAX_LABEL_CHARS),
    descriptions: terms(entity.descriptions, MAX_DESCRIPTION_CHARS),
    aliases: aliases(entity.aliases),
    claims: claims(entity.claims),
    sitelinks: sitelinks(entity.sitelinks),
  };
}

/**
 * The entities of an envelope already checked with EntitiesEnvelopeSchema. Keyed by the entity's
 * own ID, and also by the requested key when Wikidata answered a redirect under another ID.
 */
export function entitiesOf(envelope: z.infer<typeof EntitiesEnvelopeSchema>): Map<string, WikidataEntity> {
  const out = new Map<string, WikidataEntity>();
  for (const [key, raw] of Object.entries(envelope.entities)) {
    const entity = parseEntity(raw);
    if (!entity) continue;
    out.set(entity.id, entity);
    if (key !== entity.id && ITEM_ID.test(key)) out.set(key, entity);
  }
  return out;
}
