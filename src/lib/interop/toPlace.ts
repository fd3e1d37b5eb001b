/**
 * From a national-standard record to this directory's place model. Messy values are
 * normalized only where it is safe, and every normalization is reported; what cannot be made
 * safe is kept as a note or left out, never guessed.
 */
import { distanceKm, territoryOf } from '../geo.ts';
import { checkOpeningHours } from '../hours/schedule.ts';
import { parsePhone } from '../phone.ts';
import type { Commune, Reference } from '../reference.ts';
import { z } from 'astro/zod';
import { decodeHTML } from 'entities';
import { HIDDEN_CHARACTERS, isIsoDate, isWebUrl } from '../schemas/common.ts';
import type { PlaceInput } from '../schemas/place.ts';
import type { Service } from '../schemas/service.ts';
import type { Programme } from '../vocab.ts';
import { t } from '../../i18n/index.ts';
import { fnv1a, placeIdBase } from '../text.ts';
import { normalize } from '../search/normalize.ts';
import { hoursProblemText, MAX_KM_FROM_COMMUNE, reviewedHours } from '../validate.ts';
import type { NationalRecord } from './record.ts';
import {
  NO_PUBLIC_ACCESS,
  PROGRAMME_STANDARD,
  PUBLIC_STANDARD,
  REFERRAL_ACCESS,
  reverse,
  STANDARD_ACCESS_MODES,
  STANDARD_MOBILITY,
  STANDARD_SUPPORT_MODES,
  STANDARD_TRAINING_LABELS,
  SUPPORT_STANDARD,
  TRAINING_LABEL_QUIRKS,
} from './standard.ts';

export interface SourceInfo {
  /** Short name, used in reports and record ids: cnfs-2022. */
  key: string;
  /** Name shown on place pages. */
  name: string;
  url: string | null;
  /** Date of the extract (YYYY-MM-DD). */
  date: string;
  /** The key of an older edition of the same list (same row ids): its places are updated, those gone are marked. */
  supersedes?: string | undefined;
}

export type Outcome = { ok: true; place: PlaceInput; normalized: string[] } | { ok: false; reason: string; normalized: string[] };

/** The same check as the place schema's, so that an import never writes an e-mail it rejects. */
const EMAIL = z.email();

/** Dates that mean "unknown" in real exports. */
const PLACEHOLDER_DATES = new Set(['1970-01-01', '1900-01-01', '2000-01-01']);

const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au', 'à', 'l', 'd']);
/** Acronyms of the field, kept in capitals: "CCAS DE TOULON" → "CCAS de Toulon". */
const ACRONYMS = new Set(
  'ccas cias caf cpam msa mjc epn pij bij csc clic ehpad fjt chrs udaf adil mds msap pmi cms rsa epci mfs admr afpa apei cidff esat iut cnfs cdad cdas ccas spip apf uniss crij'.split(' '),
);

/** "EMMAUS CONNECT FONDATEUR ABBE PIERRE" → "Emmaus Connect Fondateur Abbe Pierre". */
export function fixShouting(value: string): string {
  const letters = value.replace(/[^A-Za-zÀ-ÿ]/g, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return value;
  let first = true;
  return value.toLowerCase().replace(/[a-zà-ÿ]+/g, (word, offset: number) => {
    const previous = value[offset - 1];
    const keepSmall = !first && SMALL_WORDS.has(word) && previous !== '-';
    first = false;
    if (ACRONYMS.has(word)) return word.toUpperCase();
    return keepSmall ? word : word.charAt(0).toUpperCase() + word.slice(1);
  });
}

/** Paris, Lyon and Marseille arrondissements are one commune each in the reference. */
export function cityOfArrondissement(insee: string): string | null {
  if (/^751(0[1-9]|1\d|20)$/.test(insee)) return '75056';
  if (/^6938[1-9]$/.test(insee)) return '69123';
  if (/^132(0[1-9]|1[0-6])$/.test(insee)) return '13055';
  return null;
}

const PROGRAMME_BY_STANDARD = reverse(PROGRAMME_STANDARD);
const PUBLIC_BY_STANDARD = reverse(PUBLIC_STANDARD);
const SUPPORT_BY_STANDARD = reverse(SUPPORT_STANDARD);
// "Payant" stands for both paid and solidarity prices: read back as "paid".
const FEE_BY_STANDARD = new Map([
  ['Gratuit', 'free'],
  ['Gratuit sous condition', 'free-with-conditions'],
  ['Payant', 'paid'],
] as const);

interface Context {
  reference: Reference;
  services: readonly Service[];
  /** Communes by postcode, for records that have no INSEE code. */
  communesByPostcode: Map<string, Commune[]>;
  /** Communes by comparable name. */
  namesakes: Map<string, Commune[]>;
}

export function importContext(reference: Reference, services: readonly Service[]): Context {
  const communesByPostcode = new Map<string, Commune[]>();
  for (const commune of reference.communes.values()) {
    for (const postcode of commune.postcodes) {
      const list = communesByPostcode.get(postcode) ?? [];
      list.push(commune);
      communesByPostcode.set(postcode, list);
    }
  }
  const namesakes = new Map<string, Commune[]>();
  for (const commune of reference.communes.values()) {
    const key = communeName(commune.name);
    namesakes.set(key, [...(namesakes.get(key) ?? []), commune]);
  }
  return { reference, services, communesByPostcode, namesakes };
}

/** A commune of the same name, close to the record's point (CEDEX and mistyped postcodes). */
function nearestNamesake(record: NationalRecord, context: Context): Commune | undefined {
  if (record.latitude === null || record.longitude === null) return undefined;
  const wanted = communeName(record.commune);
  if (!wanted) return undefined;
  const point = { lat: record.latitude, lon: record.longitude };
  let best: { commune: Commune; km: number } | undefined;
  for (const commune of context.namesakes.get(wanted) ?? []) {
    const km = distanceKm(point, commune);
    if (km <= MAX_KM_FROM_COMMUNE / 2 && (!best || km < best.km)) best = { commune, km };
  }
  return best?.commune;
}

/** "PARIS 19", "Lyon 8eme", "ST DENIS" → comparable commune names (the search's normalization). */
function communeName(value: string): string {
  return normalize(value)
    .replace(/\b\d+\s*(er|e|eme)?\b/g, ' ')
    .replace(/\barrondissement\b|\bcedex\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function findCommune(record: NationalRecord, context: Context, normalized: string[]): Commune | string {
  let insee = record.code_insee;
  const city = cityOfArrondissement(insee);
  if (city) {
    normalized.push(t('import.fix.arrondissement', { insee, city }));
    insee = city;
  }
  const direct = insee ? context.reference.communes.get(insee) : undefined;
  if (direct) return direct;
  const candidates = context.communesByPostcode.get(record.code_postal) ?? [];
  if (candidates.length === 1) {
    if (insee) normalized.push(t('import.fix.inseeByPostcode', { insee }));
    return candidates[0]!;
  }
  if (candidates.length > 1) {
    const wanted = communeName(record.commune);
    const byName = candidates.filter((commune) => communeName(commune.name) === wanted);
    if (byName.length === 1) return byName[0]!;
    if (record.latitude !== null && record.longitude !== null) {
      const point = { lat: record.latitude, lon: record.longitude };
      const nearest = [...candidates].sort((a, b) => distanceKm(point, a) - distanceKm(point, b))[0]!;
      if (distanceKm(point, nearest) <= MAX_KM_FROM_COMMUNE / 2) {
        normalized.push(t('import.fix.communeByPosition', { commune: record.commune, postcode: record.code_postal }));
        return nearest;
      }
    }
    const byPosition = nearestNamesake(record, context);
    if (byPosition) {
      normalized.push(t('import.fix.communeOutsidePostcode', { commune: record.commune, postcode: record.code_postal }));
      return byPosition;
    }
    return t('import.reject.communeNotInPostcode', { commune: record.commune, postcode: record.code_postal });
  }
  const byPosition = nearestNamesake(record, context);
  if (byPosition) {
    normalized.push(t('import.fix.communeNoPostcode', { commune: record.commune, postcode: record.code_postal }));
    return byPosition;
  }
  return insee ? t('import.reject.communeUnknown', { insee, postcode: record.code_postal }) : t('import.reject.postcodeUnknown', { postcode: record.code_postal });
}

/** Enough to tell records apart within a slug. */
function shortHash(text: string): string {
  return fnv1a(text).toString(36).padStart(7, '0').slice(0, 7);
}

export function importedId(source: SourceInfo, record: NationalRecord, name: string): string {
  return `${placeIdBase(name)}-${shortHash(`${source.key}:${record.id}`)}`;
}

function mapValues<T extends string>(values: readonly string[], map: ReadonlyMap<string, T>, field: string, normalized: string[]): T[] {
  const out: T[] = [];
  for (const value of values) {
    const id = map.get(value);
    if (id) {
      if (!out.includes(id)) out.push(id);
    } else normalized.push(t('import.fix.unknownValue', { field, value }));
  }
  return out;
}

function keep<T extends string>(values: readonly string[], allowed: readonly T[], field: string, normalized: string[]): T[] {
  return mapValues(values, new Map(allowed.map((value) => [value, value])), field, normalized);
}

/** A source's HTML as plain text: block tags become spaces, other tags go, and every entity (&ccedil;, &bull;, &#233;) becomes its character, by the `entities` package's HTML decoder. */
export function stripHtml(value: string): string {
  return decodeHTML(value.replace(/<\/?(li|p|br|ul|div)[^>]*>/gi, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Control, zero-width and direction characters are never meant (U+200B in a pasted text, U+202E to turn a name around): removed, and said. */
function withoutHiddenCharacters(record: NationalRecord, normalized: string[]): NationalRecord {
  const clean = (value: string) => value.replace(HIDDEN_CHARACTERS, '');
  const fields: string[] = [];
  const out = Object.fromEntries(
    Object.entries(record).map(([field, value]) => {
      const cleaned: unknown = typeof value === 'string' ? clean(value) : Array.isArray(value) ? value.map((item: string) => clean(item)) : value;
      if (JSON.stringify(cleaned) !== JSON.stringify(value)) fields.push(field);
      return [field, cleaned];
    }),
  ) as unknown as NationalRecord;
  if (fields.length > 0) normalized.push(t('import.fix.hiddenCharacters', { fields: fields.join(', ') }));
  return out;
}

/** The postcode as published when it is one of the commune's; else the commune's only one, or none. */
function postcodeOf(record: NationalRecord, commune: Commune, normalized: string[]): string | null {
  if (commune.postcodes.includes(record.code_postal)) return record.code_postal;
  normalized.push(
    commune.postcodes.length === 1
      ? t('import.fix.postcodeReplaced', { postcode: record.code_postal, commune: commune.name, replacement: commune.postcodes[0]! })
      : t('import.fix.postcodeRemoved', { postcode: record.code_postal, commune: commune.name }),
  );
  return commune.postcodes.length === 1 ? commune.postcodes[0]! : null;
}

/** The published point when it lies in France near its commune (latitude and longitude swapped back if need be); else the commune's centre. */
function locationOf(record: NationalRecord, commune: Commune, normalized: string[]): PlaceInput['location'] {
  if (record.latitude === null || record.longitude === null) {
    normalized.push(t('import.fix.noCoordinates'));
    return { lat: commune.lat, lon: commune.lon, precision: 'commune' };
  }
  let point = { lat: record.latitude, lon: record.longitude };
  if (!territoryOf(point) && territoryOf({ lat: point.lon, lon: point.lat })) {
    point = { lat: point.lon, lon: point.lat };
    normalized.push(t('import.fix.swapped'));
  }
  if (territoryOf(point) && distanceKm(point, commune) <= MAX_KM_FROM_COMMUNE) return { lat: round(point.lat), lon: round(point.lon), precision: 'address' };
  normalized.push(t('import.fix.outsideCommune'));
  return { lat: commune.lat, lon: commune.lon, precision: 'commune' };
}

/** A phone that can be dialled, the first valid e-mail and website, a web appointment link. */
function contactsOf(record: NationalRecord, normalized: string[]): NonNullable<PlaceInput['contacts']> {
  const contacts: NonNullable<PlaceInput['contacts']> = {};
  if (record.telephone) {
    const phone = parsePhone(record.telephone);
    if (phone) {
      contacts.phone = phone.display;
      if (phone.display !== record.telephone) normalized.push(t('import.fix.phone'));
    } else normalized.push(t('import.fix.phoneRemoved', { phone: record.telephone }));
  }
  const emails = record.courriels.filter((email) => EMAIL.safeParse(email).success);
  if (emails.length > 0) contacts.email = emails[0]!;
  if (record.courriels.length > emails.length) normalized.push(t('import.fix.emailRemoved'));
  if (emails.length > 1) normalized.push(t('import.fix.extraEmails', { count: emails.length - 1 }));
  const websites = record.site_web.filter(isWebUrl);
  if (websites.length > 0) contacts.website = websites[0]!;
  if (record.site_web.length > websites.length) normalized.push(t('import.fix.websiteRemoved'));
  if (record.prise_rdv) {
    if (isWebUrl(record.prise_rdv)) contacts.appointmentUrl = record.prise_rdv;
    else normalized.push(t('import.fix.appointmentRemoved'));
  }
  return contacts;
}

/** Hours the library reads (written its canonical way), else kept as a note; hours that cannot be right repaired or set aside (hours/review.ts). */
function hoursOf(record: NationalRecord, normalized: string[]): { openingHours: string | null; note: string | null } {
  let openingHours: string | null = null;
  let note: string | null = null;
  if (record.horaires) {
    const check = checkOpeningHours(record.horaires);
    if (check.ok) openingHours = record.horaires;
    else if (check.suggestion && !check.problem) {
      openingHours = check.suggestion;
      normalized.push(t('import.fix.hoursCanonical'));
    } else {
      note = t('import.hoursNote', { hours: stripHtml(record.horaires) });
      normalized.push(t('import.fix.hoursAsNote'));
    }
  }
  const reviewed = reviewedHours({ openingHours, closures: [], note });
  if (reviewed.review.problems.length > 0) {
    const problems = reviewed.review.problems.map(hoursProblemText).join(' ; ');
    normalized.push(
      reviewed.hours.openingHours === null
        ? t('import.fix.hoursSetAside', { hours: openingHours!, problems })
        : t('import.fix.hoursRepaired', { hours: openingHours!, value: reviewed.hours.openingHours, problems }),
    );
    openingHours = reviewed.hours.openingHours;
    note = reviewed.hours.note ?? null;
  }
  return { openingHours, note };
}

/** The directory's services named by the standard's values (the network's own services are never imported). */
function servicesOf(record: NationalRecord, context: Context, normalized: string[]): string[] {
  const serviceIds: string[] = [];
  for (const value of record.services) {
    const service = context.services.find((item) => !item.network && item.standard.includes(value as never));
    if (service) {
      if (!serviceIds.includes(service.id)) serviceIds.push(service.id);
    } else normalized.push(t('import.fix.serviceIgnored', { value }));
  }
  return serviceIds;
}

/** The record's update date, unless it is a placeholder, unreadable, or after the export itself. */
function verifiedOf(record: NationalRecord, source: SourceInfo, normalized: string[]): string | null {
  let verified: string | null = isIsoDate(record.date_maj) ? record.date_maj : null;
  if (verified && PLACEHOLDER_DATES.has(verified)) {
    normalized.push(t('import.fix.placeholderDate', { date: verified }));
    verified = null;
  } else if (!verified && record.date_maj) {
    normalized.push(t('import.fix.unreadableDate', { date: record.date_maj }));
  }
  if (verified && verified > source.date) {
    normalized.push(t('import.fix.futureDate', { date: verified, exportDate: source.date }));
    verified = source.date;
  }
  return verified;
}

/** The standard's fields kept as they are, for the export (values outside the standard left out, and said). */
function nationalOf(record: NationalRecord, acces: NonNullable<PlaceInput['national']>['acces'], normalized: string[]): NonNullable<PlaceInput['national']> {
  return {
    pivot: /^[a-zA-Z0-9]{9,14}$/.test(record.pivot) && !/^0+$/.test(record.pivot) ? record.pivot : null,
    typologie: record.typologie,
    itinerance: keep(record.itinerance, STANDARD_MOBILITY, 'itinerance', normalized),
    structureParente: record.structure_parente || null,
    presentationDetail: record.presentation_detail ? stripHtml(record.presentation_detail) : null,
    accompagnement: keep(record.modalites_accompagnement, STANDARD_SUPPORT_MODES, 'modalites_accompagnement', normalized),
    acces,
    formations: keep(
      record.formations_labels.map((label) => TRAINING_LABEL_QUIRKS.find(([, standard]) => standard === label)?.[0] ?? label),
      STANDARD_TRAINING_LABELS,
      'formations_labels',
      normalized,
    ),
    autresFormations: record.autres_formations_labels,
  };
}

/**
 * One national record as a place of this directory, in named steps; every value made safe is
 * said in `normalized`, and a record that cannot be a place is rejected with its reason.
 */
export function recordToPlace(raw: NationalRecord, source: SourceInfo, context: Context): Outcome {
  const normalized: string[] = [];
  const record = withoutHiddenCharacters(raw, normalized);
  if (!record.nom) return { ok: false, reason: t('import.reject.noName'), normalized };
  if (record.modalites_acces.includes(NO_PUBLIC_ACCESS)) {
    return { ok: false, reason: t('import.reject.noPublic'), normalized };
  }
  const commune = findCommune(record, context, normalized);
  if (typeof commune === 'string') return { ok: false, reason: commune, normalized };

  const name = fixShouting(record.nom);
  if (name !== record.nom) normalized.push(t('import.fix.nameCase'));
  const street = record.adresse ? fixShouting(record.adresse) : null;
  if (street && street !== record.adresse) normalized.push(t('import.fix.streetCase'));
  const postcode = postcodeOf(record, commune, normalized);
  const location = locationOf(record, commune, normalized);
  const contacts = contactsOf(record, normalized);
  const { openingHours, note } = hoursOf(record, normalized);
  const services = servicesOf(record, context, normalized);
  const verified = verifiedOf(record, source, normalized);
  const programmes = mapValues(record.dispositif_programmes_nationaux, PROGRAMME_BY_STANDARD, t('import.field.programme'), normalized) as Programme[];
  const kind = programmes.includes('emmaus-connect') ? 'solidarity-space' : programmes.includes('relais-emmaus-connect') ? 'relay' : 'other';
  const acces = keep(record.modalites_acces, STANDARD_ACCESS_MODES, 'modalites_acces', normalized);
  const national = nationalOf(record, acces, normalized);

  const place: PlaceInput = {
    id: importedId(source, record, name),
    name,
    kind,
    description: record.presentation_resume ? stripHtml(record.presentation_resume) : null,
    programmes,
    address: { street: street || null, complement: record.complement_adresse || null, postcode, insee: commune.insee },
    location,
    contacts,
    hours: { openingHours, closures: [], note },
    services,
    publics: mapValues(record.publics_specifiquement_adresses, PUBLIC_BY_STANDARD, t('import.field.public'), normalized) as PlaceInput['publics'],
    support: mapValues(record.prise_en_charge_specifique, SUPPORT_BY_STANDARD, t('import.field.support'), normalized) as PlaceInput['support'],
    access: {
      fees: mapValues(record.frais_a_charge, FEE_BY_STANDARD, t('import.field.fee'), normalized),
      referral: acces.includes(REFERRAL_ACCESS) ? 'required' : null,
    },
    accessibility: { acceslibreUrl: isWebUrl(record.fiche_acces_libre) ? record.fiche_acces_libre : null },
    national,
    sources: [{ name: source.name, url: source.url, date: verified, record: `${source.key}:${record.id}` }],
    verified,
  };
  return { ok: true, place, normalized };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
