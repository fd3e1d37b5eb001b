/**
 * Espace communes et territoires: who is far from help (distances and populations checked
 * against values computed by hand), the checklist of a town's places, the official territory
 * (populations, EPCI) and the build-time map.
 */
import { describe, expect, test } from 'vitest';
import { bandOf, coverage, isBeyond, reachOf, type CommuneReach } from '../../src/lib/territory/coverage.ts';
import { territoryFrom } from '../../src/lib/territory/official.ts';
import { ringsOf, sketch } from '../../src/lib/territory/sketch.ts';
import { checklist, checkStates } from '../../src/site/checklist.ts';
import { isNetworkPlace } from '../../src/lib/kinds.ts';
import { areaView, territoriesOf } from '../../src/site/territories.ts';
import { BUILD_DATE, directoryOf, place } from './world.ts';

// On one meridian, 0.1° of latitude is 6371.0088 km × 0.1 × π / 180 = 11.1195 km.
const KM_PER_TENTH = 11.1195;
const at = (insee: string, lat: number) => ({ insee, lat, lon: 5 });
const P1 = { lat: 45.0, lon: 5 };
const N1 = { lat: 45.3, lon: 5 };

describe('who is far from help', () => {
  // Places: P1 (any kind) and N1 (of the network). Communes along the same meridian.
  const communes = [at('A', 45.0), at('B', 45.05), at('C', 45.1), at('D', 44.7), at('E', 45.346)];
  const population: Record<string, number | null> = { A: 1000, B: 200, C: 300, D: null, E: 50 };

  test('each commune is measured from its centre to the nearest place and to the nearest network place', () => {
    const reach = reachOf(communes, [P1, N1], [N1]);
    expect(reach.get('A')!.km).toBeCloseTo(0, 6);
    expect(reach.get('A')!.networkKm).toBeCloseTo(3 * KM_PER_TENTH, 2);
    expect(reach.get('B')!.km).toBeCloseTo(0.5 * KM_PER_TENTH, 2);
    expect(reach.get('B')!.networkKm).toBeCloseTo(2.5 * KM_PER_TENTH, 2);
    // C is nearer P1 (11.12 km) than N1 (22.24 km).
    expect(reach.get('C')!.km).toBeCloseTo(KM_PER_TENTH, 2);
    expect(reach.get('C')!.networkKm).toBeCloseTo(2 * KM_PER_TENTH, 2);
    expect(reach.get('D')!.km).toBeCloseTo(3 * KM_PER_TENTH, 2);
    expect(reach.get('D')!.networkKm).toBeCloseTo(6 * KM_PER_TENTH, 2);
    expect(reach.get('E')!.km).toBeCloseTo(0.46 * KM_PER_TENTH, 2);
  });

  test('a commune far beyond the grid search is still measured exactly, and none is null while a place exists', () => {
    const reach = reachOf([at('F', 44.0), at('G', 41.0)], [P1], []);
    expect(reach.get('F')!.km).toBeCloseTo(10 * KM_PER_TENTH, 1);
    expect(reach.get('G')!.km).toBeCloseTo(40 * KM_PER_TENTH, 0);
    expect(reach.get('F')!.networkKm).toBeNull();
  });

  test('communes and population beyond 5, 10 and 20 km, for any place and for the network', () => {
    const reach = reachOf(communes, [P1, N1], [N1]);
    const rows: CommuneReach[] = communes.map(({ insee }) => ({ insee, population: population[insee]!, ...reach.get(insee)! }));
    const result = coverage(rows);
    expect(result.communes).toBe(5);
    expect(result.population).toBe(1550);
    expect(result.unknownPopulation).toBe(1);
    // Beyond 5 km: B (5.56), C (11.12), D (33.36), E (5.11).
    expect(result.bands).toEqual([
      { km: 5, communes: 4, population: 550, unknownPopulation: 1 },
      { km: 10, communes: 2, population: 300, unknownPopulation: 1 },
      { km: 20, communes: 1, population: 0, unknownPopulation: 1 },
    ]);
    // Network: A 33.36, B 27.80, C 22.24, D 66.72, E 5.11.
    expect(result.networkBands).toEqual([
      { km: 5, communes: 5, population: 1550, unknownPopulation: 1 },
      { km: 10, communes: 4, population: 1500, unknownPopulation: 1 },
      { km: 20, communes: 4, population: 1500, unknownPopulation: 1 },
    ]);
    // Furthest first.
    expect(result.far.map((row) => row.insee)).toEqual(['D', 'C', 'B', 'E']);
  });

  test('at the same distance, the most populated commune comes first; a commune with no place at all before every other', () => {
    const rows: CommuneReach[] = [
      { insee: 'S', population: 10, km: 8, networkKm: 8 },
      { insee: 'L', population: 900, km: 8, networkKm: 8 },
      { insee: 'N', population: 1, km: null, networkKm: null },
      { insee: 'Z', population: 5, km: 4, networkKm: 4 },
    ];
    expect(coverage(rows).far.map((row) => row.insee)).toEqual(['N', 'L', 'S']);
  });

  test('no place at all: every commune is beyond every band', () => {
    const reach = reachOf([at('A', 45)], [], []);
    expect(reach.get('A')).toEqual({ km: null, networkKm: null });
    expect(coverage([{ insee: 'A', population: 10, km: null, networkKm: null }]).bands.map((band) => band.communes)).toEqual([1, 1, 1]);
  });

  test('bands: exactly 5 km is not beyond 5 km', () => {
    expect(isBeyond(5, 5)).toBe(false);
    expect(isBeyond(5.01, 5)).toBe(true);
    expect(isBeyond(null, 20)).toBe(true);
    expect([0, 5, 5.5, 10, 10.5, 20, 20.5, null].map(bandOf)).toEqual([0, 0, 5, 5, 10, 10, 20, 20]);
  });
});

describe('the official territory', () => {
  test('populations of current communes only, and each member commune knows its EPCI', () => {
    const territory = territoryFrom(
      [
        { code: '99001', nom: 'Villefictive', type: 'commune-actuelle', population: 1234 },
        { code: '99002', nom: 'Hameau fictif', type: 'commune-deleguee', population: 50 },
        { code: '99003', nom: 'Sans chiffre', type: 'commune-actuelle' },
      ],
      [{ code: '999999999', nom: 'CC du Pays Fictif', type: 'CC', membres: [{ code: '99001' }, { code: '99003' }] }],
    );
    expect([...territory.population]).toEqual([['99001', 1234]]);
    expect(territory.epcis.get('999999999')).toEqual({ siren: '999999999', name: 'CC du Pays Fictif', slug: 'cc-du-pays-fictif', type: 'CC', members: ['99001', '99003'] });
    expect(territory.epciOf.get('99003')).toBe('999999999');
    expect(territory.epciOf.has('99002')).toBe(false);
  });
});

describe('the checklist of a territory', () => {
  test('each fact is known, partly known or missing', () => {
    const full = place('Lieu fictif complet', {
      contacts: { phone: '01 02 03 04 05', email: 'contact@exemple.invalid' },
      hours: { openingHours: 'Mo 09:00-12:00', closures: [] },
      services: ['aide-demarches'],
      access: { fees: ['free'], referral: 'not-required', appointment: 'walk-in' },
      accessibility: { wheelchair: 'yes' },
      languages: ['fr'],
    });
    const [entry] = directoryOf([full]).places;
    expect(checkStates(entry!)).toEqual({ address: 'known', hours: 'known', phone: 'known', email: 'known', services: 'known', conditions: 'known', accessibility: 'known', languages: 'known' });
    const [empty] = directoryOf([place('Lieu fictif vide', { address: { street: null, postcode: null, insee: '69266' }, location: { lat: 45.77, lon: 4.88, precision: 'commune' } })]).places;
    expect(checkStates(empty!)).toEqual({
      address: 'missing',
      hours: 'missing',
      phone: 'missing',
      email: 'missing',
      services: 'missing',
      conditions: 'missing',
      accessibility: 'missing',
      languages: 'missing',
    });
    const [half] = directoryOf([place('Lieu fictif à moitié', { location: { lat: 45.77, lon: 4.88, precision: 'commune' }, access: { fees: ['free'] } })]).places;
    expect(checkStates(half!).address).toBe('partial');
    expect(checkStates(half!).conditions).toBe('partial');
  });

  test('oldest first (never checked before all), then the emptiest; totals and stale count', () => {
    const places = [
      place('Lieu fictif récent', { verified: '2026-02-01' }),
      place('Lieu fictif ancien', { verified: '2024-06-01' }),
      place('Lieu fictif jamais vérifié', { verified: null, sources: [{ name: 'Source fictive', date: null }] }),
      place('Lieu fictif récent et rempli', { verified: '2026-02-01', contacts: { phone: '01 02 03 04 05' } }),
    ];
    const list = checklist(directoryOf(places).places, BUILD_DATE);
    expect(list.rows.map((row) => row.place.name)).toEqual(['Lieu fictif jamais vérifié', 'Lieu fictif ancien', 'Lieu fictif récent', 'Lieu fictif récent et rempli']);
    expect(list.stale).toBe(2);
    expect(list.totals.phone).toEqual({ known: 1, partial: 0, missing: 3 });
    expect(list.totals.address).toEqual({ known: 4, partial: 0, missing: 0 });
  });
});

describe('territories of the directory', () => {
  test('a commune belongs to its EPCI; an area counts its communes, people and far ones', () => {
    const directory = directoryOf([place('Lieu fictif de Villeurbanne')]);
    const territory = territoryFrom(
      [
        { code: '69266', nom: 'Villeurbanne', type: 'commune-actuelle', population: 1000 },
        { code: '69123', nom: 'Lyon', type: 'commune-actuelle', population: 2000 },
        { code: '01001', nom: "L'Abergement-Clémenciat", type: 'commune-actuelle', population: 10 },
      ],
      [{ code: '999999999', nom: 'Métropole fictive', type: 'ME', membres: [{ code: '69266' }, { code: '69123' }, { code: '01001' }] }],
    );
    const territories = territoriesOf(directory, territory);
    const epci = territories.epcis.get('999999999')!;
    expect(epci.communes.map((commune) => commune.insee)).toEqual(['01001', '69123', '69266']);
    expect(epci.departements).toEqual(['01', '69']);
    expect(epci.places.map((item) => item.name)).toEqual(['Lieu fictif de Villeurbanne']);
    const view = areaView(directory, epci.communes, epci.departements, epci.places);
    expect(view.coverage.communes).toBe(3);
    expect(view.coverage.population).toBe(3010);
    // L'Abergement-Clémenciat (Ain) is some 45 km from Villeurbanne; Lyon's centre is 4.5 km away.
    expect(view.far.map((row) => row.commune.name)).toEqual(["L'Abergement-Clémenciat"]);
    expect(view.sketch.points.map((point) => point.data.kind)).toEqual(['commune', 'place']);
    // The furthest communes are named on the map, with their distance as a title.
    expect(view.sketch.points[0]!.data).toEqual({ kind: 'commune', name: "L'Abergement-Clémenciat", band: 20, km: view.far[0]!.km, named: true });
    expect(view.sketch.outlines).toHaveLength(2);
  });
});

describe('the build-time map', () => {
  test('points are placed north up, west left, in the outline’s frame', () => {
    const square = [
      [
        [4, 44],
        [6, 44],
        [6, 46],
        [4, 46],
        [4, 44],
      ],
    ];
    const drawn = sketch(
      [square],
      [
        { lat: 46, lon: 4, data: 'north-west' },
        { lat: 44, lon: 6, data: 'south-east' },
      ],
    );
    const [nw, se] = drawn.points;
    expect(nw!.x).toBeLessThan(se!.x);
    expect(nw!.y).toBeLessThan(se!.y);
    expect(drawn.width).toBe(600);
    // 2° of latitude against 2° of longitude × cos(45°): taller than wide.
    expect(drawn.height).toBeGreaterThan(drawn.width);
    // scale = 584 / (2 × cos 45°) = 412.95 px per degree: the south-west corner is at y = 8 + 2 × 412.95.
    expect(drawn.outlines[0]).toBe('M8 833.9L592 833.9L592 8L8 8L8 833.9Z');
    expect(ringsOf({ type: 'MultiPolygon', coordinates: [square, square] })).toHaveLength(2);
    expect(ringsOf({ type: 'Point', coordinates: [1, 2] })).toEqual([]);
  });
});

describe('a place of the Emmaüs Connect network', () => {
  test('by its kind or by the programmes the national data lists: one answer for the search, the distances and the posters', () => {
    expect(isNetworkPlace({ kind: 'solidarity-space', programmes: [] })).toBe(true);
    expect(isNetworkPlace({ kind: 'relay', programmes: [] })).toBe(true);
    expect(isNetworkPlace({ kind: 'other', programmes: ['relais-emmaus-connect'] })).toBe(true);
    expect(isNetworkPlace({ kind: 'other', programmes: ['emmaus-connect'] })).toBe(true);
    expect(isNetworkPlace({ kind: 'other', programmes: ['france-services'] })).toBe(false);
  });
});
