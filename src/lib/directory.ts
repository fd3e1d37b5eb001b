/**
 * The directory as pages need it: places joined to their commune, département and région,
 * grouped once. Built once per build from the validated dataset (never per page).
 */
import { shiftDate } from './dates.ts';
import { timeZoneOfDepartement } from './geo.ts';
import { buildSchedule, releaseParsedHours } from './hours/schedule.ts';
import type { Schedule } from './hours/types.ts';
import { NearestIndex, type Nearby } from './nearest.ts';
import { canBeContacted } from './reach.ts';
import type { Commune, Departement, Reference, Region } from './reference.ts';
import type { Municipality } from './schemas/charter.ts';
import type { Label } from './schemas/label.ts';
import type { Place } from './schemas/place.ts';
import type { Dataset } from './validate.ts';

export interface PlaceEntry extends Place {
  file: string;
  schedule: Schedule | null;
  commune: Commune;
  departement: Departement;
  region: Region;
  lat: number;
  lon: number;
  /** Services the place offers because of its network or label (data/labels.yaml), beyond its own list. */
  labelOffers: LabelOffer[];
  /** Its network's published contact, for a place that has no phone, no e-mail and no booking link of its own. */
  networkContact: NonNullable<Label['contact']> | null;
}

export interface LabelOffer {
  service: string;
  /** The label's id in data/labels.yaml. */
  label: string;
}

function labelApplies(label: Label, place: Pick<Place, 'kind' | 'programmes'>): boolean {
  return 'kind' in label.places ? place.kind === label.places.kind : place.programmes.includes(label.places.programme);
}

/** The contact its network publishes, for a place that cannot be called, written to or booked itself. */
export function networkContactOf(place: Pick<Place, 'kind' | 'programmes' | 'contacts'>, labels: readonly Label[]): NonNullable<Label['contact']> | null {
  if (canBeContacted(place.contacts)) return null;
  return labels.find((label) => label.contact && labelApplies(label, place))?.contact ?? null;
}

/** The labels a place belongs to (by its kind or a programme), and what they add to its own services. */
export function labelOffers(place: Pick<Place, 'kind' | 'programmes' | 'services'>, labels: readonly Label[]): LabelOffer[] {
  const offers: LabelOffer[] = [];
  for (const label of labels) {
    if (!labelApplies(label, place)) continue;
    for (const service of label.services) {
      if (!place.services.includes(service) && !offers.some((offer) => offer.service === service)) offers.push({ service, label: label.id });
    }
  }
  return offers;
}

export interface CommuneSummary {
  commune: Commune;
  places: PlaceEntry[];
  municipality: (Municipality & { file: string }) | undefined;
}

export interface DepartementSummary {
  departement: Departement;
  communes: CommuneSummary[];
  placeCount: number;
}

export interface RegionSummary {
  region: Region;
  departements: DepartementSummary[];
  placeCount: number;
}

export interface Directory {
  dataset: Dataset;
  reference: Reference;
  places: PlaceEntry[];
  placesById: Map<string, PlaceEntry>;
  communes: CommuneSummary[];
  communesByInsee: Map<string, CommuneSummary>;
  departements: Map<string, DepartementSummary>;
  regions: RegionSummary[];
  placesByService: Map<string, PlaceEntry[]>;
  /** See NearestIndex.nearest(): `ties` orders the places at the same distance. */
  nearest(point: { lat: number; lon: number }, count: number, maxKm: number, exclude?: (place: PlaceEntry) => boolean, ties?: (a: PlaceEntry, b: PlaceEntry) => number): Nearby<PlaceEntry>[];
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The schedule start for a build date: the day before, so that no time zone is left behind. */
export function scheduleStartFor(buildDate: string): string {
  return shiftDate(buildDate, -1);
}

/** Opening hours of a place as the browser needs them (see hours/schedule.ts). */
function placeSchedule(place: Place, reference: Reference, start: string): Schedule | null {
  if (place.hours.openingHours === null) return null;
  const commune = reference.communes.get(place.address.insee)!;
  const departement = reference.departements.get(commune.departementCode)!;
  return buildSchedule(
    {
      openingHours: place.hours.openingHours,
      closures: place.hours.closures,
      departementName: departement.name,
      lat: place.location.lat,
      lon: place.location.lon,
      tz: timeZoneOfDepartement(departement.code),
    },
    start,
  );
}

/** Everything pages show, made once per build; each place's schedule starts at `scheduleStart`. */
export function buildDirectory(dataset: Dataset, reference: Reference, scheduleStart: string): Directory {
  const places: PlaceEntry[] = dataset.places
    .map((place) => {
      const commune = reference.communes.get(place.address.insee)!;
      const departement = reference.departements.get(commune.departementCode)!;
      const region = reference.regions.get(commune.regionCode)!;
      const schedule = placeSchedule(place, reference, scheduleStart);
      return {
        ...place,
        commune,
        departement,
        region,
        lat: place.location.lat,
        lon: place.location.lon,
        schedule,
        labelOffers: labelOffers(place, dataset.labels),
        networkContact: networkContactOf(place, dataset.labels),
      };
    })
    .sort((a, b) => byName.compare(a.name, b.name));
  releaseParsedHours();

  const communesByInsee = new Map<string, CommuneSummary>();
  const summaryOf = (commune: Commune): CommuneSummary => {
    let summary = communesByInsee.get(commune.insee);
    if (!summary) {
      summary = { commune, places: [], municipality: undefined };
      communesByInsee.set(commune.insee, summary);
    }
    return summary;
  };
  for (const place of places) summaryOf(place.commune).places.push(place);
  for (const municipality of dataset.municipalities) {
    summaryOf(reference.communes.get(municipality.insee)!).municipality = municipality;
  }
  const communes = [...communesByInsee.values()].sort((a, b) => byName.compare(a.commune.name, b.commune.name));

  const departements = new Map<string, DepartementSummary>();
  for (const departement of reference.departements.values()) {
    departements.set(departement.code, { departement, communes: [], placeCount: 0 });
  }
  for (const summary of communes) {
    const departement = departements.get(summary.commune.departementCode)!;
    departement.communes.push(summary);
    departement.placeCount += summary.places.length;
  }

  const regions: RegionSummary[] = [...reference.regions.values()]
    .map((region) => {
      const own = [...departements.values()].filter((d) => d.departement.regionCode === region.code).sort((a, b) => a.departement.code.localeCompare(b.departement.code));
      return { region, departements: own, placeCount: own.reduce((sum, d) => sum + d.placeCount, 0) };
    })
    .sort((a, b) => byName.compare(a.region.name, b.region.name));

  const placesByService = new Map<string, PlaceEntry[]>(dataset.services.map((service) => [service.id, []]));
  for (const place of places) {
    for (const service of place.services) placesByService.get(service)!.push(place);
    for (const offer of place.labelOffers) placesByService.get(offer.service)!.push(place);
  }

  const index = new NearestIndex(places);

  return {
    dataset,
    reference,
    places,
    placesById: new Map(places.map((place) => [place.id, place])),
    communes,
    communesByInsee,
    departements,
    regions,
    placesByService,
    nearest: (point, count, maxKm, exclude, ties) => index.nearest(point, count, maxKm, exclude, ties),
  };
}
