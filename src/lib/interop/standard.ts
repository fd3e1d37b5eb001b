/**
 * The national standard of "lieux de médiation numérique", schema v1.0.2, read from its own
 * file (data/standard/schema-v1.0.2.json): the columns, their order, which hold several
 * values, and the values each enumerated column allows. Nothing here repeats the schema.
 * Below, how this directory's vocabularies map to those values (the standard is French data).
 */
import schema from '../../../data/standard/schema-v1.0.2.json' with { type: 'json' };
import type { Language, Programme } from '../vocab.ts';

interface SchemaField {
  name: string;
  type: string;
  example?: string;
  constraints?: { required?: boolean; pattern?: string; maxLength?: number; enum?: string[] };
}
export const SCHEMA_FIELDS = schema.fields as SchemaField[];

export type Column = (typeof schema.fields)[number]['name'];
export const STANDARD_COLUMNS = SCHEMA_FIELDS.map<Column>((field) => field.name);

/** `(?:(?:^|\|)(A|B|C))+$`: the values an enumerated multi-valued column allows. */
function enumerated(field: SchemaField): string[] | null {
  const match = /^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(field.constraints?.pattern ?? '');
  return match ? match[1]!.split('|').map((value) => value.replace(/\\(.)/g, '$1')) : null;
}

/**
 * Columns holding several values separated by `|`: an enumerated pattern or an example says
 * so; `autres_formations_labels` is the free-text twin of `formations_labels`.
 */
export const MULTI_VALUED = new Set<Column>(SCHEMA_FIELDS.filter((field) => enumerated(field) || field.example?.includes('|') || field.name === 'autres_formations_labels').map((field) => field.name));

/** Longest text a column may hold (`presentation_resume`: 280), read from the schema. */
export function maxLengthOf(column: Column): number | null {
  return SCHEMA_FIELDS.find((field) => field.name === column)?.constraints?.maxLength ?? null;
}

/**
 * Characters that the national map's own model library (`@gouvfr-anct/lieux-de-mediation-
 * numerique`, models/adresse) accepts in a street and in a commune name: a row with another
 * character (a tab, "‘", the parentheses of "Château-Chinon (Ville)") is refused whole there.
 * Typographic opening quotes become apostrophes, any other such character a space.
 */
export const NOT_IN_STREET = /[^0-9A-Za-z\dÀ-ÖØ-öø-ÿœ-ŸŒ\-,()°.&:+–|;'’/ ]/gu;
export const NOT_IN_COMMUNE = /[^A-Za-z\dÀ-ÖØ-öø-ÿœ-ŸŒ\-'’ ]/gu;

/**
 * Typologies renamed since the data was collected: Pôle emploi became France Travail on
 * 1 January 2024, and data·inclusion's list of typologies (the one the schema points to)
 * replaced `PE` with `FT`.
 */
export const TYPOLOGY_RENAMED: Readonly<Record<string, string>> = { PE: 'FT' };

export function valuesOf(column: Column): string[] {
  return enumerated(SCHEMA_FIELDS.find((field) => field.name === column)!) ?? [];
}

function tuple(values: string[]): [string, ...string[]] {
  return values as [string, ...string[]];
}

export const STANDARD_SERVICES = tuple(valuesOf('services'));
export const STANDARD_ACCESS_MODES = tuple(valuesOf('modalites_acces'));
export const STANDARD_SUPPORT_MODES = tuple(valuesOf('modalites_accompagnement'));
export const STANDARD_MOBILITY = tuple(valuesOf('itinerance'));
/**
 * The schema's pattern has no space before "(La Poste)", unlike its own description, the data
 * and the national map's model library: the import reads both spellings; the export writes
 * this label in the free-text column `autres_formations_labels`, which both accept.
 */
export const TRAINING_LABEL_QUIRKS: readonly [data: string, standard: string][] = [['Étapes numériques (La Poste)', 'Étapes numériques(La Poste)']];
export const STANDARD_TRAINING_LABELS = tuple(valuesOf('formations_labels').map((value) => TRAINING_LABEL_QUIRKS.find(([, standard]) => standard === value)?.[0] ?? value));
export const NO_PUBLIC_ACCESS = "Ce lieu n'accueille pas de public";
export const REFERRAL_ACCESS = 'Envoyer un mail avec une fiche de prescription';
export const ITINERANT = 'Itinérant';

export const PROGRAMME_STANDARD: Record<Programme, string> = {
  'aidants-connect': 'Aidants Connect',
  'bibliotheques-numerique-reference': 'Bibliothèques numérique de référence',
  'certification-pix': 'Certification PIX',
  'conseillers-numeriques': 'Conseillers numériques',
  'emmaus-connect': 'Emmaüs Connect',
  'france-services': 'France Services',
  'grande-ecole-numerique': 'Grande école du numérique',
  'croix-rouge': 'La Croix Rouge',
  'point-numerique-caf': "Point d'accès numérique CAF",
  'promeneurs-du-net': 'Promeneurs du net',
  'relais-emmaus-connect': 'Relais numérique (Emmaüs Connect)',
};

export const PUBLIC_STANDARD: Record<string, string | null> = {
  jeunes: 'Jeunes',
  etudiants: 'Étudiants',
  familles: 'Familles et/ou enfants',
  seniors: 'Seniors',
  femmes: 'Femmes',
  'demandeurs-emploi': null,
  'personnes-precaires': null,
};

export const SUPPORT_STANDARD: Record<string, string> = {
  surdite: 'Surdité',
  'handicaps-moteurs': 'Handicaps moteurs',
  'handicaps-mentaux': 'Handicaps mentaux',
  illettrisme: 'Illettrisme',
  'deficience-visuelle': 'Déficience visuelle',
  'langue-anglaise': 'Langues étrangères (anglais)',
  'autres-langues': 'Langues étrangères (autres)',
};

/** A solidarity price is "Payant" in the standard; read back, "Payant" is `paid`. */
export const FEE_STANDARD: Record<string, string> = {
  free: 'Gratuit',
  'free-with-conditions': 'Gratuit sous condition',
  'solidarity-price': 'Payant',
  paid: 'Payant',
};

/** English and "other" languages map to the standard's two language values; sign language to deafness. */
export function languageStandard(language: Language): string | null {
  if (language === 'fr') return null;
  if (language === 'lsf') return SUPPORT_STANDARD.surdite!;
  return language === 'en' ? SUPPORT_STANDARD['langue-anglaise']! : SUPPORT_STANDARD['autres-langues']!;
}

/** Standard value → our id; the first id mapped to a value wins. */
export function reverse(mapping: Record<string, string | null>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [id, value] of Object.entries(mapping)) if (value && !map.has(value)) map.set(value, id);
  return map;
}
