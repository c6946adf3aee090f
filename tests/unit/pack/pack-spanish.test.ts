import { describe, expect, it } from 'vitest';
import { inLanguage } from '@/lib/i18n/localize-context';
import { ShowContextSchema } from '@/lib/model';
import { loadPack, packRuleIssues, validatePackFiles } from '@/lib/sources/pack';
import { contextFixture } from '../support/contexts';

const somos = loadPack().find((entry) => entry.key === 'pack:somos')!;

describe('Spanish in the curated pack', () => {
  it('Somos. carries Spanish for our own prose and keeps it through the schema', () => {
    expect(somos.es?.tagline).toMatch(/masacre de Allende/);
    expect(somos.basedOn[0]!.es?.summary).toMatch(/Ginger Thompson/);
    expect(somos.events[0]!.es?.name).toBe('La masacre de Allende');
    expect(somos.events[0]!.figures![0]!.claims.every((claim) => claim.es?.who)).toBe(true);
    expect(ShowContextSchema.parse(somos)).toEqual(somos);
  });

  it('in Spanish, swaps in our Spanish prose and changes no fact: dates, links, numbers, quotes, titles', () => {
    const spanish = inLanguage(somos, 'es');
    expect(spanish.tagline).toBe(somos.es!.tagline);
    expect(spanish.events[0]!.summary).toBe(somos.events[0]!.es!.summary);
    expect(spanish.events[0]!.place!.country).toBe('México');
    expect(spanish.events[0]!.place!.name).toBe('Allende');
    expect(spanish.sources.map((source) => source.name)).toContain('Wikipedia (en español): Masacre de Allende');
    expect(spanish.sources.map((source) => source.name)).toContain('ProPublica: How the U.S. Triggered a Massacre in Mexico');
    const strip = (context: typeof somos) => ({
      dates: context.events.map((event) => [event.start, event.end]),
      urls: JSON.stringify(context).match(/https?:\/\/[^"]+/g),
      ranges: context.events.flatMap((event) => event.figures!.map((figure) => [figure.low, figure.high, figure.claims.map((claim) => [claim.low, claim.high, claim.url])])),
      quotes: context.reviews.map((review) => review.quote),
      titles: context.basedOn.map((work) => [work.title, work.authors, work.outlet, work.published]),
    });
    expect(strip(spanish)).toEqual(strip(somos));
    expect(inLanguage(somos, 'en')).toBe(somos);
  });

  it('falls back to English where a text has no Spanish (live stories have none)', () => {
    const live = contextFixture({ tagline: 'Only in English.' });
    expect(inLanguage(live, 'es').tagline).toBe('Only in English.');
    expect(inLanguage(live, 'es').basedOn[0]!.summary).toBe(live.basedOn[0]!.summary);
  });

  it('refuses Spanish without the English it translates, and a Spanish basis summary outside 2–4 sentences', () => {
    const entry = contextFixture({ es: { tagline: 'Sin original.' } });
    entry.basedOn[0]!.es = { summary: 'Una sola frase.' };
    const issues = packRuleIssues(entry).map(({ path, message }) => `${path.join('.')}: ${message}`);
    expect(issues).toContain('es.tagline: a Spanish text needs the English text it translates');
    expect(issues.some((issue) => issue.startsWith('basedOn.0.es.summary: Spanish summary of "An Invented Book" has 1 sentence(s)'))).toBe(true);
  });

  it('holds a Spanish source name to the same rule as the English: a name, not an address', () => {
    const entry = contextFixture({ sources: [{ name: 'Example', url: 'https://example.org/book', es: { name: 'www.example.org' } }] });
    expect(packRuleIssues(entry).map(({ path }) => path.join('.'))).toEqual(['sources.0.es.name']);
  });

  it('validates Spanish texts with the same limits as the English (a file with an empty or huge Spanish text fails)', () => {
    const { problems } = validatePackFiles({
      'assets/pack/lantern-test.json': { ...contextFixture(), tagline: 'A tagline.', es: { tagline: '   ' } },
      'assets/pack/other-test.json': { ...contextFixture({ key: 'pack:other-test' }), tagline: 'A tagline.', es: { tagline: 'x'.repeat(201) } },
    });
    expect(problems.map((problem) => problem.issues.some((issue) => issue.startsWith('es.tagline')))).toEqual([true, true]);
  });
});
