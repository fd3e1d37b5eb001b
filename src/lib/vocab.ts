/**
 * Controlled vocabularies, defined once: each feeds the schema's enum, the label a user
 * reads, and the value of the national standard of "lieux de médiation numérique" (v1.0.2)
 * where one exists (`standard: null` where the standard has no equivalent).
 */

export interface Term {
  /** What a person reads. */
  label: string;
  /** Value in the national standard v1.0.2, or null when it has none. */
  standard: string | null;
}

function ids<T extends Record<string, Term>>(vocabulary: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(vocabulary) as [keyof T & string, ...(keyof T & string)[]];
}

export const KINDS = {
  'solidarity-space': { label: 'Espace de solidarité numérique Emmaüs Connect', standard: null },
  relay: { label: 'Relais numérique formé par Emmaüs Connect', standard: null },
  other: { label: 'Lieu d’aide au numérique', standard: null },
} as const satisfies Record<string, Term>;
export type Kind = keyof typeof KINDS;
export const KIND_IDS = ids(KINDS);

/** National programmes (`dispositif_programmes_nationaux`). */
export const PROGRAMMES = {
  'aidants-connect': { label: 'Aidants Connect', standard: 'Aidants Connect' },
  'bibliotheques-numerique-reference': {
    label: 'Bibliothèque numérique de référence',
    standard: 'Bibliothèques numérique de référence',
  },
  'certification-pix': { label: 'Certification PIX', standard: 'Certification PIX' },
  'conseillers-numeriques': { label: 'Conseiller numérique', standard: 'Conseillers numériques' },
  'emmaus-connect': { label: 'Emmaüs Connect', standard: 'Emmaüs Connect' },
  'france-services': { label: 'France Services', standard: 'France Services' },
  'grande-ecole-numerique': { label: 'Grande école du numérique', standard: 'Grande école du numérique' },
  'croix-rouge': { label: 'La Croix-Rouge', standard: 'La Croix Rouge' },
  'point-numerique-caf': { label: "Point d'accès numérique CAF", standard: "Point d'accès numérique CAF" },
  'promeneurs-du-net': { label: 'Promeneurs du net', standard: 'Promeneurs du net' },
  'relais-emmaus-connect': {
    label: 'Relais numérique Emmaüs Connect',
    standard: 'Relais numérique (Emmaüs Connect)',
  },
} as const satisfies Record<string, Term>;
export const PROGRAMME_IDS = ids(PROGRAMMES);

/** Publics a place welcomes specially (`publics_specifiquement_adresses`, plus a few of the network's). */
export const PUBLICS = {
  jeunes: { label: 'Jeunes', standard: 'Jeunes' },
  etudiants: { label: 'Étudiants', standard: 'Étudiants' },
  familles: { label: 'Familles et enfants', standard: 'Familles et/ou enfants' },
  seniors: { label: 'Personnes âgées', standard: 'Seniors' },
  femmes: { label: 'Femmes', standard: 'Femmes' },
  'demandeurs-emploi': { label: "Personnes qui cherchent un emploi", standard: null },
  'personnes-precaires': { label: 'Personnes en difficulté sociale', standard: null },
} as const satisfies Record<string, Term>;
export const PUBLIC_IDS = ids(PUBLICS);

/** Specific support (`prise_en_charge_specifique`). */
export const SUPPORTS = {
  surdite: { label: 'Personnes sourdes ou malentendantes', standard: 'Surdité' },
  'handicaps-moteurs': { label: 'Handicap moteur', standard: 'Handicaps moteurs' },
  'handicaps-mentaux': { label: 'Handicap mental', standard: 'Handicaps mentaux' },
  illettrisme: { label: 'Personnes qui ont du mal à lire ou écrire', standard: 'Illettrisme' },
  'deficience-visuelle': { label: 'Personnes aveugles ou malvoyantes', standard: 'Déficience visuelle' },
  'langue-anglaise': { label: 'Aide possible en anglais', standard: 'Langues étrangères (anglais)' },
  'autres-langues': { label: 'Aide possible dans d’autres langues', standard: 'Langues étrangères (autres)' },
} as const satisfies Record<string, Term>;
export const SUPPORT_IDS = ids(SUPPORTS);

/** Costs (`frais_a_charge`; a solidarity price is "Payant" in the standard). */
export const FEES = {
  free: { label: 'Gratuit', standard: 'Gratuit' },
  'free-with-conditions': { label: 'Gratuit sous conditions', standard: 'Gratuit sous condition' },
  'solidarity-price': { label: 'Prix solidaire (petit prix)', standard: 'Payant' },
  paid: { label: 'Payant', standard: 'Payant' },
} as const satisfies Record<string, Term>;
export const FEE_IDS = ids(FEES);

export const REFERRAL = {
  required: { label: 'Il faut être orienté par un travailleur social', standard: null },
  'not-required': { label: "Pas besoin d'être orienté : vous pouvez venir de vous-même", standard: null },
} as const satisfies Record<string, Term>;
export const REFERRAL_IDS = ids(REFERRAL);

export const APPOINTMENT = {
  required: { label: 'Sur rendez-vous', standard: null },
  'walk-in': { label: 'Sans rendez-vous', standard: null },
  both: { label: 'Avec ou sans rendez-vous', standard: null },
} as const satisfies Record<string, Term>;
export const APPOINTMENT_IDS = ids(APPOINTMENT);

export const WHEELCHAIR = {
  yes: { label: 'Accessible en fauteuil roulant', standard: null },
  partial: { label: 'Accessible en partie en fauteuil roulant', standard: null },
  no: { label: "Pas accessible en fauteuil roulant", standard: null },
} as const satisfies Record<string, Term>;
export const WHEELCHAIR_IDS = ids(WHEELCHAIR);

/** Languages spoken, ISO 639-1. English and "other" map to the standard's two language values. */
export const LANGUAGES = {
  fr: { label: 'Français', standard: null },
  en: { label: 'Anglais', standard: 'Langues étrangères (anglais)' },
  ar: { label: 'Arabe', standard: 'Langues étrangères (autres)' },
  es: { label: 'Espagnol', standard: 'Langues étrangères (autres)' },
  pt: { label: 'Portugais', standard: 'Langues étrangères (autres)' },
  ro: { label: 'Roumain', standard: 'Langues étrangères (autres)' },
  ru: { label: 'Russe', standard: 'Langues étrangères (autres)' },
  uk: { label: 'Ukrainien', standard: 'Langues étrangères (autres)' },
  tr: { label: 'Turc', standard: 'Langues étrangères (autres)' },
  fa: { label: 'Persan (dari, farsi)', standard: 'Langues étrangères (autres)' },
  ps: { label: 'Pachto', standard: 'Langues étrangères (autres)' },
  ta: { label: 'Tamoul', standard: 'Langues étrangères (autres)' },
  zh: { label: 'Chinois', standard: 'Langues étrangères (autres)' },
  wo: { label: 'Wolof', standard: 'Langues étrangères (autres)' },
  de: { label: 'Allemand', standard: 'Langues étrangères (autres)' },
  it: { label: 'Italien', standard: 'Langues étrangères (autres)' },
  lsf: { label: 'Langue des signes française', standard: 'Surdité' },
} as const satisfies Record<string, Term>;
export const LANGUAGE_IDS = ids(LANGUAGES);

/** Status of a charter commitment in a commune. */
export const COMMITMENT_STATUS = {
  planned: { label: 'Prévu', standard: null },
  'in-progress': { label: 'En cours', standard: null },
  done: { label: 'Fait', standard: null },
} as const satisfies Record<string, Term>;
export const COMMITMENT_STATUS_IDS = ids(COMMITMENT_STATUS);

/** Parts of a place record that a source can vouch for. */
export const FACT_GROUPS = {
  name: { label: 'nom', standard: null },
  address: { label: 'adresse', standard: null },
  location: { label: 'position sur la carte', standard: null },
  contacts: { label: 'contacts', standard: null },
  hours: { label: 'horaires', standard: null },
  services: { label: 'services', standard: null },
  access: { label: "conditions d'accès", standard: null },
  publics: { label: 'publics', standard: null },
  accessibility: { label: 'accessibilité', standard: null },
  languages: { label: 'langues', standard: null },
  programmes: { label: 'réseaux et labels', standard: null },
} as const satisfies Record<string, Term>;
export const FACT_GROUP_IDS = ids(FACT_GROUPS);

export function labelOf<T extends Record<string, Term>>(vocabulary: T, id: keyof T): string {
  return vocabulary[id]!.label;
}

/** The nine values of `services` in the national standard v1.0.2. */
export const STANDARD_SERVICES = [
  'Aide aux démarches administratives',
  'Maîtrise des outils numériques du quotidien',
  'Insertion professionnelle via le numérique',
  'Utilisation sécurisée du numérique',
  'Parentalité et éducation avec le numérique',
  'Loisirs et créations numériques',
  'Compréhension du monde numérique',
  'Accès internet et matériel informatique',
  'Acquisition de matériel informatique à prix solidaire',
] as const;

/** `modalites_acces` of the national standard: how to get in touch. */
export const STANDARD_ACCESS_MODES = [
  'Se présenter',
  'Téléphoner',
  'Contacter par mail',
  'Prendre un RDV en ligne',
  "Ce lieu n'accueille pas de public",
  'Envoyer un mail avec une fiche de prescription',
] as const;

/** `modalites_accompagnement` of the national standard. */
export const STANDARD_SUPPORT_MODES = ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'] as const;

/** `formations_labels` of the national standard. */
export const STANDARD_TRAINING_LABELS = [
  'Formé à « Mon Espace Santé »',
  'Formé à « DUPLEX » (illettrisme)',
  'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  'Collectif ressources et acteurs réemploi (Normandie)',
  'Étapes numériques (La Poste)',
  'Fabriques de Territoire',
  'Les Éclaireurs du numérique (Drôme)',
  'Mes Papiers (Métropole de Lyon)',
  'ORDI 3.0',
  'SUD LABS (PACA)',
] as const;

/** `itinerance` of the national standard. */
export const STANDARD_MOBILITY = ['Itinérant', 'Fixe'] as const;
