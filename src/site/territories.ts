/**
 * The territories a town hall, an intercommunality or a département looks after: their
 * places, checklist and who is far from help. Computed once per build from the Directory and
 * the official reference (population, EPCI); pages only lay it out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Directory, PlaceEntry } from '../lib/directory.ts';
import type { Commune, Departement } from '../lib/reference.ts';
import { officialTerritory, type Epci, type Territory } from '../lib/territory/official.ts';
import { bandOf, coverage, reachOf, type CommuneReach, type Coverage, type Reach } from '../lib/territory/coverage.ts';
import { ringsOf, sketch, type Rings, type Sketch } from '../lib/territory/sketch.ts';
import { isNetworkPlace } from '../lib/kinds.ts';

export interface EpciSummary {
  epci: Epci;
  /** Member communes known to the reference, by name. */
  communes: Commune[];
  /** Départements it spans, by code. */
  departements: string[];
  places: PlaceEntry[];
}

export interface Territories {
  territory: Territory;
  reach: Map<string, Reach>;
  epcis: Map<string, EpciSummary>;
  /** EPCIs with a member in each département. */
  epcisByDepartement: Map<string, EpciSummary[]>;
  rowOf(commune: Commune): CommuneReach;
}

const cache = new WeakMap<Directory, Territories>();
const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function territoriesOf(directory: Directory, territory: Territory = officialTerritory()): Territories {
  const known = cache.get(directory);
  if (known) return known;
  const communes = [...directory.reference.communes.values()];
  const reach = reachOf(communes, directory.places, directory.places.filter(isNetworkPlace));
  const epcis = new Map<string, EpciSummary>();
  const epcisByDepartement = new Map<string, EpciSummary[]>();
  for (const epci of territory.epcis.values()) {
    const members = epci.members.map((insee) => directory.reference.communes.get(insee)).filter((commune): commune is Commune => Boolean(commune));
    if (members.length === 0) continue;
    members.sort((a, b) => byName.compare(a.name, b.name));
    const departements = [...new Set(members.map((commune) => commune.departementCode))].sort();
    const places = members.flatMap((commune) => directory.communesByInsee.get(commune.insee)?.places ?? []);
    const summary = { epci, communes: members, departements, places };
    epcis.set(epci.siren, summary);
    for (const code of departements) epcisByDepartement.set(code, [...(epcisByDepartement.get(code) ?? []), summary]);
  }
  for (const list of epcisByDepartement.values()) list.sort((a, b) => byName.compare(a.epci.name, b.epci.name));
  const result: Territories = {
    territory,
    reach,
    epcis,
    epcisByDepartement,
    rowOf: (commune) => ({ insee: commune.insee, population: territory.population.get(commune.insee) ?? null, ...reach.get(commune.insee)! }),
  };
  cache.set(directory, result);
  return result;
}

export interface AreaView {
  coverage: Coverage;
  /** The far communes with their names, for the table. */
  far: (CommuneReach & { commune: Commune })[];
  sketch: Sketch<SketchData>;
}

/** A far commune: its name and distance (a title on hover), and the furthest few named on the map. */
type SketchData = { kind: 'place'; name: string } | { kind: 'commune'; name: string; band: number; km: number | null; named: boolean };

/** How many of the furthest communes are named on a territory's map. */
export const NAMED_ON_MAP = 5;

let outlines: Map<string, Rings> | undefined;

/** Départements' simplified outlines (the map's own file in public/carte/). */
function departementOutlines(): Map<string, Rings> {
  outlines ??= new Map(
    (
      JSON.parse(readFileSync(join(process.cwd(), 'public/carte/departements.geojson'), 'utf8')) as {
        features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[];
      }
    ).features.map((feature) => [feature.properties.code, ringsOf(feature.geometry)]),
  );
  return outlines;
}

/** What a département's or an EPCI's page shows about who is far from help. */
export function areaView(directory: Directory, communes: readonly Commune[], departements: readonly string[], places: readonly PlaceEntry[]): AreaView {
  const territories = territoriesOf(directory);
  const rows = communes.map((commune) => territories.rowOf(commune));
  const result = coverage(rows);
  const named = new Map(communes.map((commune) => [commune.insee, commune]));
  // Every commune has its page (those without a place too: integrations/commune-pages.ts).
  const far = result.far.map((row) => ({ ...row, commune: named.get(row.insee)! }));
  const shapes = departements.map((code) => departementOutlines().get(code)).filter((rings): rings is Rings => Boolean(rings));
  return {
    coverage: result,
    far,
    sketch: sketch<SketchData>(shapes, [
      ...far.map((row, rank) => ({
        lat: row.commune.lat,
        lon: row.commune.lon,
        data: { kind: 'commune' as const, name: row.commune.name, band: bandOf(row.km), km: row.km, named: rank < NAMED_ON_MAP },
      })),
      ...places.map((place) => ({ lat: place.lat, lon: place.lon, data: { kind: 'place' as const, name: place.name } })),
    ]),
  };
}

export function departementCommunes(directory: Directory, departement: Departement): Commune[] {
  return [...directory.reference.communes.values()].filter((commune) => commune.departementCode === departement.code).sort((a, b) => byName.compare(a.name, b.name));
}

/** Metropolitan France (overseas départements are listed, not drawn: they would shrink the map). */
export function metropolitanSketch<T>(points: readonly { lat: number; lon: number; data: T }[]): Sketch<T> {
  const shapes = [...departementOutlines()].filter(([code]) => !code.startsWith('97')).map(([, rings]) => rings);
  return sketch(
    shapes,
    points.filter((point) => point.lon > -6 && point.lon < 10 && point.lat > 41 && point.lat < 52),
  );
}
