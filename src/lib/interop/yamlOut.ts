/** Writes a place as the YAML a person would write: stable key order, nothing empty. */
import { stringify } from 'yaml';
import { t } from '../../i18n/index.ts';
import type { PlaceInput } from '../schemas/place.ts';
import { schemaComment } from '../schemas/comment.ts';

/** Keys whose null value is meaningful ("we do not know"), kept even when empty. */
const KEEP_NULL = new Set(['address.street', 'address.postcode', 'verified', 'hours.openingHours', 'sources.date']);

function prune(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item) => prune(item, path));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const pruned = prune(item, childPath);
      const empty =
        pruned === undefined ||
        pruned === '' ||
        (pruned === null && !KEEP_NULL.has(childPath)) ||
        (Array.isArray(pruned) && pruned.length === 0) ||
        (pruned !== null && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0);
      if (!empty) out[key] = pruned;
    }
    return out;
  }
  return value;
}

/** An imported place's file (data/places/imported/<département>/<id>.yaml): tied to its schema for editors, then the import's note. */
export const IMPORTED_HEADER = `${schemaComment('place.schema.json', 3)}\n${t('import.header')}`;

export function placeToYaml(place: PlaceInput): string {
  const pruned = prune(place, '') as Record<string, unknown>;
  if (pruned.hours && !(pruned.hours as Record<string, unknown>).openingHours && !(pruned.hours as Record<string, unknown>).note) {
    delete pruned.hours;
  }
  return IMPORTED_HEADER + stringify(pruned, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}
