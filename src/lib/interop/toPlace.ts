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
import { isIsoDate, isWebUrl } from '../schemas/common.ts';
import type { PlaceInput } from '../schemas/place.ts';
import type { Service } from '../schemas/service.ts';
import { fnv1a, placeIdBase } from '../text.ts';
import { normalize } from '../search/normalize.ts';
import { MAX_KM_FROM_COMMUNE } from '../validate.ts';
import {
  FEES,
  PROGRAMMES,
  PUBLICS,
  STANDARD_ACCESS_MODES,
  STANDARD_MOBILITY,
  STANDARD_SUPPORT_MODES,
  STANDARD_TRAINING_LABELS,
  SUPPORTS,
  type Term,
} from '../vocab.ts';
import type { NationalRecord } from './record.ts';

export interface SourceInfo {
  /** Short name, used in reports and record ids: cnfs-2022. */
  key: string;
  /** Name shown on place pages. */
  name: string;
  url: string | null;
  /** Date of the extract (YYYY-MM-DD). */
  date: string;
}

export type Outcome =
  | { ok: true; place: PlaceInput; normalized: string[] }
  | { ok: false; reason: string; normalized: string[] };

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

function reverse<T extends Record<string, Term>>(vocabulary: T): Map<string, keyof T & string> {
  const map = new Map<string, keyof T & string>();
  for (const [id, term] of Object.entries(vocabulary)) if (term.standard && !map.has(term.standard)) map.set(term.standard, id);
  return map;
}
const PROGRAMME_BY_STANDARD = reverse(PROGRAMMES);
const PUBLIC_BY_STANDARD = reverse(PUBLICS);
const SUPPORT_BY_STANDARD = reverse(SUPPORTS);
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
    normalized.push(`code INSEE d’arrondissement ${insee} → ${city}`);
    insee = city;
  }
  const direct = insee ? context.reference.communes.get(insee) : undefined;
  if (direct) return direct;
  const candidates = context.communesByPostcode.get(record.code_postal) ?? [];
  if (candidates.length === 1) {
    if (insee) normalized.push(`code INSEE ${insee} inconnu : commune trouvée par le code postal`);
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
        normalized.push(`commune « ${record.commune} » choisie par la position parmi les communes du ${record.code_postal}`);
        return nearest;
      }
    }
    const byPosition = nearestNamesake(record, context);
    if (byPosition) {
      normalized.push(`commune « ${record.commune} » trouvée par son nom et la position, hors du code postal ${record.code_postal}`);
      return byPosition;
    }
    return `commune introuvable : « ${record.commune} » n’est pas une des communes du code postal ${record.code_postal}`;
  }
  const byPosition = nearestNamesake(record, context);
  if (byPosition) {
    normalized.push(`commune « ${record.commune} » trouvée par son nom et la position (code postal « ${record.code_postal} » inconnu)`);
    return byPosition;
  }
  return insee
    ? `commune introuvable : ni le code INSEE ${insee} ni le code postal « ${record.code_postal} » ne sont dans le référentiel`
    : `commune introuvable : code postal « ${record.code_postal} » inconnu et pas de code INSEE`;
}

/** Enough to tell records apart within a slug. */
function shortHash(text: string): string {
  return fnv1a(text).toString(36).padStart(7, '0').slice(0, 7);
}

export function importedId(source: SourceInfo, record: NationalRecord, name: string): string {
  return `${placeIdBase(name)}-${shortHash(`${source.key}:${record.id}`)}`;
}

function mapValues<T extends string>(values: readonly string[], map: Map<string, T>, field: string, normalized: string[]): T[] {
  const out: T[] = [];
  for (const value of values) {
    const id = map.get(value);
    if (id) {
      if (!out.includes(id)) out.push(id);
    } else normalized.push(`${field} « ${value} » inconnu du standard : ignoré`);
  }
  return out;
}

function keep<T extends string>(values: readonly string[], allowed: readonly T[], field: string, normalized: string[]): T[] {
  return mapValues(values, new Map(allowed.map((value) => [value, value])), field, normalized);
}

function stripHtml(value: string): string {
  return value
    .replace(/<\/?(li|p|br|ul|div)[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function recordToPlace(record: NationalRecord, source: SourceInfo, context: Context): Outcome {
  const normalized: string[] = [];
  if (!record.nom) return { ok: false, reason: 'nom manquant', normalized };
  if (record.modalites_acces.includes("Ce lieu n'accueille pas de public")) {
    return { ok: false, reason: 'le lieu n’accueille pas de public', normalized };
  }
  const commune = findCommune(record, context, normalized);
  if (typeof commune === 'string') return { ok: false, reason: commune, normalized };

  const name = fixShouting(record.nom);
  if (name !== record.nom) normalized.push('nom en majuscules remis en minuscules');
  const street = record.adresse ? fixShouting(record.adresse) : null;
  if (street && street !== record.adresse) normalized.push('adresse en majuscules remise en minuscules');

  let postcode: string | null = record.code_postal;
  if (!commune.postcodes.includes(postcode)) {
    normalized.push(`code postal « ${record.code_postal} » qui n’est pas celui de ${commune.name} : ${commune.postcodes.length === 1 ? `remplacé par ${commune.postcodes[0]}` : 'retiré'}`);
    postcode = commune.postcodes.length === 1 ? commune.postcodes[0]! : null;
  }

  let location: PlaceInput['location'] = { lat: commune.lat, lon: commune.lon, precision: 'commune' };
  if (record.latitude !== null && record.longitude !== null) {
    let point = { lat: record.latitude, lon: record.longitude };
    if (!territoryOf(point) && territoryOf({ lat: point.lon, lon: point.lat })) {
      point = { lat: point.lon, lon: point.lat };
      normalized.push('latitude et longitude inversées : remises dans l’ordre');
    }
    if (territoryOf(point) && distanceKm(point, commune) <= MAX_KM_FROM_COMMUNE) {
      location = { lat: round(point.lat), lon: round(point.lon), precision: 'address' };
    } else {
      normalized.push('coordonnées hors de la commune : point placé au centre de la commune');
    }
  } else {
    normalized.push('pas de coordonnées : point placé au centre de la commune');
  }

  const contacts: NonNullable<PlaceInput['contacts']> = {};
  if (record.telephone) {
    const phone = parsePhone(record.telephone);
    if (phone) {
      contacts.phone = phone.display;
      if (phone.display !== record.telephone) normalized.push('téléphone remis au format 01 23 45 67 89');
    } else normalized.push(`téléphone illisible « ${record.telephone} » : retiré`);
  }
  const emails = record.courriels.filter((email) => EMAIL.safeParse(email).success);
  if (emails.length > 0) contacts.email = emails[0]!;
  if (record.courriels.length > emails.length) normalized.push('adresse e-mail invalide retirée');
  if (emails.length > 1) normalized.push(`${emails.length - 1} adresse(s) e-mail en plus non gardée(s)`);
  const websites = record.site_web.filter(isWebUrl);
  if (websites.length > 0) contacts.website = websites[0]!;
  if (record.site_web.length > websites.length) normalized.push('site internet invalide retiré');
  if (record.prise_rdv) {
    if (isWebUrl(record.prise_rdv)) contacts.appointmentUrl = record.prise_rdv;
    else normalized.push('lien de prise de rendez-vous invalide retiré');
  }

  let openingHours: string | null = null;
  let note: string | null = null;
  if (record.horaires) {
    const check = checkOpeningHours(record.horaires);
    if (check.ok) openingHours = record.horaires;
    else if (check.suggestion && !check.problem) {
      openingHours = check.suggestion;
      normalized.push('horaires remis au format canonique');
    } else {
      note = `Horaires donnés par la source : ${stripHtml(record.horaires)}`;
      normalized.push('horaires illisibles : gardés en note, sans deviner');
    }
  }

  const serviceIds: string[] = [];
  for (const value of record.services) {
    const service = context.services.find((item) => !item.network && item.standard.includes(value as never));
    if (service) {
      if (!serviceIds.includes(service.id)) serviceIds.push(service.id);
    } else normalized.push(`service « ${value} » sans équivalent dans le catalogue : ignoré`);
  }

  let verified: string | null = isIsoDate(record.date_maj) ? record.date_maj : null;
  if (verified && PLACEHOLDER_DATES.has(verified)) {
    normalized.push(`date de mise à jour ${verified} : date fictive, traitée comme inconnue`);
    verified = null;
  } else if (!verified && record.date_maj) {
    normalized.push(`date de mise à jour illisible « ${record.date_maj} » : inconnue`);
  }
  if (verified && verified > source.date) {
    normalized.push(`date de mise à jour ${verified} après la date de l’export : ramenée au ${source.date}`);
    verified = source.date;
  }

  const programmes = mapValues(record.dispositif_programmes_nationaux, PROGRAMME_BY_STANDARD, 'dispositif', normalized);
  const kind = programmes.includes('emmaus-connect') ? 'solidarity-space' : programmes.includes('relais-emmaus-connect') ? 'relay' : 'other';
  const pivot = /^[a-zA-Z0-9]{9,14}$/.test(record.pivot) && !/^0+$/.test(record.pivot) ? record.pivot : null;
  const acces = keep(record.modalites_acces, STANDARD_ACCESS_MODES, 'modalites_acces', normalized);
  const national: NonNullable<PlaceInput['national']> = {
    pivot,
    typologie: record.typologie,
    itinerance: keep(record.itinerance, STANDARD_MOBILITY, 'itinerance', normalized),
    structureParente: record.structure_parente || null,
    presentationDetail: record.presentation_detail ? stripHtml(record.presentation_detail) : null,
    accompagnement: keep(record.modalites_accompagnement, STANDARD_SUPPORT_MODES, 'modalites_accompagnement', normalized),
    acces,
    formations: keep(
      record.formations_labels.map((label) => (label === 'Étapes numériques(La Poste)' ? 'Étapes numériques (La Poste)' : label)),
      STANDARD_TRAINING_LABELS,
      'formations_labels',
      normalized,
    ),
    autresFormations: record.autres_formations_labels,
  };

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
    services: serviceIds,
    publics: mapValues(record.publics_specifiquement_adresses, PUBLIC_BY_STANDARD, 'public', normalized),
    support: mapValues(record.prise_en_charge_specifique, SUPPORT_BY_STANDARD, 'prise en charge', normalized),
    access: {
      fees: mapValues(record.frais_a_charge, FEE_BY_STANDARD, 'frais', normalized),
      referral: acces.includes('Envoyer un mail avec une fiche de prescription') ? 'required' : null,
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
