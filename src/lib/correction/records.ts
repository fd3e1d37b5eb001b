/**
 * The current record of each place, as its data file holds it, for the correction form: one
 * file per département (`/corriger/lieux/59.json`), read only by someone who corrects a place.
 */
import type { PlaceEntry } from '../directory.ts';
import { placeSchema, type PlaceInput } from '../schemas/place.ts';

export interface CorrectionRecord {
  /** The data file, from the project's root: data/places/….yaml */
  file: string;
  record: PlaceInput;
  /** The usual week (minutes, Monday first), to show the current hours in words. */
  week: number[][] | null;
}

const FIELDS = Object.keys(placeSchema.shape) as (keyof PlaceInput)[];

export function correctionRecord(place: PlaceEntry): CorrectionRecord {
  const record = Object.fromEntries(FIELDS.filter((field) => place[field] !== undefined).map((field) => [field, place[field]])) as PlaceInput;
  return { file: place.file, record, week: place.schedule?.week ?? null };
}
