/**
 * Export to the national standard of "lieux de médiation numérique", schema v1.0.2: the same
 * columns in the same order, `|` between values, values from the standard's enumerations.
 * A place that lacks a field the standard requires (street address, postcode, date) is left
 * out of the standard export and counted, never filled with a guess; it stays in the GeoJSON.
 */
import { lastUpdate } from '../freshness.ts';
import { parsePhone } from '../phone.ts';
import type { Commune } from '../reference.ts';
import { placeUrl } from '../routes.ts';
import type { Place } from '../schemas/place.ts';
import type { Service } from '../schemas/service.ts';
import { csvCell, neutraliseFormula } from './csv.ts';
import {
  FEE_STANDARD,
  languageStandard,
  maxLengthOf,
  NOT_IN_COMMUNE,
  NOT_IN_STREET,
  PROGRAMME_STANDARD,
  PUBLIC_STANDARD,
  REFERRAL_ACCESS,
  STANDARD_COLUMNS,
  STANDARD_SERVICES,
  SUPPORT_STANDARD,
  TRAINING_LABEL_QUIRKS,
  TYPOLOGY_RENAMED,
  type Column,
} from './standard.ts';

export type StandardRow = Record<Column, string | number | null>;

export interface ExportablePlace extends Place {
  commune: Commune;
}

/** The unknown SIRET, as national exports write it. */
const NO_PIVOT = '00000000000000';

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}

function joined(values: (string | null | undefined)[]): string | null {
  const list = unique(values);
  return list.length > 0 ? list.join('|') : null;
}

export function fitCharacters(text: string, disallowed: RegExp): string {
  return text
    .replace(/[\u2018\u201B\u2032\u0060\u00B4]/g, '\u2019')
    .replace(disallowed, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The schema's 280 characters for a summary: cut at a word, with "…"; the whole text goes to the detail. */
const SUMMARY_MAX = maxLengthOf('presentation_resume') ?? Infinity;

export function summary(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A list marker at the start of a text ("- ", "• "): a bullet that a spreadsheet would read as a formula. */
const LEADING_BULLET = /^\s*[-–—•*]\s+/u;

/**
 * The summary as it goes in the standard's `presentation_resume`: a leading bullet is left out
 * (a CSV cell that starts with "-" gets the formula guard's `'`, which consumers then read as
 * part of the text); and when the guard is still needed, its `'` counts in the 280 characters.
 */
export function standardSummary(text: string): string {
  const plain = text.replace(LEADING_BULLET, '');
  return summary(plain, SUMMARY_MAX - (neutraliseFormula(plain) === plain ? 0 : 1));
}

const spelledTwoWays = (label: string): boolean => TRAINING_LABEL_QUIRKS.some(([data]) => data === label);

export type MissingForStandard = 'street' | 'postcode' | 'date';

/** What a place lacks to be in the standard export, or null when it can be. */
export function missingForStandard(place: ExportablePlace): MissingForStandard | null {
  if (!place.address.street) return 'street';
  if (!place.address.postcode) return 'postcode';
  if (!lastUpdate(place)) return 'date';
  return null;
}

export function toStandardRow(place: ExportablePlace, services: ReadonlyMap<string, Service>): StandardRow {
  const phone = place.contacts.phone ? parsePhone(place.contacts.phone) : null;
  const standardServices = place.services.flatMap((id) => services.get(id)?.standard ?? []);
  const national = place.national;
  const resume = place.description ? standardSummary(place.description) : null;
  return {
    id: place.id,
    pivot: national?.pivot ?? NO_PIVOT,
    nom: place.name,
    commune: fitCharacters(place.commune.name, NOT_IN_COMMUNE),
    code_postal: place.address.postcode,
    code_insee: place.commune.insee,
    adresse: place.address.street && fitCharacters(place.address.street, NOT_IN_STREET),
    complement_adresse: place.address.complement ?? null,
    latitude: place.location.lat,
    longitude: place.location.lon,
    typologie: joined((national?.typologie ?? []).map((value) => TYPOLOGY_RENAMED[value] ?? value)),
    telephone: phone && phone.dial.startsWith('+') ? phone.dial : null,
    courriels: place.contacts.email ?? null,
    site_web: place.contacts.website ?? null,
    horaires: place.hours.openingHours,
    presentation_resume: resume,
    presentation_detail: national?.presentationDetail ?? (resume !== place.description ? (place.description ?? null) : null),
    source: place.sources[0]?.name ?? null,
    itinerance: joined(national?.itinerance ?? []),
    structure_parente: national?.structureParente ?? null,
    date_maj: lastUpdate(place),
    services: joined(STANDARD_SERVICES.filter((value) => standardServices.includes(value))),
    publics_specifiquement_adresses: joined(place.publics.map((id) => PUBLIC_STANDARD[id])),
    prise_en_charge_specifique: joined([...place.support.map((id) => SUPPORT_STANDARD[id]), ...place.languages.map(languageStandard)]),
    frais_a_charge: joined(place.access.fees.map((id) => FEE_STANDARD[id])),
    dispositif_programmes_nationaux: joined(place.programmes.map((id) => PROGRAMME_STANDARD[id])),
    // A label that the schema and the national map spell differently goes to the free-text column, which both accept.
    formations_labels: joined((national?.formations ?? []).filter((label) => !spelledTwoWays(label))),
    autres_formations_labels: joined([...(national?.formations ?? []).filter(spelledTwoWays), ...(national?.autresFormations ?? [])]),
    modalites_acces: joined([...(national?.acces ?? []), place.access.referral === 'required' ? REFERRAL_ACCESS : null]),
    modalites_accompagnement: joined(national?.accompagnement ?? []),
    fiche_acces_libre: place.accessibility.acceslibreUrl ?? null,
    prise_rdv: place.contacts.appointmentUrl ?? null,
  };
}

/**
 * The whole exports are written piece by piece, a thousand rows at a time (integrations/data-files.ts):
 * at 50,000 places each file is tens of megabytes, which a single string, then its bytes, held twice.
 */
const ROWS_PER_PIECE = 1000;

/** A list in pieces of ROWS_PER_PIECE, each turned into text by `write`. */
function* inPieces<T>(items: readonly T[], write: (item: T) => string, separator: string): Generator<string> {
  for (let start = 0; start < items.length; start += ROWS_PER_PIECE) {
    yield (
      (start > 0 ? separator : '') +
      items
        .slice(start, start + ROWS_PER_PIECE)
        .map(write)
        .join(separator)
    );
  }
}

export function* csvPieces(rows: readonly StandardRow[]): Generator<string> {
  yield `${STANDARD_COLUMNS.join(',')}\r\n`;
  yield* inPieces(rows, (row) => `${STANDARD_COLUMNS.map((column) => csvCell(row[column] ?? null)).join(',')}\r\n`, '');
}

/** JSON export: the same rows, empty fields left out. */
export function* jsonPieces(rows: readonly StandardRow[]): Generator<string> {
  yield '[';
  yield* inPieces(rows, (row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== ''))), ',');
  yield ']';
}

/** `siteUrl`: the public address; without one, each page is given by its path on the site. */
export function* geoJsonPieces(places: readonly ExportablePlace[], siteUrl: URL | undefined): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  yield* inPieces(
    places,
    (place) =>
      JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [place.location.lon, place.location.lat] },
        properties: {
          id: place.id,
          nom: place.name,
          type: place.kind,
          commune: place.commune.name,
          code_insee: place.commune.insee,
          precision: place.location.precision,
          page: siteUrl ? new URL(placeUrl(place.id), siteUrl).href : placeUrl(place.id),
        },
      }),
    ',',
  );
  yield ']}';
}

export const toCsv = (rows: readonly StandardRow[]): string => [...csvPieces(rows)].join('');
export const toJson = (rows: readonly StandardRow[]): string => [...jsonPieces(rows)].join('');
export const toGeoJson = (places: readonly ExportablePlace[], siteUrl: URL | undefined): string => [...geoJsonPieces(places, siteUrl)].join('');

/** The rows of each commune, by INSEE code, in the export's order (each commune's own files). */
export function rowsByCommune(rows: readonly StandardRow[]): Map<string, StandardRow[]> {
  const byCommune = new Map<string, StandardRow[]>();
  for (const row of rows) {
    const insee = String(row.code_insee);
    const own = byCommune.get(insee);
    if (own) own.push(row);
    else byCommune.set(insee, [row]);
  }
  return byCommune;
}
