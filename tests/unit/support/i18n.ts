import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Locale } from '@/lib/i18n/locale-files';
import { readLocales } from '@/lib/i18n/read-locales';

const { texts } = readLocales();

/** The browser's i18n as a user in `locale` would have it, from the same files the build ships. */
export function useLocale(locale: Locale): void {
  fakeBrowser.i18n.getMessage = ((key: string, values?: string | string[]) => {
    const text = texts[locale][key];
    if (text === undefined) return '';
    const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
    return text.replace(/\$([1-9])/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => (locale === 'es' ? 'es-ES' : 'en-US');
}
