/** Build-time side of the search: the static files described in ./data.ts. */
import type { Directory, PlaceEntry } from '../directory.ts';
import type { Schedule } from '../hours/types.ts';
import { parsePhone } from '../phone.ts';
import { label } from '../../i18n/index.ts';
import { SEARCH_FILES } from '../routes.ts';
import { fnv1a } from '../text.ts';
import { LANGUAGE_IDS } from '../vocab.ts';
import type { CommuneRow, Meta, PlaceShard, PostcodeRow } from './data.ts';
import { communeShard, normalize } from './normalize.ts';
import { encodePlace, FLAG } from './row.ts';

/** Two départements are neighbours when their communes come within about 60 km. */
const NEIGHBOUR_MARGIN_DEGREES = 0.6;

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function placeFlags(place: PlaceEntry): number {
  let flags = 0;
  if (place.access.fees.includes('free')) flags |= FLAG.free;
  if (place.access.referral === 'not-required') flags |= FLAG.noReferral;
  if (place.access.referral === 'required') flags |= FLAG.referralRequired;
  if (place.access.appointment === 'walk-in' || place.access.appointment === 'both') flags |= FLAG.walkIn;
  if (place.access.appointment === 'required') flags |= FLAG.appointmentRequired;
  if (place.accessibility.wheelchair === 'yes') flags |= FLAG.wheelchair;
  if (place.kind !== 'other' || place.programmes.includes('emmaus-connect') || place.programmes.includes('relais-emmaus-connect')) flags |= FLAG.emmaus;
  if ((place.schedule?.week[5]?.length ?? 0) > 0) flags |= FLAG.saturday;
  return flags;
}

export interface SearchFiles {
  meta: Meta;
  communes: Map<string, CommuneRow[]>;
  postcodes: Map<string, PostcodeRow[]>;
  shards: Map<string, PlaceShard>;
}

export function buildSearchFiles(directory: Directory, built: string): SearchFiles {
  const { reference } = directory;
  const communes = new Map<string, CommuneRow[]>();
  const postcodes = new Map<string, PostcodeRow[]>();
  const boxes = new Map<string, { south: number; north: number; west: number; east: number; lat: number; lon: number; n: number }>();
  for (const commune of reference.communes.values()) {
    // A commune's centre to about 100 m is enough to measure distances to it.
    const lat = round(commune.lat, 3);
    const lon = round(commune.lon, 3);
    const letter = communeShard(normalize(commune.name));
    push(communes, letter, [commune.insee, commune.name, lat, lon] satisfies CommuneRow);
    for (const postcode of commune.postcodes) push(postcodes, postcode.slice(0, 2), [postcode, commune.insee, letter] satisfies PostcodeRow);
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

  const serviceIndex = new Map(directory.dataset.services.map((service, index) => [service.id, index]));
  const shards = new Map<string, PlaceShard>();
  const scheduleIndex = new Map<string, Map<string, number>>();
  const communeIndex = new Map<string, Map<string, number>>();
  for (const place of directory.places) {
    const code = place.departement.code;
    let shard = shards.get(code);
    if (!shard) {
      shard = { places: [], communes: [], schedules: [] };
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
    const phone = place.contacts.phone ? parsePhone(place.contacts.phone) : null;
    shard.places.push(
      encodePlace({
        id: place.id,
        name: place.name,
        kind: place.kind,
        lat: place.lat,
        lon: place.lon,
        communeIndex: communeOf.get(place.commune.name)!,
        phone: phone?.display ?? '',
        flags: placeFlags(place),
        services: place.services.map((id) => serviceIndex.get(id)!),
        languages: place.languages,
        scheduleIndex: schedule,
      }),
    );
  }

  const departements: Meta['departements'] = {};
  for (const [code, departement] of reference.departements) {
    const box = boxes.get(code);
    if (!box) continue;
    const neighbours = [...boxes.entries()]
      .filter(([other, b]) => other !== code && b.south - NEIGHBOUR_MARGIN_DEGREES <= box.north && b.north + NEIGHBOUR_MARGIN_DEGREES >= box.south && b.west - NEIGHBOUR_MARGIN_DEGREES <= box.east && b.east + NEIGHBOUR_MARGIN_DEGREES >= box.west)
      .map(([other]) => other);
    departements[code] = {
      name: departement.name,
      neighbours,
      places: shards.get(code)?.places.length ?? 0,
      centre: { lat: round(box.lat / box.n, 3), lon: round(box.lon / box.n, 3) },
    };
  }

  for (const rows of postcodes.values()) rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  const version = fnv1a(JSON.stringify([[...communes], [...postcodes], [...shards], directory.dataset.services])).toString(36);
  const files = [
    ...[...communes.keys()].map(SEARCH_FILES.communes),
    ...[...postcodes.keys()].map(SEARCH_FILES.postcodes),
    ...[...shards.keys()].map(SEARCH_FILES.places),
  ].map((file) => `${file}?v=${version}`);
  const meta: Meta = {
    built,
    version,
    services: directory.dataset.services.map((service) => ({
      id: service.id,
      label: service.label,
      keywords: [...new Set([service.label, ...service.keywords].map(normalize))],
    })),
    departements,
    languages: Object.fromEntries(LANGUAGE_IDS.map((code) => [code, label('language', code)])),
    files,
  };
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
