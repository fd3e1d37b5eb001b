import { describe, expect, test } from 'vitest';
import { withinReach } from '../../src/lib/search/engine.ts';
import { distanceKm } from '../../src/lib/geo.ts';

describe('a file is skipped only when none of its places can be within reach', () => {
  const departement = (box: [number, number, number, number]) => ({ name: 'x', neighbours: [], places: 1, centre: { lat: 0, lon: 0 }, box });

  test('Roubaix: not Eure’s places, but the Somme’s', () => {
    const roubaix = { lat: 50.69, lon: 3.18 };
    expect(withinReach(departement([48.67, 0.3, 49.48, 1.8]), roubaix)).toBe(false);
    expect(withinReach(departement([49.57, 1.38, 50.37, 3.2]), roubaix)).toBe(true);
    expect(withinReach({ ...departement([0, 0, 0, 0]), box: undefined }, roubaix)).toBe(true);
  });

  test('never skips a box holding a point within 100 km (random boxes across France)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 2000; run++) {
      const south = 42 + random() * 8;
      const west = -4 + random() * 11;
      const box: [number, number, number, number] = [south, west, south + random() * 1.5, west + random() * 2];
      const point = { lat: 41 + random() * 10, lon: -5 + random() * 13 };
      // Points of the box on a fine grid: is any within 100 km?
      let near = false;
      for (let i = 0; i <= 20 && !near; i++)
        for (let j = 0; j <= 20 && !near; j++) near = distanceKm(point, { lat: box[0] + ((box[2] - box[0]) * i) / 20, lon: box[1] + ((box[3] - box[1]) * j) / 20 }) <= 100;
      if (near) expect(withinReach(departement(box), point)).toBe(true);
    }
  });
});
