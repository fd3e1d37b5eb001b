/**
 * Controlled vocabularies, defined once: each list feeds the schema's enum; the words a
 * person reads are in the dictionary (src/i18n/fr.ts, under the vocabulary's name:
 * `kind.relay`, `fee.free`…); the values of the national standard are in
 * interop/standard.ts.
 */

export const KIND_IDS = ['solidarity-space', 'relay', 'other'] as const;
export type Kind = (typeof KIND_IDS)[number];

/** National programmes (`dispositif_programmes_nationaux`). */
export const PROGRAMME_IDS = [
  'aidants-connect',
  'bibliotheques-numerique-reference',
  'certification-pix',
  'conseillers-numeriques',
  'emmaus-connect',
  'france-services',
  'grande-ecole-numerique',
  'croix-rouge',
  'point-numerique-caf',
  'promeneurs-du-net',
  'relais-emmaus-connect',
] as const;
export type Programme = (typeof PROGRAMME_IDS)[number];

/** Publics a place welcomes specially (`publics_specifiquement_adresses`, plus a few of the network's). */
export const PUBLIC_IDS = ['jeunes', 'etudiants', 'familles', 'seniors', 'femmes', 'demandeurs-emploi', 'personnes-precaires'] as const;

/** Specific support (`prise_en_charge_specifique`). */
export const SUPPORT_IDS = ['surdite', 'handicaps-moteurs', 'handicaps-mentaux', 'illettrisme', 'deficience-visuelle', 'langue-anglaise', 'autres-langues'] as const;

export const FEE_IDS = ['free', 'free-with-conditions', 'solidarity-price', 'paid'] as const;
export const REFERRAL_IDS = ['required', 'not-required'] as const;
export const APPOINTMENT_IDS = ['required', 'walk-in', 'both'] as const;
export const WHEELCHAIR_IDS = ['yes', 'partial', 'no'] as const;

/** Languages spoken, ISO 639-1 (and `lsf`, French sign language). */
export const LANGUAGE_IDS = ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'ru', 'uk', 'tr', 'fa', 'ps', 'ta', 'zh', 'wo', 'de', 'it', 'lsf'] as const;
export type Language = (typeof LANGUAGE_IDS)[number];

/** Status of a charter commitment in a commune. */
export const COMMITMENT_STATUS_IDS = ['planned', 'in-progress', 'done'] as const;

/** Parts of a place record that a source can vouch for. */
export const FACT_GROUP_IDS = ['name', 'address', 'location', 'contacts', 'hours', 'services', 'access', 'publics', 'accessibility', 'languages', 'programmes'] as const;
