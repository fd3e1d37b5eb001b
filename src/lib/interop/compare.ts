/**
 * What an import or a refresh changes, for people to read before they accept it: new places,
 * places changed field by field, places gone. And the guard rails that refuse a file which
 * would change too much at once (a truncated download, a changed format). Pure.
 */
import type { PlaceInput } from '../schemas/place.ts';
import type { ImportResult } from './importRun.ts';

/** The facts a person reads on a place's page, by the name the report gives them. */
export const COMPARED_FIELDS = [
  'name',
  'kind',
  'description',
  'address.street',
  'address.complement',
  'address.postcode',
  'address.insee',
  'location',
  'contacts.phone',
  'contacts.email',
  'contacts.website',
  'contacts.appointmentUrl',
  'hours.openingHours',
  'hours.note',
  'services',
  'programmes',
  'access.fees',
  'access.referral',
  'publics',
  'support',
  'delisted',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  before: unknown;
  after: unknown;
}

function valueAt(place: PlaceInput, path: string): unknown {
  const value = path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), place);
  if (path === 'delisted' && value) return (value as { list: string }).list;
  if (path === 'location' && value) {
    const { lat, lon } = value as { lat: number; lon: number };
    return `${lat}, ${lon}`;
  }
  return value;
}

const same = (a: unknown, b: unknown): boolean => {
  const empty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  return (empty(a) && empty(b)) || JSON.stringify(a) === JSON.stringify(b);
};

/** The fields whose value differs, in the order a page shows them. */
export function placeChanges(before: PlaceInput, after: PlaceInput): FieldChange[] {
  return COMPARED_FIELDS.filter((field) => !same(valueAt(before, field), valueAt(after, field))).map((field) => ({
    field,
    before: valueAt(before, field) ?? null,
    after: valueAt(after, field) ?? null,
  }));
}

export interface Comparison {
  created: { id: string; name: string; insee: string }[];
  changed: { id: string; name: string; changes: FieldChange[] }[];
  /** Places of the list that this edition no longer has (kept, marked). */
  gone: { id: string; name: string }[];
  /** Places of the list found again with nothing changed. */
  unchanged: number;
}

/** New, changed and gone places: the import's result against what the data held before. */
export function compare(before: ReadonlyMap<string, PlaceInput>, result: Pick<ImportResult, 'places' | 'rows'>): Comparison {
  const comparison: Comparison = { created: [], changed: [], gone: [], unchanged: 0 };
  const touched = new Set<string>();
  for (const row of result.rows) {
    const id = row.outcome === 'merged' ? row.into : row.outcome === 'rejected' ? null : row.place;
    if (!id || touched.has(id)) continue;
    touched.add(id);
    const after = result.places.get(id)!.place;
    const previous = before.get(id);
    if (!previous) comparison.created.push({ id, name: after.name, insee: after.address.insee });
    else if (row.outcome === 'left') {
      if (!previous.delisted) comparison.gone.push({ id, name: after.name });
    } else {
      const changes = placeChanges(previous, after);
      if (changes.length > 0) comparison.changed.push({ id, name: after.name, changes });
      else comparison.unchanged++;
    }
  }
  return comparison;
}

/** Past this share of a list's places gone at once, a file is refused unless forced (with a reason). */
export const MAX_GONE_SHARE = 0.1;

export type GuardRefusal = { kind: 'noUsableRow'; rows: number } | { kind: 'tooManyGone'; gone: number; listed: number; maxShare: number };

/** Why this result must not be written, or null. */
export function guardRefusal(result: Pick<ImportResult, 'rows' | 'listed'>, comparison: Comparison, maxShare = MAX_GONE_SHARE): GuardRefusal | null {
  const inputRows = result.rows.filter((row) => row.row !== null);
  if (!inputRows.some((row) => row.outcome === 'imported' || row.outcome === 'merged')) return { kind: 'noUsableRow', rows: inputRows.length };
  if (result.listed > 0 && comparison.gone.length / result.listed > maxShare) return { kind: 'tooManyGone', gone: comparison.gone.length, listed: result.listed, maxShare };
  return null;
}
