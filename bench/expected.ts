/**
 * Writes bench/expected.json: for each query of bench/queries.json, the communes it means
 * (INSEE codes), read back from the query itself: its postcode, its commune's name (after a
 * need or a place's name), or the commune one swap of two letters away (typos). The search's
 * top-1 figure of `npm run bench` is measured against it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readReference } from '../src/lib/dataset.ts';
import { editDistance } from '../src/lib/text.ts';
import { normalize } from '../src/lib/search/normalize.ts';

const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')) as string[];
const reference = await readReference('data');
const communes = [...reference.communes.values()].map((commune) => ({ insee: commune.insee, key: normalize(commune.name), postcodes: commune.postcodes }));

const expected = queries.map((query) => {
  const key = normalize(query);
  if (/^\d{5}$/.test(key)) return communes.filter((commune) => commune.postcodes.includes(key)).map((commune) => commune.insee);
  const whole = communes.filter((commune) => commune.key === key);
  if (whole.length > 0) return whole.map((commune) => commune.insee);
  const typo = communes.filter((commune) => Math.abs(commune.key.length - key.length) <= 1 && editDistance(key, commune.key) === 1);
  if (typo.length > 0) return typo.map((commune) => commune.insee);
  // The longest ending of the query that is a commune's name: "recharge telephone lille" → Lille.
  const words = key.split(' ');
  for (let start = 0; start < words.length; start++) {
    const tail = words.slice(start).join(' ');
    const exact = communes.filter((commune) => commune.key === tail);
    if (exact.length > 0) return exact.map((commune) => commune.insee);
  }
  return [];
});
writeFileSync('bench/expected.json', `${JSON.stringify(expected)}\n`);
console.log(`${expected.filter((list) => list.length > 0).length} requêtes sur ${queries.length} ont une commune attendue`);
