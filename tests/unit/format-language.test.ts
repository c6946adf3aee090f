import { describe, expect, it } from 'vitest';
import { formatCoordinates, formatDateRange, formatNames, formatPartialDate, formatRange } from '@/lib/format';

describe('dates, names and numbers in the reader\'s language', () => {
  it('English keeps the panel\'s day-month-year', () => {
    expect(formatPartialDate('2011-03-18')).toBe('18 March 2011');
    expect(formatPartialDate('2017-06')).toBe('June 2017');
    expect(formatPartialDate('2018')).toBe('2018');
    expect(formatDateRange('2011-03-18', '2011-03-20')).toBe('18–20 March 2011');
    expect(formatDateRange('2011-03', '2011-04')).toBe('March–April 2011');
    expect(formatDateRange('2011', '2012')).toBe('2011 – 2012');
    expect(formatNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatRange(26, 1300)).toBe('26–1,300');
  });

  it('Spanish writes them the Spanish way', () => {
    expect(formatPartialDate('2011-03-18', 'es')).toBe('18 de marzo de 2011');
    expect(formatPartialDate('2017-06', 'es')).toBe('junio de 2017');
    expect(formatDateRange('2011-03-18', '2011-03-20', 'es')).toBe('18–20 de marzo de 2011');
    expect(formatDateRange('2011-03', '2011-04', 'es')).toBe('marzo–abril de 2011');
    expect(formatDateRange('2011-03-18', '2012-01-01', 'es')).toBe('18 de marzo de 2011 – 1 de enero de 2012');
    expect(formatNames(['A', 'B', 'C'], 'es')).toBe('A, B y C');
  });

  it('never slips a day in a time zone west of Greenwich', () => {
    expect(formatPartialDate('2011-01-01')).toBe('1 January 2011');
  });

  it('writes coordinates with the language\'s decimal sign and compass letters', () => {
    expect(formatCoordinates(28.35, -100.85)).toBe('28.35° N, 100.85° W');
    expect(formatCoordinates(28.35, -100.85, 'es')).toBe('28,35° N; 100,85° O');
    expect(formatCoordinates(-33.4567, 151.2, 'es')).toBe('33,46° S; 151,20° E');
    expect(formatCoordinates(0, 0)).toBe('0.00° N, 0.00° E');
  });
});
