/** French wording shared by pages. */

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "22 juin 2023" from "2023-06-22". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ');
}

/** "1 lieu", "3 lieux", "aucun lieu". */
export function countPlaces(count: number): string {
  if (count === 0) return 'aucun lieu';
  return count === 1 ? '1 lieu' : `${count.toLocaleString('fr-FR')} lieux`;
}

/** "3,2 km", "800 m". */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(100, Math.round(km * 10) * 100)} m`;
  return `${(km < 10 ? Math.round(km * 10) / 10 : Math.round(km)).toLocaleString('fr-FR')} km`;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
