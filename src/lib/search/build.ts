/** Build-time side of the search: the static files described in ./data.ts. */
import type { CardPlace } from '../card.ts';
import type { Directory, PlaceEntry } from '../directory.ts';
import type { Schedule } from '../hours/types.ts';
import { parsePhone } from '../phone.ts';
import { freshness } from '../freshness.ts';
import { isNetworkPlace } from '../kinds.ts';
import { label } from '../../i18n/index.ts';
import { SEARCH_FILES } from '../routes.ts';
import { fnv1a } from '../text.ts';
import { LANGUAGE_IDS, PROGRAMME_IDS } from '../vocab.ts';
import { CITIES_WITH_ARRONDISSEMENTS, holdsNetworkWord, postcodeFile, type CommuneRow, type Meta, type PlaceShard, type PostcodeRow } from './data.ts';
import { communeFileOf, communeFileStarts } from './communes.ts';
import { normalize } from './normalize.ts';
import { FILLER_WORDS } from './query.ts';
import { encodePlace, FLAG } from './row.ts';
import { isResidentsOnly, readsAsCode } from './audience.ts';
import { ITINERANT } from '../interop/standard.ts';
import { arrondissementOfPostcode } from '../arrondissements.ts';
import { t, type Key } from '../../i18n/index.ts';
import { officialFormerNames, officialTerritory, type FormerName } from '../territory/official.ts';
import { fr } from '../../i18n/fr.ts';

const TYPOLOGY_WORDS = Object.fromEntries(Object.entries(fr).filter(([key]) => key.startsWith('typology.')));

/** Two départements are neighbours when their communes come within about 60 km. */
const NEIGHBOUR_MARGIN_DEGREES = 0.6;

/** The box of a département's places, [south, west, north, east], rounded outwards to 0.01°: a search skips a file none of whose places is within reach. */
function placesBox(places: readonly { lat: number; lon: number }[]): [number, number, number, number] {
  const lats = places.map((place) => place.lat);
  const lons = places.map((place) => place.lon);
  return [Math.floor(Math.min(...lats) * 100) / 100, Math.floor(Math.min(...lons) * 100) / 100, Math.ceil(Math.max(...lats) * 100) / 100, Math.ceil(Math.max(...lons) * 100) / 100];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function placeFlags(place: PlaceEntry): number {
  let flags = 0;
  if (place.access.fees.includes('free')) flags |= FLAG.free;
  else if (place.access.fees.length > 0) flags |= FLAG.notFree;
  if (place.accessibility.wheelchair === 'no') flags |= FLAG.wheelchairNo;
  if (place.location.precision === 'address') flags |= FLAG.exactPoint;
  if (isResidentsOnly({ name: place.name, typologie: place.national?.typologie ?? [] })) flags |= FLAG.residentsOnly;
  if (place.national?.itinerance.includes(ITINERANT) && !place.national.itinerance.includes('Fixe')) flags |= FLAG.itinerant;
  if (place.programmes.includes('france-services')) flags |= FLAG.franceServices;
  if (place.access.referral === 'not-required') flags |= FLAG.noReferral;
  if (place.access.referral === 'required') flags |= FLAG.referralRequired;
  if (place.access.appointment === 'walk-in' || place.access.appointment === 'both') flags |= FLAG.walkIn;
  if (place.access.appointment === 'required') flags |= FLAG.appointmentRequired;
  if (place.accessibility.wheelchair === 'yes') flags |= FLAG.wheelchair;
  if (isNetworkPlace(place)) flags |= FLAG.emmaus;
  if ((place.schedule?.week[5]?.length ?? 0) > 0) flags |= FLAG.saturday;
  return flags;
}

/** What a place's card shows (lib/card.ts), as its search row holds it: one mapping for the row and the pages' cards. */
export function cardPlaceOf(place: PlaceEntry): CardPlace {
  let card = cardPlaces.get(place);
  if (!card) cardPlaces.set(place, (card = cardPlaceFields(place)));
  return card;
}
/** Written once per place: a place's card is on its commune's page, its neighbours' and several lists. */
const cardPlaces = new WeakMap<PlaceEntry, CardPlace>();

function cardPlaceFields(place: PlaceEntry): CardPlace {
  return {
    name: place.name,
    title: readableTitle(place),
    kind: place.kind,
    // No street known: the building named in the address is still where to go (« Maison des services des quartiers Est »).
    street: place.address.street ?? place.address.complement ?? '',
    commune: place.commune.name,
    phone: place.contacts.phone ? (parsePhone(place.contacts.phone)?.display ?? '') : '',
    flags: placeFlags(place),
  };
}

/**
 * For a name that reads as a code, a title made only of facts we hold: what the place is (its
 * typology, else its operator, else its kind) and its commune. Empty when the name reads well.
 */
export function readableTitle(place: Pick<PlaceEntry, 'name' | 'kind' | 'operator' | 'national'> & { commune: { name: string } }): string {
  if (!readsAsCode(place.name)) return '';
  const prefix = /^AG_(ALT|CHRS|MR)(?:_|\b)/i.exec(place.name)?.[1]?.toUpperCase();
  const codes = [...(place.national?.typologie ?? []), ...(prefix ? [prefix] : [])].map((code) => code.toUpperCase());
  const typology = codes.map((code) => `typology.${code}`).find((key) => key in TYPOLOGY_WORDS);
  const what = typology ? t(typology as Key) : place.operator && !readsAsCode(place.operator) ? place.operator : label('kind', place.kind);
  return t('place.readableTitle', { what, commune: place.commune.name });
}

/**
 * The reference has no centre for the arrondissements of Paris, Lyon and Marseille: each
 * postcode's centre is the mean point of the places with a street address there (see
 * data/reference/PROVENANCE.md). A postcode without such a place keeps the city's centre.
 */
export function arrondissementCentres(places: readonly Pick<PlaceEntry, 'address' | 'location'>[]): Map<string, { lat: number; lon: number }> {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const place of places) {
    const postcode = place.address.postcode;
    if (!postcode || place.location.precision !== 'address' || !CITIES_WITH_ARRONDISSEMENTS.includes(place.address.insee)) continue;
    const sum = sums.get(postcode) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += place.location.lat;
    sum.lon += place.location.lon;
    sum.n += 1;
    sums.set(postcode, sum);
  }
  return new Map([...sums].map(([postcode, sum]) => [postcode, { lat: sum.lat / sum.n, lon: sum.lon / sum.n }]));
}

export interface SearchFiles {
  meta: Meta;
  communes: Map<string, CommuneRow[]>;
  postcodes: Map<string, PostcodeRow[]>;
  shards: Map<string, PlaceShard>;
}

/** What the official reference adds to the communes of the search: who lives there, and old names. */
export interface OfficialNames {
  population: ReadonlyMap<string, number>;
  formerNames: readonly FormerName[];
}

/**
 * Another language's words for a need, less those that are French filler words ("document",
 * "aide" in English lists): a French sentence must read as it did.
 */
/**
 * Another language's words for a need, without the French ones: French filler words, and French
 * words that the French keywords already give to a need (an Arabic list holding « formation »
 * for job training must not take it from « apprendre », where the French list puts it).
 */
function foreign(words: readonly string[] = [], french: ReadonlySet<string> = new Set()): string[] {
  return words.filter((word) => !FILLER_WORDS.has(normalize(word)) && !french.has(normalize(word)));
}

/** The key of `otherWords` that lists filler words (never a service id). */
export const FILLERS = '(fillers)';
/** The start of the keys of `otherWords` that list a town's names in other languages, the French name after it (« (town) Marseille »). */
export const TOWNS = '(town) ';

/**
 * `otherWords`: the words people type in the site's other languages for each need (service id)
 * and for the France Services label (`france-services`): "help with taxes" finds what "impôts" finds.
 */
export function buildSearchFiles(
  directory: Directory,
  built: string,
  official: OfficialNames = { population: officialTerritory().population, formerNames: officialFormerNames() },
  otherWords: Readonly<Record<string, readonly string[]>> = {},
): SearchFiles {
  const { reference } = directory;
  const communes = new Map<string, CommuneRow[]>();
  const postcodes = new Map<string, PostcodeRow[]>();
  const arrondissements = arrondissementCentres(directory.places);
  const boxes = new Map<string, { south: number; north: number; west: number; east: number; lat: number; lon: number; n: number }>();
  const formerNames = official.formerNames.filter((former) => {
    const today = reference.communes.get(former.insee);
    return today !== undefined && normalize(former.name) !== normalize(today.name);
  });
  // The files of communes split the names in their order (see communeFileStarts()).
  const communeFiles = communeFileStarts([...[...reference.communes.values()].map((commune) => normalize(commune.name)), ...formerNames.map((former) => normalize(former.name))]);
  const fileOf = (name: string) => communeFileOf(normalize(name), communeFiles);
  for (const commune of reference.communes.values()) {
    // A commune's centre to about 100 m is enough to measure distances to it.
    const lat = round(commune.lat, 3);
    const lon = round(commune.lon, 3);
    const file = fileOf(commune.name);
    // In hundreds: enough to offer homonyms largest first, 60 KB (gzip) lighter than every digit.
    const hundreds = Math.round((official.population.get(commune.insee) ?? 0) / 100);
    push(communes, file, [commune.insee, commune.name, lat, lon, hundreds] satisfies CommuneRow);
    for (const postcode of commune.postcodes) {
      const centre = arrondissements.get(postcode);
      const arrondissement = arrondissementOfPostcode(postcode);
      push(
        postcodes,
        postcodeFile(postcode),
        centre && arrondissement ? [postcode, commune.insee, file, round(centre.lat, 3), round(centre.lon, 3), arrondissement.name] : [postcode, commune.insee, file],
      );
    }
    const box = boxes.get(commune.departementCode) ?? { south: 90, north: -90, west: 180, east: -180, lat: 0, lon: 0, n: 0 };
    box.south = Math.min(box.south, commune.lat);
    box.north = Math.max(box.north, commune.lat);
    box.west = Math.min(box.west, commune.lon);
    box.east = Math.max(box.east, commune.lon);
    box.lat += commune.lat;
    box.lon += commune.lon;
    box.n += 1;
    boxes.set(commune.departementCode, box);
  }

  for (const former of formerNames) {
    const today = reference.communes.get(former.insee)!;
    push(communes, fileOf(former.name), [today.insee, former.name, fileOf(today.name)] satisfies CommuneRow);
  }

  const serviceIndex = new Map(directory.dataset.services.map((service, index) => [service.id, index]));
  const shards = new Map<string, PlaceShard>();
  const scheduleIndex = new Map<string, Map<string, number>>();
  const communeIndex = new Map<string, Map<string, number>>();
  const networks: NonNullable<Meta['networks']> = [];
  const networkOf = (contact: NonNullable<PlaceEntry['networkContact']>): number => {
    const known = networks.findIndex((network) => network.website === contact.website && network.name === contact.name);
    if (known >= 0) return known;
    networks.push({ name: contact.name, website: contact.website, ...(contact.postal ? { postal: contact.postal } : {}) });
    return networks.length - 1;
  };
  for (const place of directory.places) {
    const code = place.departement.code;
    let shard = shards.get(code);
    if (!shard) {
      shard = { departement: code, places: [], communes: [], schedules: [] };
      shards.set(code, shard);
      scheduleIndex.set(code, new Map());
      communeIndex.set(code, new Map());
    }
    const communeOf = communeIndex.get(code)!;
    if (!communeOf.has(place.commune.name)) {
      communeOf.set(place.commune.name, shard.communes.length);
      shard.communes.push(place.commune.name);
    }
    let schedule = -1;
    if (place.schedule) schedule = indexOf(place.schedule, shard.schedules, scheduleIndex.get(code)!);
    const { commune: _, ...card } = cardPlaceOf(place);
    shard.places.push(
      encodePlace({
        ...card,
        // How old its facts are on the build's day: a translated place view warns as the French page does.
        flags: card.flags | (freshness(place, built) === 'fresh' ? FLAG.fresh : 0) | (place.verified ? 0 : FLAG.undated),
        id: place.id,
        lat: place.lat,
        lon: place.lon,
        communeIndex: communeOf.get(place.commune.name)!,
        services: place.services.map((id) => serviceIndex.get(id)!),
        offers: place.labelOffers.map((offer) => serviceIndex.get(offer.service)!),
        languages: place.languages,
        scheduleIndex: schedule,
        ...(place.networkContact ? { network: networkOf(place.networkContact) } : {}),
      }),
    );
  }

  const placesOf = new Map<string, { lat: number; lon: number }[]>();
  const networkCounts = new Map<string, number>();
  for (const place of directory.places) {
    push(placesOf, place.departement.code, place);
    if (isNetworkPlace(place) || holdsNetworkWord(`${normalize(place.name)} ${normalize(place.commune.name)}`.split(' ')))
      networkCounts.set(place.departement.code, (networkCounts.get(place.departement.code) ?? 0) + 1);
  }
  const departements: Meta['departements'] = {};
  for (const [code, departement] of reference.departements) {
    const box = boxes.get(code);
    if (!box) continue;
    const neighbours = [...boxes.entries()]
      .filter(
        ([other, b]) =>
          other !== code &&
          b.south - NEIGHBOUR_MARGIN_DEGREES <= box.north &&
          b.north + NEIGHBOUR_MARGIN_DEGREES >= box.south &&
          b.west - NEIGHBOUR_MARGIN_DEGREES <= box.east &&
          b.east + NEIGHBOUR_MARGIN_DEGREES >= box.west,
      )
      .map(([other]) => other);
    const places = placesOf.get(code) ?? [];
    departements[code] = {
      name: departement.name,
      neighbours,
      places: shards.get(code)?.places.length ?? 0,
      centre: { lat: round(box.lat / box.n, 3), lon: round(box.lon / box.n, 3) },
      ...(places.length > 0 ? { box: placesBox(places) } : {}),
      ...(networkCounts.has(code) ? { emmaus: networkCounts.get(code)! } : {}),
    };
  }

  for (const rows of postcodes.values()) rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const version = fnv1a(JSON.stringify([[...communes], [...postcodes], [...shards], directory.dataset.services])).toString(36);
  const files = [...[...communes.keys()].map(SEARCH_FILES.communes), ...[...postcodes.keys()].map(SEARCH_FILES.postcodes), ...[...shards.keys()].map(SEARCH_FILES.places)].map(
    (file) => `${file}?v=${version}`,
  );
  const frenchKeywords = new Set(directory.dataset.services.flatMap((service) => [service.label, ...service.keywords]).map(normalize));
  const meta: Meta = {
    built,
    version,
    services: directory.dataset.services.map((service) => ({
      id: service.id,
      label: service.label,
      keywords: [...new Set([service.label, ...service.keywords, ...foreign(otherWords[service.id], frenchKeywords)].map(normalize).filter(Boolean))],
      places: directory.places.filter((place) => place.services.includes(service.id) || place.labelOffers.some((offer) => offer.service === service.id)).length,
    })),
    departements,
    languages: Object.fromEntries(LANGUAGE_IDS.map((code) => [code, label('language', code)])),
    ...(networks.length > 0 ? { networks } : {}),
    files,
    communeFiles,
    franceServices: [...new Set(foreign(otherWords['france-services']).map(normalize).filter(Boolean))],
    fillers: [...new Set((otherWords[FILLERS] ?? []).flatMap((word) => normalize(word).split(' ')).filter(Boolean))],
  };
  const towns = Object.entries(otherWords)
    .filter(([key]) => key.startsWith(TOWNS))
    .map(([key, names]) => [normalize(key.slice(TOWNS.length)), [...new Set(names.map(normalize))].filter(Boolean)] as const);
  if (towns.length > 0) meta.towns = Object.fromEntries(towns);
  // The names of the national programmes that name places ("Emmaüs Connect", "Aidants Connect"), France Services aside (a label the search reads as such).
  meta.programmeNames = [...new Set(PROGRAMME_IDS.filter((id) => id !== 'france-services').map((id) => normalize(label('programme', id))))].filter((name) => name.includes(' '));
  return { meta, communes, postcodes, shards };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOf(schedule: Schedule, list: Schedule[], seen: Map<string, number>): number {
  const key = JSON.stringify(schedule);
  let index = seen.get(key);
  if (index === undefined) {
    index = list.length;
    list.push(schedule);
    seen.set(key, index);
  }
  return index;
}
