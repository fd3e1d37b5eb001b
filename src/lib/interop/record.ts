/**
 * A row of the national standard of "lieux de médiation numérique", read from any of the
 * forms found in the wild: v1.0.2 (CSV or JSON, `|` between values), v0.1 JSON (`;` between
 * values, old vocabularies, mapped with data/standard/v0.1-to-v1-value-mapping.csv), and
 * France Services' own CSV.
 */
import { parse } from 'csv-parse/sync';
import { t } from '../../i18n/index.ts';
import { ITINERANT, MULTI_VALUED, SCHEMA_FIELDS } from './standard.ts';

/** A row with its values typed: lists for multi-valued columns (tests check this against standard.ts). */
export interface NationalRecord {
  id: string;
  pivot: string;
  nom: string;
  commune: string;
  code_postal: string;
  code_insee: string;
  adresse: string;
  complement_adresse: string;
  latitude: number | null;
  longitude: number | null;
  typologie: string[];
  telephone: string;
  courriels: string[];
  site_web: string[];
  horaires: string;
  presentation_resume: string;
  presentation_detail: string;
  source: string;
  itinerance: string[];
  structure_parente: string;
  date_maj: string;
  services: string[];
  publics_specifiquement_adresses: string[];
  prise_en_charge_specifique: string[];
  frais_a_charge: string[];
  dispositif_programmes_nationaux: string[];
  formations_labels: string[];
  autres_formations_labels: string[];
  modalites_acces: string[];
  modalites_accompagnement: string[];
  fiche_acces_libre: string;
  prise_rdv: string;
}

/** One v0.1 → v1 value mapping row. */
export interface ValueMapping {
  v1Field: string;
  v0Field: string;
  v0Value: string;
  v1Values: string[];
}

export function parseValueMapping(csv: string): ValueMapping[] {
  const rows = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true });
  return rows.map((row) => ({
    v1Field: row.v1_field!,
    v0Field: row.v0_field!,
    v0Value: row.v0_value!,
    v1Values: row.v1_value ? row.v1_value.split('|') : [],
  }));
}

/** Old field names, and where their values go in v1. */
const V0_FIELDS: Record<string, keyof NationalRecord> = {
  courriel: 'courriels',
  conditions_acces: 'frais_a_charge',
  conditions_access: 'frais_a_charge',
  publics_accueillis: 'publics_specifiquement_adresses',
  labels_nationaux: 'dispositif_programmes_nationaux',
  labels_autres: 'autres_formations_labels',
  accessibilite: 'fiche_acces_libre',
};

export interface Conversion {
  record: NationalRecord;
  /** Values the mapping knows to have no v1 equivalent, or does not know at all. */
  dropped: string[];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : JSON.stringify(value)).trim();
}

/** A number, or null when the cell is empty or blank (Number(' ') would read 0: a point in the Gulf of Guinea). */
function number(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const cell = text(value);
  if (!cell) return null;
  const parsed = Number(cell.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
}

function split(value: unknown): string[] {
  const raw = text(value);
  if (!raw) return [];
  return raw
    .split(raw.includes('|') ? '|' : ';')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Reads one JSON or CSV row into a v1 record. Values already in v1 are kept; v0.1 values are
 * mapped; anything else is reported in `dropped`, never silently lost.
 */
export function toNationalRecord(raw: Record<string, unknown>, mapping: readonly ValueMapping[]): Conversion {
  const dropped: string[] = [];
  // Every column of the schema: numbers, lists (multi-valued, mapped below) or text.
  const record = Object.fromEntries(SCHEMA_FIELDS.map(({ name, type }) => [name, MULTI_VALUED.has(name) ? [] : type === 'number' ? number(raw[name]) : text(raw[name])])) as unknown as NationalRecord;

  const byOldValue = new Map<string, ValueMapping>();
  for (const row of mapping) byOldValue.set(`${row.v0Field}\u0000${row.v0Value}`, row);

  const add = (field: keyof NationalRecord, value: string) => {
    const list = record[field] as string[];
    if (!list.includes(value)) list.push(value);
  };

  const fields: [string, keyof NationalRecord][] = [...[...MULTI_VALUED].map((column): [string, keyof NationalRecord] => [column, column as keyof NationalRecord]), ...Object.entries(V0_FIELDS)];
  for (const [rawField, v1Field] of fields) {
    if (rawField === 'accessibilite') {
      if (!record.fiche_acces_libre && text(raw[rawField])) record.fiche_acces_libre = text(raw[rawField]);
      continue;
    }
    for (const value of split(raw[rawField])) {
      // A v0.1 value is mapped; anything else may already be a v1 value, checked later.
      const mapped = byOldValue.get(`${rawField === 'conditions_access' ? 'conditions_acces' : rawField}\u0000${value}`);
      if (!mapped) {
        add(v1Field, value);
        continue;
      }
      if (mapped.v1Values.length === 0) dropped.push(t('import.fix.noV1', { field: rawField, value }));
      for (const v1Value of mapped.v1Values) add(mapped.v1Field as keyof NationalRecord, v1Value);
    }
  }
  return { record, dropped };
}

/** A France Services CSV row: per-day hours like "09:00 - 12:00 / 13:30 - 17:00". */
export function franceServicesRecord(row: Record<string, string>, listDate: string): Conversion {
  const hours = franceServicesHours(row);
  const record = toNationalRecord(
    {
      id: `france-services-${row.id_fs}`,
      pivot: '',
      nom: row.lib_fs,
      commune: row.lib_com,
      code_postal: row.code_postal,
      code_insee: row.insee_com,
      adresse: row.adresse,
      complement_adresse: row.complement_adresse,
      latitude: row.latitude,
      longitude: row.longitude,
      telephone: row.telephone,
      courriels: row.mail,
      // Unreadable hours go on as text: the importer keeps them as a note, never guesses.
      horaires: hours.value || hours.unread,
      presentation_resume: row.commentaire,
      source: 'france-services',
      itinerance: row.itinerance === 'Oui' || /itin|bus/i.test(row.format_fs ?? '') ? ITINERANT : 'Fixe',
      date_maj: listDate,
      dispositif_programmes_nationaux: 'France Services',
    },
    [],
  );
  return record;
}

const FS_DAYS = [
  ['h_lundi', 'Mo'],
  ['h_mardi', 'Tu'],
  ['h_mercredi', 'We'],
  ['h_jeudi', 'Th'],
  ['h_vendredi', 'Fr'],
  ['h_samedi', 'Sa'],
] as const;

/**
 * Reads the strict "HH:MM - HH:MM / HH:MM - HH:MM" form only; anything else is returned as
 * unread text (kept as a note by the importer, never guessed).
 */
export function franceServicesHours(row: Record<string, string>): { value: string; unread?: string } {
  const parts: string[] = [];
  const cells: string[] = [];
  let readable = true;
  for (const [column, day] of FS_DAYS) {
    const cell = (row[column] ?? '').replace(/\s+/g, ' ').trim();
    if (!cell) continue;
    cells.push(`${day} ${cell}`);
    const converted = cell.split('/').map((range) => {
      const match = /^(\d{1,2})[:h](\d{2}) ?- ?(\d{1,2})[:h](\d{2})$/.exec(range.trim());
      return match ? `${match[1]!.padStart(2, '0')}:${match[2]}-${match[3]!.padStart(2, '0')}:${match[4]}` : null;
    });
    if (converted.every(Boolean)) parts.push(`${day} ${converted.join(',')}`);
    else readable = false;
  }
  return readable ? { value: parts.join('; ') } : { value: '', unread: cells.join(' ; ') };
}
