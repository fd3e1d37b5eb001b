/** Writes bench/queries.json: 200 realistic queries drawn (with a fixed seed) from the real data. */
import { writeFileSync } from 'node:fs';
import { loadData } from '../src/lib/dataset.ts';

const { dataset, reference } = await loadData({ dataDir: 'data' });
let state = 42;
const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

const withPlaces = [...new Set(dataset.places.map((place) => place.address.insee))].map((insee) => reference.communes.get(insee)!);
const all = [...reference.communes.values()];
const saints = all.filter((commune) => commune.name.startsWith('Saint-'));
const queries: string[] = [];
const add = (count: number, make: () => string) => {
  for (let i = 0; i < count; i++) queries.push(make());
};
add(60, () => pick(withPlaces).name);
add(30, () => pick(pick(withPlaces).postcodes));
add(30, () => {
  const name = pick(withPlaces.filter((commune) => commune.name.length >= 6)).name.toLowerCase();
  const at = 1 + Math.floor(next() * (name.length - 3));
  return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
});
add(20, () => {
  const name = pick(saints).name;
  return pick([name.replace(/^Saint-/, 'st-'), name.replace(/^Saint-/, 'St ').replace(/-/g, ' '), name.toUpperCase(), name.replace(/-/g, ' ').toLowerCase()]);
});
add(20, () => `${pick(['recharge téléphone', 'aide papiers', 'imprimer', 'cv emploi', 'ordinateur pas cher'])} ${pick(withPlaces).name}`);
add(20, () => `${pick(['mairie', 'mediatheque', 'france services', 'emmaus', 'ccas'])} ${pick(withPlaces).name}`);
add(20, () => pick(all).name);
writeFileSync('bench/queries.json', `${JSON.stringify(queries, null, 1)}\n`);
console.log(`${queries.length} requêtes écrites dans bench/queries.json`);
