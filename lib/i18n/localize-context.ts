import type { ShowContext } from '../model';

/**
 * The story as a reader of `language` should see it: our own prose in their language where the
 * curated pack has it, the English otherwise. Quotes, titles, names, dates and links are never
 * touched (the schema gives them no translation), so no fact can change with the language.
 */
export function inLanguage(context: ShowContext, language: 'en' | 'es'): ShowContext {
  if (language !== 'es') return context;
  return {
    ...context,
    tagline: context.es?.tagline ?? context.tagline,
    sources: context.sources.map((source) => ({ ...source, name: source.es?.name ?? source.name })),
    basedOn: context.basedOn.map((work) => ({ ...work, summary: work.es?.summary ?? work.summary })),
    events: context.events.map((event) => ({
      ...event,
      name: event.es?.name ?? event.name,
      summary: event.es?.summary ?? event.summary,
      place: event.place && {
        ...event.place,
        name: event.place.es?.name ?? event.place.name,
        region: event.place.es?.region ?? event.place.region,
        country: event.place.es?.country ?? event.place.country,
      },
      figures: event.figures?.map((figure) => ({
        ...figure,
        label: figure.es?.label ?? figure.label,
        summary: figure.es?.summary ?? figure.summary,
        claims: figure.claims.map((claim) => ({
          ...claim,
          figure: claim.es?.figure ?? claim.figure,
          who: claim.es?.who ?? claim.who,
          when: claim.es?.when ?? claim.when,
        })),
      })),
    })),
  };
}
