import { browser } from 'wxt/browser';

/**
 * A badge text in the browser's language, straight from browser.i18n: the always-on script has no
 * bytes to spare for lib/i18n/t.ts (issue #4's 30 KB budget). Values fill $1 … $9.
 */
export const getMessage = (key: string, ...values: string[]): string => (browser.i18n.getMessage as (key: string, values: string[]) => string)(key, values);
