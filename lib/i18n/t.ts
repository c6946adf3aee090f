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

/**
 * The language Backstory speaks here: the one its texts actually come from ('ui_language' in each
 * locale), so `<html lang>` and number formats agree with the words. The browser's UI language
 * can differ from the locale the texts are served in (Chromium started with --lang=es serves
 * Spanish messages while getUILanguage() says en-US), so it is only the fallback.
 */
export function uiLanguage(): 'en' | 'es' {
  const spoken = getMessage('ui_language', []).trim() || browser.i18n.getUILanguage();
  return spoken.toLowerCase().startsWith('es') ? 'es' : 'en';
}
