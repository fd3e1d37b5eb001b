/**
 * What a town hall checks on its listing: for each place, which facts are known, partly known
 * or missing, and how old the last check is; the oldest and emptiest first. Pure functions of
 * directory entries, unit-tested in tests/unit/territory.test.ts.
 */
import { freshness, lastUpdate, type Freshness } from '../lib/freshness.ts';
import type { PlaceEntry } from '../lib/directory.ts';
import { frenchOrder } from '../lib/text.ts';

/** A département's or an EPCI's list shows this many places, the most urgent first: more would not read on a phone. */
export const AREA_CHECKLIST_MAX = 150;

export const CHECK_ITEMS = ['address', 'hours', 'phone', 'email', 'services', 'conditions', 'accessibility', 'languages'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];
export type CheckState = 'known' | 'partial' | 'missing';

export interface PlaceCheck {
  place: PlaceEntry;
  states: Record<CheckItem, CheckState>;
  /** How many items are known (a partial one counts for half). */
  score: number;
  lastUpdate: string | null;
  freshness: Freshness;
}

type Checked = Pick<PlaceEntry, 'address' | 'location' | 'hours' | 'contacts' | 'services' | 'labelOffers' | 'access' | 'accessibility' | 'languages' | 'verified' | 'sources'>;

const state = (known: boolean, partial = false): CheckState => (known ? 'known' : partial ? 'partial' : 'missing');

export function checkStates(place: Checked): Record<CheckItem, CheckState> {
  const conditions = [place.access.fees.length > 0, Boolean(place.access.referral), Boolean(place.access.appointment)];
  return {
    // A street placed on the map at its address; a street placed at the commune's centre is half done.
    address: state(Boolean(place.address.street) && place.location.precision === 'address', Boolean(place.address.street) || place.location.precision === 'address'),
    hours: state(Boolean(place.hours.openingHours)),
    phone: state(Boolean(place.contacts.phone)),
    email: state(Boolean(place.contacts.email)),
    // Services only known from the place's network or label are to be confirmed.
    services: state(place.services.length > 0, place.labelOffers.length > 0),
    conditions: state(conditions.every(Boolean), conditions.some(Boolean)),
    accessibility: state(Boolean(place.accessibility.wheelchair)),
    languages: state(place.languages.length > 0),
  };
}

const SCORE: Record<CheckState, number> = { known: 1, partial: 0.5, missing: 0 };

export function placeCheck(place: PlaceEntry, today: string): PlaceCheck {
  const states = checkStates(place);
  return {
    place,
    states,
    score: CHECK_ITEMS.reduce((sum, item) => sum + SCORE[states[item]], 0),
    lastUpdate: lastUpdate(place),
    freshness: freshness(place, today),
  };
}

/** Oldest check first (undated before all), then the emptiest, then by name. */
export function byUrgency(a: PlaceCheck, b: PlaceCheck): number {
  const dateA = a.lastUpdate ?? '';
  const dateB = b.lastUpdate ?? '';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return a.score - b.score || frenchOrder(a.place.name, b.place.name);
}

export interface Checklist {
  rows: PlaceCheck[];
  /** Per item: how many places have it known, partly known, missing. */
  totals: Record<CheckItem, Record<CheckState, number>>;
  /** Places whose last check is over a year old, or unknown. */
  stale: number;
}

export function checklist(places: readonly PlaceEntry[], today: string): Checklist {
  const rows = places.map((place) => placeCheck(place, today)).sort(byUrgency);
  const totals = Object.fromEntries(CHECK_ITEMS.map((item) => [item, { known: 0, partial: 0, missing: 0 }])) as Record<CheckItem, Record<CheckState, number>>;
  for (const row of rows) for (const item of CHECK_ITEMS) totals[item][row.states[item]] += 1;
  return { rows, totals, stale: rows.filter((row) => row.freshness !== 'fresh').length };
}
