/**
 * The municipal arrondissements of Paris, Lyon and Marseille, from the official reference
 * `@etalab/decoupage-administratif` (INSEE's code officiel géographique): their names and
 * postcodes. The reference of communes (data/reference/) counts each city once. Build time
 * only: the package's file (8 MB) is read from disk when first needed, never bundled.
 */
import { officialCommunes } from './territory/official.ts';

export interface Arrondissement {
  /** INSEE code of the arrondissement (75119). */
  code: string;
  /** Official name: "Paris 19e Arrondissement". */
  name: string;
  /** INSEE code of the city (75056). */
  city: string;
  postcodes: string[];
}

let arrondissements: Arrondissement[] | undefined;

export function allArrondissements(): Arrondissement[] {
  arrondissements ??= officialCommunes()
    .filter((entry) => entry.type === 'arrondissement-municipal')
    .map((entry) => ({ code: entry.code, name: entry.nom, city: entry.commune!, postcodes: entry.codesPostaux ?? [] }));
  return arrondissements;
}

/** The arrondissement of a postcode of Paris, Lyon or Marseille. */
export function arrondissementOfPostcode(postcode: string): Arrondissement | undefined {
  return allArrondissements().find((arrondissement) => arrondissement.postcodes.includes(postcode));
}
