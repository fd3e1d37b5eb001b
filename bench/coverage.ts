/**
 * Build-time cost of "who is far from help": the distance from every commune's centre to the
 * nearest help point and to the nearest Emmaüs Connect place, then the totals of every
 * département and EPCI (what the territory pages show). Budget: under 5 s at 50,000 places.
 */
import { loadData } from '../src/lib/dataset.ts';
import { isNetworkPlace } from '../src/lib/kinds.ts';
import { coverage, reachOf } from '../src/lib/territory/coverage.ts';
import { officialTerritory } from '../src/lib/territory/official.ts';

export interface CoverageFigures {
  communes: number;
  places: number;
  /** Distances of every commune, in ms. */
  distancesMs: number;
  /** Totals of every département and EPCI, in ms. */
  totalsMs: number;
  /** France as a whole: communes and people beyond 5, 10 and 20 km of any help point. */
  beyond: { km: number; communes: number; population: number }[];
}

export async function benchCoverage(dataDir: string): Promise<CoverageFigures> {
  const { dataset, reference } = await loadData({ dataDir, referenceDataDir: 'data' });
  const territory = officialTerritory();
  const communes = [...reference.communes.values()];
  const points = dataset.places.map((place) => ({ ...place.location, kind: place.kind, programmes: place.programmes }));
  const started = performance.now();
  const reach = reachOf(communes, points, points.filter(isNetworkPlace));
  const distancesMs = performance.now() - started;
  const rowOf = (insee: string) => ({ insee, population: territory.population.get(insee) ?? null, ...reach.get(insee)! });
  const totalsStarted = performance.now();
  const byDepartement = new Map<string, string[]>();
  for (const commune of communes) byDepartement.set(commune.departementCode, [...(byDepartement.get(commune.departementCode) ?? []), commune.insee]);
  for (const members of byDepartement.values()) coverage(members.map(rowOf));
  for (const epci of territory.epcis.values()) coverage(epci.members.filter((insee) => reach.has(insee)).map(rowOf));
  const totalsMs = performance.now() - totalsStarted;
  const france = coverage(communes.map((commune) => rowOf(commune.insee)));
  return {
    communes: communes.length,
    places: points.length,
    distancesMs: Math.round(distancesMs),
    totalsMs: Math.round(totalsMs),
    beyond: france.bands.map(({ km, communes: count, population }) => ({ km, communes: count, population })),
  };
}

// `node bench/coverage.ts [dataDir]`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchCoverage(process.argv[2] ?? 'data'));
}
