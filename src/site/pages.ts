/**
 * What each page shows, computed outside the templates: links, neighbours, groupings and
 * counts. Pure functions of the Directory (no astro:* import), unit-tested in
 * tests/unit/pages.test.ts; templates only lay the result out.
 */
import { t } from '../i18n/index.ts';
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
import { readableTitle } from '../lib/search/build.ts';

export interface Crumb {
  href?: string;
  label: string;
}

/** Nearby places on a place page: this many, within this distance. */
export const PLACE_NEARBY = { count: 3, km: 30 } as const;
/** Nearest places around a commune: this many, within this distance. */
export const COMMUNE_AROUND = { count: 5, km: 50 } as const;
/** Past this many places a service page lists départements only, to stay light on a phone. */
export const SERVICE_MAX_LISTED = 300;

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
  const nearby = directory.nearest(place, PLACE_NEARBY.count, PLACE_NEARBY.km, (other) => other.id === place.id);
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
}

export function communePage(directory: Directory, summary: CommuneSummary, today: string): CommunePage {
  const { commune, places } = summary;
  const departement = directory.reference.departements.get(commune.departementCode)!;
  const region = directory.reference.regions.get(commune.regionCode)!;
  const around = directory.nearest(commune, COMMUNE_AROUND.count, COMMUNE_AROUND.km, (place) => place.commune.insee === commune.insee);
  return {
    departement,
    region,
    around,
    stale: places.filter((place) => freshness(place, today) !== 'fresh').length,
    breadcrumbs: [...crumbs(region, departement), { label: commune.name }],
    mapPoints: [...places, ...around.map(({ item }) => item)].map(entryPoint),
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
  const byDepartement = new Map<string, PlaceEntry[]>();
  for (const place of places) byDepartement.set(place.departement.code, [...(byDepartement.get(place.departement.code) ?? []), place]);
  const groups = [...byDepartement.entries()]
    .map(([code, list]) => ({ departement: directory.reference.departements.get(code)!, places: list }))
    .sort((a, b) => a.departement.code.localeCompare(b.departement.code));
  return { places, groups, listPlaces: places.length <= SERVICE_MAX_LISTED };
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
    .sort((a, b) => a.commune.name.localeCompare(b.commune.name, 'fr'));
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
    network: directory.places.filter((place) => place.kind === 'solidarity-space'),
    relays: directory.places.filter((place) => place.kind === 'relay'),
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

/** How many places a poster lists: more would not fit on one page. */
export const POSTER_MAX = 6;

/** The places a commune's poster (or widget) shows: the network's first, then those that can be called and whose hours are known. */
export function posterPlaces(places: readonly PlaceEntry[], max: number): { shown: PlaceEntry[]; more: number } {
  const rank = (place: PlaceEntry) => (isNetworkPlace(place) ? 0 : 4) + (place.contacts.phone ? 0 : 2) + (place.hours.openingHours ? 0 : 1);
  const sorted = [...places].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'fr'));
  return { shown: sorted.slice(0, max), more: Math.max(0, places.length - max) };
}

/** « 12 rue de la Gare, 59100 Roubaix »: the street when known, then the postcode and the commune (poster, widget). */
export function postalAddress(place: Pick<PlaceEntry, 'address'>, communeName: string): string {
  return [place.address.street, `${place.address.postcode ?? ''} ${communeName}`.trim()].filter(Boolean).join(', ');
}

/** A place as its poster prints it. */
export interface PosterCard {
  name: string;
  address: string;
  hours: string;
}

/**
 * Room on a poster, in points of an A4 page (A3 is the same poster scaled by about √2, see
 * global.css). Heights measured in Chromium on the real build: a card is 80 pt with one line
 * for each of its name, address, hours and phone, and each more line adds its own height.
 * Characters per line are counted for a font a little wider than the one measured (system-ui),
 * so the estimate errs on the side of room: a poster never spills onto a second page.
 */
export const POSTER_ROOM = {
  page: 774,
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
} as const;

/** The height of the lines a text takes beyond the first `counted` ones. */
function extraLines(text: string, [perLine, height]: readonly [number, number], counted = 1): number {
  return Math.max(0, Math.ceil(text.length / perLine) - counted) * height;
}

export function posterCardHeight(card: PosterCard): number {
  return POSTER_ROOM.card + extraLines(card.name, POSTER_ROOM.name) + extraLines(card.address, POSTER_ROOM.address) + extraLines(card.hours, POSTER_ROOM.hours);
}

/**
 * The first cards that fit on the poster's one page (at least one), and how many of the
 * commune's places are left for « Et 3 autres lieux : scannez le code ».
 */
export function posterFit<T extends PosterCard>(cards: readonly T[], total: number, lead: string): { shown: T[]; more: number } {
  const room = POSTER_ROOM.page - POSTER_ROOM.head - extraLines(lead, POSTER_ROOM.lead, 2) - POSTER_ROOM.foot;
  let used = 0;
  let count = 0;
  for (const card of cards) {
    used += posterCardHeight(card);
    const more = count + 1 < total ? POSTER_ROOM.more : 0;
    if (count > 0 && used + more > room) break;
    count++;
  }
  return { shown: cards.slice(0, count), more: total - count };
}

/** Closures that end today or later. */
export function upcomingClosures<T extends { to: string }>(closures: readonly T[], today: string): T[] {
  return closures.filter((closure) => closure.to >= today);
}
