// Figures and dates as a reader reads them (British English, as the story pages are). Written
// without Intl: a page's first Intl formatter loads ICU data, 70–250 ms of a phone's main thread
// at start-up (measured at 4× CPU), for formats this small. tests/unit/lib/format.test.ts holds
// them to Intl's output.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "14 March 2023" (the date's UTC day, as the story's ISO dates are days). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A figure with thousands separators and at most `decimals` decimals: "27,000", "4.2". */
export function formatNumber(value: number, decimals = 0): string {
  const [whole = '', fraction] = String(Number(value.toFixed(decimals))).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

export function formatArea(km2: number): string {
  return `${formatNumber(Math.round(km2 / 100) * 100)} km²`;
}

export function formatMetres(m: number): string {
  return m >= 1000 ? `${formatNumber(Math.round(m / 1000))} km` : `${formatNumber(m, 3)} m`;
}

/** A distance between far places: to the nearest 100 km, "3,400 km". */
export function formatFarKm(km: number): string {
  return `${formatNumber(Math.round(km / 100) * 100)} km`;
}

/** A length along a line: "2,850 km", "4.2 km". */
export function formatLengthKm(km: number): string {
  return km < 10 ? `${formatNumber(km, 1)} km` : `${formatNumber(Math.round(km))} km`;
}
