import { browser } from 'wxt/browser';

/**
 * Texts already asked for: Chromium's getMessage costs tens of µs a call, and badges repeat theirs
 * (the browser's language does not change under a page). The key starts every entry, so no title
 * can name an object property of its own.
 */
let asked: Record<string, string> = {};

/**
 * A badge text in the browser's language, straight from browser.i18n: the always-on script has no
 * bytes to spare for lib/i18n/t.ts (issue #4's 30 KB budget). Values fill $1 … $9.
 */
export const getMessage = (key: string, ...values: string[]): string =>
  (asked[key + values] ??= (browser.i18n.getMessage as (key: string, values: string[]) => string)(key, values));

/** For tests that switch the language between cases. */
export function forgetAskedTexts(): void {
  asked = {};
}
