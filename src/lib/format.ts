// Figures and dates as a reader reads them (British English, as the story pages are).
const number = new Intl.NumberFormat('en-GB');

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatArea(km2: number): string {
  return `${number.format(Math.round(km2 / 100) * 100)} km²`;
}

export function formatMetres(m: number): string {
  return m >= 1000 ? `${number.format(Math.round(m / 1000))} km` : `${number.format(m)} m`;
}

/** A distance between far places: to the nearest 100 km, "3,400 km". */
export function formatFarKm(km: number): string {
  return `${number.format(Math.round(km / 100) * 100)} km`;
}

/** A length along a line: "2,850 km", "4.2 km". */
export function formatLengthKm(km: number): string {
  if (km < 10)
    return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(km)} km`;
  return `${number.format(Math.round(km))} km`;
}
