import { uiLanguage } from '@/lib/i18n/t';

/** A count as the viewer's language writes it ("12,345" or "12.345"). */
export function formatCount(count: number): string {
  return count.toLocaleString(uiLanguage());
}

/** "1.2 MB", "340 kB", "0 bytes": sizes the way people read them, in the viewer's language. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
