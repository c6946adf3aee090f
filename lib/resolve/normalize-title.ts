/**
 * Title normalisation for comparison only; the UI always shows the title as the page gave it.
 *
 * "Somos." and "Somos" must compare equal (the full stop is part of the show's name but pages
 * drop it), as must curly and straight quotes, accented and plain letters, and a trailing
 * "(TV series)"-style qualifier. Words are kept: "Somos" and "Somos nosotros" stay different.
 */
const QUALIFIER = /\s*\((?:tv\s+)?(?:mini-?\s?series|series|film|movie|documentary|\d{4}(?:\s+(?:tv\s+)?(?:series|film))?)\)\s*$/i;
// Latin-script accents only: stripping every mark would also strip, say, Japanese voicing marks.
const LATIN_ACCENTS = /[\u0300-\u036f]+/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeTitle(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(QUALIFIER, '')
    .normalize('NFKD')
    .replace(LATIN_ACCENTS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(NON_WORD, ' ')
    .trim();
}
