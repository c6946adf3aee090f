import { browser } from 'wxt/browser';

/**
 * A text in the browser's language (assets/locales; English where the browser's language is
 * not one of ours). Values fill $1 … $9 in order. A missing key shows the key itself, so a gap
 * is visible rather than a blank.
 */
export function t(key: string, ...values: Array<string | number>): string {
  return getMessage(key, values.map(String)) || key;
}

// WXT types getMessage with the keys of a public/_locales file; ours are generated at build time
// from assets/locales, and the unit tests check every key asked for exists.
const getMessage = (key: string, values: string[]): string => (browser.i18n.getMessage as (key: string, values: string[]) => string)(key, values);

/** The language Backstory speaks here: Spanish for any Spanish locale, else English. */
export function uiLanguage(): 'en' | 'es' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
}
