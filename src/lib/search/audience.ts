/**
 * Who a place is for, and what to call it, read only from facts we hold.
 *
 * Reserved to its residents: a shelter or housing (CHRS, CHU, CADA, HUDA, ALT, LHSS, young
 * workers' hostels, social residences, "maisons relais" / "pensions de famille"). It is read
 * from the standard's typology codes, or from the name's words and its code prefix (data·inclusion
 * names them "AG_CHRS_…", "AG_ALT_…", "AG_MR_…"). Such places still help, but their residents:
 * results list them after the places open to all, and say so.
 */
import { normalize } from './normalize.ts';

/** Typology codes of the national standard (data·inclusion's list) for shelters and housing. */
export const RESIDENTIAL_TYPOLOGIES = ['CHRS', 'CHU', 'CADA', 'HUDA', 'RS_FJT', 'FJT', 'LHSS', 'PENSION', 'RESIDENCE'] as const;

const RESIDENTIAL_WORDS = [
  'chrs',
  'chu',
  'cada',
  'huda',
  'alt',
  'lhss',
  'fjt',
  'foyer de jeunes travailleurs',
  'foyer jeunes travailleurs',
  'residence sociale',
  'pension de famille',
  'maison relais',
  'centre d hebergement',
  'hebergement d urgence',
];
const RESIDENTIAL_NAME = new RegExp(`(?:^| )(?:${RESIDENTIAL_WORDS.join('|')})(?: |$)`);

export function isResidentsOnly(place: { name: string; typologie: readonly string[] }): boolean {
  if (place.typologie.some((code) => (RESIDENTIAL_TYPOLOGIES as readonly string[]).includes(code.toUpperCase()))) return true;
  if (/^AG_(?:ALT|CHRS|MR)(?:_|\b)/i.test(place.name)) return true;
  // « Alt numérique » (Saint-Hippolyte-du-Fort) helps with the digital: its « alt » is no housing.
  return RESIDENTIAL_NAME.test(normalize(place.name.replace(/_/g, ' ')).replace(/(?:^| )alt numerique(?= |$)/, ''));
}

/**
 * A name that reads as a code, not as words: underscores, pipes or brackets, or all in
 * capitals with digits ("AG_CHRS_AJHIRALP_justice HSP", "EPN | 12", "CS2 NORD").
 */
export function readsAsCode(name: string): boolean {
  if (/[_|[\]{}]/.test(name)) return true;
  const letters = name.replace(/[^A-Za-zÀ-ÿ]/g, '');
  return /\d/.test(name) && letters.length > 0 && letters === letters.toUpperCase();
}
