// The page formats figures and dates without Intl (its first use is slow on a phone); Node's Intl
// is the reference they must match.
import { describe, expect, it } from 'vitest';
import {
  formatArea,
  formatDate,
  formatFarKm,
  formatLengthKm,
  formatMetres,
  formatNumber,
} from '../../../src/lib/format.ts';

const intl = (value: number, decimals = 0) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: decimals }).format(value);

describe('figures', () => {
  it('group thousands and round as Intl does for en-GB', () => {
    const values = [0, 7, 42, 999, 1000, 1234, 27_000, 99_999, 100_000, 603_500, 1_234_567, 17e6];
    // A fixed pseudo-random spread of magnitudes, so a failure reproduces.
    for (let i = 0, x = 1; i < 500; i++, x = (x * 48_271) % 2_147_483_647)
      values.push(Math.round((x / 2_147_483_647) * 10 ** (i % 10)));
    for (const v of values) expect(formatNumber(v), String(v)).toBe(intl(v));
    for (const v of [0.04, 1.25, 4.2, 4.96, 9.99, 3, 12.5, 1234.56])
      expect(formatNumber(v, 1), String(v)).toBe(intl(v, 1));
    expect(formatNumber(-1234)).toBe('-1,234');
  });

  it('name their unit', () => {
    expect(formatArea(27_041)).toBe('27,000 km²');
    expect(formatMetres(500)).toBe('500 m');
    expect(formatMetres(25_400)).toBe('25 km');
    expect(formatFarKm(3_449)).toBe('3,400 km');
    expect(formatLengthKm(4.24)).toBe('4.2 km');
    expect(formatLengthKm(2_850.4)).toBe('2,850 km');
  });
});

describe('dates', () => {
  it('read "14 March 2023", the UTC day, as Intl writes it', () => {
    expect(formatDate('2023-03-14')).toBe('14 March 2023');
    const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
    for (let day = 0; day < 800; day += 7) {
      const iso = new Date(Date.UTC(2022, 0, 1 + day)).toISOString().slice(0, 10);
      expect(formatDate(iso), iso).toBe(new Date(iso).toLocaleDateString('en-GB', options));
    }
  });
});
