/**
 * What each page shows, computed outside the templates: links, neighbours, groupings and
 * counts. Pure functions of the Directory (no astro:* import), unit-tested in
 * tests/unit/pages.test.ts; templates only lay the result out.
 */
import { t } from '../i18n/index.ts';
import { weekCompact, weekSummary } from '../i18n/hours.ts';
import { formatDistance } from '../lib/format.ts';
import type { CommuneSummary, DepartementSummary, Directory, PlaceEntry, RegionSummary } from '../lib/directory.ts';
import { freshness, lastConfirmation, type Freshness } from '../lib/freshness.ts';
import type { Nearby } from '../lib/nearest.ts';
import { mapPoint, type MapPoint } from '../lib/map/points.ts';
import { parsePhone, type Phone } from '../lib/phone.ts';
import { communeUrl, departementUrl, HOME_URL, regionUrl } from '../lib/routes.ts';
import type { Departement, Region } from '../lib/reference.ts';
import type { Municipality } from '../lib/schemas/charter.ts';
import type { Label } from '../lib/schemas/label.ts';
import type { Service } from '../lib/schemas/service.ts';
import { COMMITMENT_STATUS_IDS } from '../lib/vocab.ts';
import { isNetworkPlace } from '../lib/kinds.ts';
import { isReachable, type ReachFacts } from '../lib/reach.ts';
import { isResidentsOnly } from '../lib/search/audience.ts';
import { normalize } from '../lib/search/normalize.ts';
import { cardPlaceOf, readableTitle } from '../lib/search/build.ts';
import { conditions } from '../lib/card.ts';
import { frenchOrder } from '../lib/text.ts';

export interface Crumb {
  href?: string;
  label: string;
}

/** Nearby places on a place page: this many, within this distance. */
export const PLACE_NEARBY = { count: 3, km: 30 } as const;
/** Nearest places around a commune: this many, within this distance. */
export const COMMUNE_AROUND = { count: 5, km: 50 } as const;
/**
 * Past this many places a service page lists départements only, to stay light on a phone; each
 * leads to that service's places in the département (serviceDepartementPages()).
 * `SERVICE_LIST_MAX` (a whole number from 1) lowers it for a trial build (the end-to-end tests' few places).
 */
export const SERVICE_MAX_LISTED = /^[1-9]\d*$/.test(process.env.SERVICE_LIST_MAX ?? '') ? Number(process.env.SERVICE_LIST_MAX) : 300;

/** A directory entry on the map (its phone is in its contacts). */
export function entryPoint(place: PlaceEntry): MapPoint {
  return mapPoint({ id: place.id, name: place.name, lat: place.lat, lon: place.lon, kind: place.kind, phone: place.contacts.phone });
}

function crumbs(region: Region, departement?: Departement, commune?: { insee: string; slug: string; name: string }): Crumb[] {
  const list: Crumb[] = [
    { href: HOME_URL, label: t('site.nav.home') },
    { href: regionUrl(region), label: region.name },
  ];
  if (departement) list.push({ href: departementUrl(departement), label: t('departement.label', { name: departement.name, code: departement.code }) });
  if (commune) list.push({ href: communeUrl(commune), label: commune.name });
  return list;
}

export interface PlacePage {
  /** A readable title when the name reads as a code (the name then shows under it), else ''. */
  title: string;
  services: Service[];
  /** What its network or label offers in all its places, with the label (and its sources). */
  labelOffers: { service: Service; label: Label }[];
  phone: Phone | null;
  /** Street and complement, or '' when unknown. */
  addressLine: string;
  cityLine: string;
  /** The map point is on the place itself (not the commune's centre). */
  exact: boolean;
  links: { osmView: string; osmDirections: string; osmSearch: string; geo: string };
  nearby: Nearby<PlaceEntry>[];
  breadcrumbs: Crumb[];
  freshness: Freshness;
  /** When the facts were last confirmed, and by which source. */
  confirmed: { date: string; source: string } | null;
  mapPoints: MapPoint[];
}

export function placePage(directory: Directory, place: PlaceEntry, today: string): PlacePage {
  const services = directory.dataset.services.filter((service) => place.services.includes(service.id));
  const exact = place.location.precision === 'address';
  const addressLine = [place.address.street, place.address.complement].filter(Boolean).join(', ');
  const cityLine = `${place.address.postcode ?? ''} ${place.commune.name}`.trim();
  const { lat, lon } = place;
  // Among places at the same distance, the most likely to help (helpRank()).
  const nearby = directory.nearest(place, PLACE_NEARBY.count, PLACE_NEARBY.km, (other) => other.id === place.id, helpRank);
  return {
    title: readableTitle(place),
    services,
    labelOffers: place.labelOffers.map((offer) => ({
      service: directory.dataset.services.find((service) => service.id === offer.service)!,
      label: directory.dataset.labels.find((label) => label.id === offer.label)!,
    })),
    phone: place.contacts.phone ? parsePhone(place.contacts.phone) : null,
    addressLine,
    cityLine,
    exact,
    links: {
      osmView: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${exact ? 18 : 13}/${lat}/${lon}`,
      osmDirections: `https://www.openstreetmap.org/directions?route=%3B${lat}%2C${lon}`,
      osmSearch: `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${addressLine} ${cityLine}`)}`,
      geo: `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(place.name)})`,
    },
    nearby,
    breadcrumbs: [...crumbs(place.region, place.departement, place.commune), { label: place.name }],
    freshness: freshness(place, today),
    confirmed: lastConfirmation(place, directory.dataset.history),
    mapPoints: [place, ...nearby.map(({ item }) => item)].map(entryPoint),
  };
}

export interface CommunePage {
  departement: Departement;
  region: Region;
  around: Nearby<PlaceEntry>[];
  /** How many of the commune's places are stale or undated. */
  stale: number;
  breadcrumbs: Crumb[];
  mapPoints: MapPoint[];
  /** Its places, the likeliest to help first (helpRank()). */
  places: PlaceEntry[];
}

export function communePage(directory: Directory, summary: CommuneSummary, today: string): CommunePage {
  const { commune, places } = summary;
  const departement = directory.reference.departements.get(commune.departementCode)!;
  const region = directory.reference.regions.get(commune.regionCode)!;
  const around = directory.nearest(commune, COMMUNE_AROUND.count, COMMUNE_AROUND.km, (place) => place.commune.insee === commune.insee, helpRank);
  return {
    departement,
    region,
    around,
    stale: places.filter((place) => freshness(place, today) !== 'fresh').length,
    breadcrumbs: [...crumbs(region, departement), { label: commune.name }],
    mapPoints: [...places, ...around.map(({ item }) => item)].map(entryPoint),
    places: [...places].sort(helpRank),
  };
}

/** The notice above a commune's places: none, all stale, or some. */
export function staleNotice(stale: number, total: number): string | null {
  if (stale === 0) return null;
  return stale === total ? t('check.staleAll', { count: total }) : t('check.staleSome', { stale, count: total });
}

export interface DepartementPage {
  region: Region;
  withPlaces: CommuneSummary[];
  signatories: CommuneSummary[];
  breadcrumbs: Crumb[];
}

export function departementPage(directory: Directory, summary: DepartementSummary): DepartementPage {
  const region = directory.reference.regions.get(summary.departement.regionCode)!;
  return {
    region,
    withPlaces: summary.communes.filter((commune) => commune.places.length > 0),
    signatories: summary.communes.filter((commune) => commune.municipality),
    breadcrumbs: [...crumbs(region), { label: t('departement.label', { name: summary.departement.name, code: summary.departement.code }) }],
  };
}

export function regionPage(summary: RegionSummary): { breadcrumbs: Crumb[] } {
  return { breadcrumbs: [{ href: HOME_URL, label: t('site.nav.home') }, { label: summary.region.name }] };
}

export interface ServicePage {
  places: PlaceEntry[];
  groups: { departement: Departement; places: PlaceEntry[] }[];
  /** List every place (true), or only the départements with their counts. */
  listPlaces: boolean;
}

export function servicePage(directory: Directory, service: Service): ServicePage {
  const places = directory.placesByService.get(service.id) ?? [];
  const groups = [...Map.groupBy(places, (place) => place.departement.code).entries()]
    .map(([code, list]) => ({ departement: directory.reference.departements.get(code)!, places: list }))
    .sort((a, b) => a.departement.code.localeCompare(b.departement.code));
  return { places, groups, listPlaces: places.length <= SERVICE_MAX_LISTED };
}

/** A service's places in one département (see serviceDepartementUrl()): commune by commune, in the French order, each commune's likeliest to help first. */
export interface ServiceDepartementPage {
  service: Service;
  departement: Departement;
  count: number;
  communes: { name: string; places: PlaceEntry[] }[];
}

/** Every service too large to list on its page, in each département where it has places. */
export function serviceDepartementPages(directory: Directory): ServiceDepartementPage[] {
  return directory.dataset.services.flatMap((service) => {
    const page = servicePage(directory, service);
    if (page.listPlaces) return [];
    return page.groups.map(({ departement, places }) => {
      const communes = [...Map.groupBy(places, (place) => place.commune.insee).values()]
        .map((list) => ({ name: list[0]!.commune.name, places: list.sort(helpRank) }))
        .sort((a, b) => frenchOrder(a.name, b.name));
      return { service, departement, count: places.length, communes };
    });
  });
}

export interface Signatory {
  municipality: Municipality & { file: string };
  commune: { insee: string; slug: string; name: string; departementCode: string; lat: number; lon: number };
  /** "Fait : 1 · En cours : 1", or null without follow-up. */
  progress: string | null;
}

export function charterSignatories(directory: Directory): Signatory[] {
  const order = [...COMMITMENT_STATUS_IDS].reverse();
  return directory.dataset.municipalities
    .map((municipality) => {
      const counts = order
        .map((status) => [status, municipality.commitments.filter((item) => item.status === status).length] as const)
        .filter(([, count]) => count > 0)
        .map(([status, count]) => t('charter.statusCount', { status: t(`commitmentStatus.${status}`), count }));
      return { municipality, commune: directory.reference.communes.get(municipality.insee)!, progress: counts.length > 0 ? counts.join(' · ') : null };
    })
    .sort((a, b) => frenchOrder(a.commune.name, b.commune.name));
}

export interface HomePage {
  network: PlaceEntry[];
  relays: PlaceEntry[];
  networkServices: Service[];
  metropole: RegionSummary[];
  overseas: RegionSummary[];
}

export function homePage(directory: Directory): HomePage {
  return {
    // A place a person can reach first: never a dead end at the top of the list.
    network: directory.places.filter((place) => place.kind === 'solidarity-space').sort(reachableFirst),
    relays: directory.places.filter((place) => place.kind === 'relay').sort(reachableFirst),
    networkServices: directory.dataset.services.filter((service) => service.network === 'emmaus-connect'),
    // Overseas régions have one-digit codes (01 Guadeloupe … 06 Mayotte).
    metropole: directory.regions.filter((summary) => Number(summary.region.code) >= 10),
    overseas: directory.regions.filter((summary) => Number(summary.region.code) < 10),
  };
}

export interface TimelineStep {
  date: string;
  label: string;
  status: string | null;
  evidence: string | null;
}

/** A signatory's steps, oldest first: the signature, then each commitment's last known state. */
export function charterTimeline(charter: { commitments: readonly { id: string; label: string }[] }, municipality: Municipality): TimelineStep[] {
  const steps: TimelineStep[] = [{ date: municipality.signed, label: t('charter.timelineSigned'), status: null, evidence: municipality.evidence ?? null }];
  for (const followUp of municipality.commitments) {
    const commitment = charter.commitments.find((item) => item.id === followUp.commitment);
    if (commitment) steps.push({ date: followUp.date, label: commitment.label, status: followUp.status, evidence: followUp.evidence ?? null });
  }
  return steps.sort((a, b) => a.date.localeCompare(b.date));
}

/** How many places the widget lists (the rest is one link away): a town's page stays light. */
export const WIDGET_MAX = 100;

/** How many places a poster may list at most, by paper: more never fit on one page (see posterFit). */
export const POSTER_MAX = { a4: 6, a3: 14 } as const;
export type Paper = keyof typeof POSTER_MAX;

/** What says whether a place can be reached (lib/reach.ts). */
export function reachFacts(place: PlaceEntry): ReachFacts {
  return { ...place.contacts, street: place.address.street, hoursKnown: place.schedule !== null };
}

/** Places that can be reached first, then by name. */
function reachableFirst(a: PlaceEntry, b: PlaceEntry): number {
  return Number(!isReachable(reachFacts(a))) - Number(!isReachable(reachFacts(b))) || frenchOrder(a.name, b.name);
}

/** Minutes a week a place is open, in its usual week (0 when unknown). */
function weeklyMinutes(place: PlaceEntry): number {
  let minutes = 0;
  for (const day of place.schedule?.week ?? []) for (let i = 0; i + 1 < day.length; i += 2) minutes += day[i + 1]! - day[i]!;
  return minutes;
}

/**
 * How likely a place is to help someone who reads about it on a poster, a commune's page or a
 * town's site, most likely first: one open to all (a place only for its residents helps no one
 * else: last), one they can reach (a phone, an e-mail, or an address with hours), then the
 * network's own places (only when reachable), one they can call, whose hours are known, open more
 * hours a week, checked more recently. Never the alphabet.
 */
export function helpRank(a: PlaceEntry, b: PlaceEntry): number {
  return helpScore(a) - helpScore(b) || weeklyMinutes(b) - weeklyMinutes(a) || (b.verified ?? '').localeCompare(a.verified ?? '') || frenchOrder(a.name, b.name);
}

/** helpRank()'s score of each place, once per build: a poster, a widget and an area's page sort the same places. */
const helpScores = new WeakMap<PlaceEntry, number>();

function helpScore(place: PlaceEntry): number {
  let score = helpScores.get(place);
  if (score === undefined) {
    const reachable = isReachable(reachFacts(place));
    score =
      (isResidentsOnly({ name: place.name, typologie: place.national?.typologie ?? [] }) ? 32 : 0) +
      (reachable ? 0 : 16) +
      (reachable && isNetworkPlace(place) ? 0 : 8) +
      (place.contacts.phone ? 0 : 4) +
      (place.schedule ? 0 : 2);
    helpScores.set(place, score);
  }
  return score;
}

/**
 * What makes two records one place: the same name in the same commune, or the same phone at the
 * same street. Written once per place and build, and looked up: comparing each place with each
 * kept one normalized names and read phones n² times: 19 s of the 50,000-place build's profile.
 */
const helpKeys = new WeakMap<PlaceEntry, { name: string; phone: string | null }>();

function helpKeysOf(place: PlaceEntry): { name: string; phone: string | null } {
  let keys = helpKeys.get(place);
  if (!keys) {
    const dial = place.contacts.phone ? parsePhone(place.contacts.phone)?.dial : undefined;
    keys = {
      name: `${place.commune.insee}|${normalize(place.name)}`,
      phone: dial === undefined ? null : `${place.commune.insee}|${dial}|${normalize(place.address.street ?? '')}`,
    };
    helpKeys.set(place, keys);
  }
  return keys;
}

/** The places a poster or a town's widget shows, most likely to help first, each once; `more` counts the others. */
export function posterPlaces(places: readonly PlaceEntry[], max: number): { shown: PlaceEntry[]; more: number } {
  const distinct: PlaceEntry[] = [];
  const names = new Set<string>();
  const phones = new Set<string>();
  for (const place of [...places].sort(helpRank)) {
    const keys = helpKeysOf(place);
    if (names.has(keys.name) || (keys.phone !== null && phones.has(keys.phone))) continue;
    names.add(keys.name);
    if (keys.phone !== null) phones.add(keys.phone);
    distinct.push(place);
  }
  return { shown: distinct.slice(0, max), more: Math.max(0, distinct.length - max) };
}

/** « 12 rue de la Gare, 59100 Roubaix »: the street when known, then the postcode and the commune (poster, widget). */
export function postalAddress(place: Pick<PlaceEntry, 'address'>, communeName: string): string {
  // No street known: the building named in the address (as the search's cards: cardPlaceOf()).
  return [place.address.street ?? place.address.complement, `${place.address.postcode ?? ''} ${communeName}`.trim()].filter(Boolean).join(', ');
}

/** A place as its poster prints it. */
export interface PosterCard {
  id: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  /** False when neither a phone nor an e-mail is known: « Téléphone : non renseigné » is printed small, not as a number to call. */
  reachable: boolean;
  /** What the place asks (« Il faut être orienté par un travailleur social · Sur rendez-vous »), '' when it does not say: known before going. */
  asks?: string;
  /** « à 12 km » for a place of another commune; null for the commune's own. */
  distance: string | null;
}

/** A place's card without its distance, written once per build (a place is near many communes). */
const posterCards = new WeakMap<PlaceEntry, Omit<PosterCard, 'distance'>>();

export function posterCard(place: PlaceEntry, km: number | null): PosterCard {
  let card = posterCards.get(place);
  if (!card) {
    const phone = place.contacts.phone ? parsePhone(place.contacts.phone) : null;
    card = {
      id: place.id,
      name: place.name,
      address: postalAddress(place, place.commune.name),
      hours: place.schedule ? weekCompact(t, place.schedule.week).join(t('hours.separator')) || t('hours.closedAllDay') : weekSummary(t, null, phone !== null),
      phone: phone ? t('poster.phone', { phone: phone.display }) : place.contacts.email ? t('poster.email', { email: place.contacts.email }) : t('widget.noPhone'),
      reachable: phone !== null || Boolean(place.contacts.email),
      asks: conditions(t, cardPlaceOf(place)),
    };
    posterCards.set(place, card);
  }
  return { ...card, distance: km === null ? null : t('card.distance', { distance: formatDistance(t, km) }) };
}

/**
 * Room on a poster, in points, by paper. A4 measured in Chromium on the real build (12 pt
 * text): a card is 80 pt with one line for each of its name, address, hours and phone, and each
 * more line adds its own height. A3 prints 14 pt text in two columns (global.css): heights grow
 * by 14/12 and a column holds fewer characters a line (128 mm instead of 186 mm). Characters per
 * line are counted for a font a little wider than the one measured (system-ui), so the estimate
 * errs on the side of room: a poster never spills onto a second page.
 */
const A3_SCALE = 14 / 12;
const A3_LINE = 128 / 186 / A3_SCALE;
export const POSTER_ROOM = {
  a4: {
    page: 774,
    columns: 1,
    /** The title and a lead on two lines, beside the QR code. */
    head: 134,
    foot: 54,
    more: 21,
    card: 80,
    /** [characters per line, height of one more line] */
    lead: [39, 19],
    name: [52, 17],
    address: [70, 15],
    hours: [85, 14],
  },
  a3: {
    page: 1105,
    columns: 2,
    head: Math.ceil(134 * A3_SCALE),
    foot: Math.ceil(54 * A3_SCALE),
    more: Math.ceil(21 * A3_SCALE),
    card: Math.ceil(80 * A3_SCALE),
    lead: [48, Math.ceil(19 * A3_SCALE)],
    name: [Math.floor(52 * A3_LINE), Math.ceil(17 * A3_SCALE)],
    address: [Math.floor(70 * A3_LINE), Math.ceil(15 * A3_SCALE)],
    hours: [Math.floor(85 * A3_LINE), Math.ceil(14 * A3_SCALE)],
  },
} as const;

type Room = (typeof POSTER_ROOM)[Paper];

/** The height of the lines a text takes beyond the first `counted` ones. */
function extraLines(text: string, [perLine, height]: readonly [number, number], counted = 1): number {
  return Math.max(0, Math.ceil(text.length / perLine) - counted) * height;
}

export function posterCardHeight(card: Pick<PosterCard, 'name' | 'address' | 'hours' | 'distance' | 'asks'>, paper: Paper = 'a4'): number {
  const room: Room = POSTER_ROOM[paper];
  const address = card.distance ? `${card.address} ${card.distance}` : card.address;
  // What the place asks is written as the hours are, each of its lines counted.
  return room.card + extraLines(card.name, room.name) + extraLines(address, room.address) + extraLines(card.hours, room.hours) + extraLines(card.asks ?? '', room.hours, 0);
}

/**
 * The first cards that fit on the poster's one page (at least one), and how many places are
 * left for « Et 3 autres lieux : scannez le code ». On A3 the cards fill two columns; a column
 * may end one card early (a card is never cut), so each column keeps room for its tallest card.
 */
export function posterFit<T extends Pick<PosterCard, 'name' | 'address' | 'hours' | 'distance' | 'asks'>>(
  cards: readonly T[],
  total: number,
  lead: string,
  paper: Paper = 'a4',
): { shown: T[]; more: number } {
  const room: Room = POSTER_ROOM[paper];
  const column = room.page - room.head - extraLines(lead, room.lead, 2) - room.foot;
  let used = 0;
  let tallest = 0;
  let count = 0;
  for (const card of cards.slice(0, POSTER_MAX[paper])) {
    const height = posterCardHeight(card, paper);
    const more = count + 1 < total ? room.more : 0;
    const available = room.columns * column - (room.columns - 1) * Math.max(tallest, height);
    if (count > 0 && used + height + more > available) break;
    used += height;
    tallest = Math.max(tallest, height);
    count++;
  }
  return { shown: cards.slice(0, count), more: total - count };
}

/**
 * What a poster prints: its lead and one list of cards, of which A4 prints the first `a4.count`
 * and A3 all (`a3.count`); how many places are left on each paper.
 */
export interface PosterView {
  lead: string;
  cards: PosterCard[];
  a4: { count: number; more: number };
  a3: { count: number; more: number };
}

/**
 * A commune's poster: its own places most likely to help first, then (to fill the page, or
 * for a commune without a place) the nearest places around, nearest first, each with its distance.
 */
export function posterView(commune: { name: string }, places: readonly PlaceEntry[], around: readonly Nearby<PlaceEntry>[]): PosterView {
  const own = posterPlaces(places, POSTER_MAX.a3);
  const ownCards = own.shown.map((place) => posterCard(place, null));
  const aroundCards = [...around].sort((a, b) => Number(!isReachable(reachFacts(a.item))) - Number(!isReachable(reachFacts(b.item))) || a.km - b.km).map(({ item, km }) => posterCard(item, km));
  const lead = t(places.length > 0 ? 'poster.lead' : 'poster.leadAround', { name: commune.name });
  const ownTotal = own.shown.length + own.more;
  const cards = [...ownCards, ...aroundCards];
  const fit = (paper: Paper) => {
    const { shown } = posterFit(cards, ownTotal + aroundCards.length, lead, paper);
    // Places around that did not fit are not « autres lieux » of the commune.
    return { count: shown.length, more: Math.max(0, ownTotal - shown.filter((card) => card.distance === null).length) };
  };
  const a4 = fit('a4');
  const a3 = fit('a3');
  // A3 holds at least what A4 holds (the list is one, A4 prints its beginning).
  return { lead, cards: cards.slice(0, Math.max(a4.count, a3.count)), a4, a3: { ...a3, count: Math.max(a4.count, a3.count) } };
}

/** Closures that end today or later. */
export function upcomingClosures<T extends { to: string }>(closures: readonly T[], today: string): T[] {
  return closures.filter((closure) => closure.to >= today);
}
