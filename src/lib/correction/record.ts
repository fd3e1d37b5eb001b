/**
 * A correction (or a new place) as a data file: the form's answers laid over the place's
 * current record, checked with the build's own schema (schemas/place.ts), the changes listed
 * field by field, the YAML file and the e-mail that carries it. Pure: the browser
 * (components/correction/) and the tests run the same code.
 */
import { stringify } from 'yaml';
import { schemaCommentFor } from '../schemas/comment.ts';
import type { z } from 'astro/zod';
import { placeSchema, type PlaceInput } from '../schemas/place.ts';
import { parsePhone } from '../phone.ts';
import { placeIdBase } from '../text.ts';
import { isIsoDate } from '../schemas/common.ts';

/** What the form asks, as strings and lists (empty: not known). */
export interface Answers {
  name: string;
  kind: string;
  street: string;
  complement: string;
  postcode: string;
  /** The commune chosen for the postcode. */
  insee: string;
  phone: string;
  email: string;
  website: string;
  appointmentUrl: string;
  /** Written by the week editor (correction/week.ts), or the current value when the week was not touched. */
  openingHours: string | null;
  hoursNote: string;
  services: string[];
  fees: string[];
  referral: string;
  appointment: string;
  wheelchair: string;
  languages: string[];
  /** Who sends it: « Mairie de Lille, service social ». */
  author: string;
  /** What the fields cannot say, for the team that publishes (« le lieu a fermé »): in the file's first lines, never in its data. */
  message?: string;
}

/** The fields a person can change, in the form's order, with their path in a record. */
export const FORM_FIELDS = [
  'name',
  'kind',
  'address.street',
  'address.complement',
  'address.postcode',
  'address.insee',
  'contacts.phone',
  'contacts.email',
  'contacts.website',
  'contacts.appointmentUrl',
  'hours.openingHours',
  'hours.note',
  'services',
  'access.fees',
  'access.referral',
  'access.appointment',
  'accessibility.wheelchair',
  'languages',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The answers' value of each field, as a record stores it (null: not known). */
function answerValues(answers: Answers): Record<FormField, unknown> {
  const text = (value: string) => value.trim() || null;
  return {
    name: answers.name.trim(),
    kind: answers.kind,
    'address.street': text(answers.street),
    'address.complement': text(answers.complement),
    'address.postcode': text(answers.postcode),
    'address.insee': answers.insee,
    'contacts.phone': text(answers.phone),
    'contacts.email': text(answers.email),
    'contacts.website': text(answers.website),
    'contacts.appointmentUrl': text(answers.appointmentUrl),
    'hours.openingHours': answers.openingHours,
    'hours.note': text(answers.hoursNote),
    services: answers.services,
    'access.fees': answers.fees,
    'access.referral': text(answers.referral),
    'access.appointment': text(answers.appointment),
    'accessibility.wheelchair': text(answers.wheelchair),
    languages: answers.languages,
  };
}

const get = (record: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);

function set(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = record;
  for (const key of keys.slice(0, -1)) {
    target[key] = { ...(target[key] ?? {}) };
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1)!] = value;
}

/** A value as the comparison sees it: unknown, empty list and absent are the same. */
function normal(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return (value as unknown[]).map(String).sort().join('\u0000');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface Change {
  field: FormField;
  before: unknown;
  after: unknown;
}

/** The fields whose answer differs from the current record (a new place: every answered field). */
export function changesOf(base: PlaceInput | null, answers: Answers): Change[] {
  const values = answerValues(answers);
  return FORM_FIELDS.filter((field) => normal(get(base, field)) !== normal(values[field])).map((field) => ({ field, before: get(base, field) ?? null, after: values[field] }));
}

/** Where a place with no point of its own is put: its commune's centre, said as such. */
export interface CommuneCentre {
  insee: string;
  lat: number;
  lon: number;
}

/**
 * The record the answers make: the current record with the changed fields replaced, checked
 * today by its author (a new source says who, and when). A new place gets an id from its name
 * and its commune's centre as its point (precision « commune »).
 */
export function correctedRecord(base: PlaceInput | null, answers: Answers, today: string, centre: CommuneCentre | null): PlaceInput {
  const record = structuredClone((base ?? {}) as Record<string, unknown>);
  if (!base) {
    record.id = placeIdBase(answers.name);
    if (centre) record.location = { lat: centre.lat, lon: centre.lon, precision: 'commune' };
  }
  const values = answerValues(answers);
  // A new place writes every field (an unknown stays null); a correction only what changed.
  for (const field of base ? changesOf(base, answers).map((change) => change.field) : FORM_FIELDS) set(record, field, values[field]);
  if (base && changesOf(base, answers).some(({ field }) => field === 'address.insee') && centre) {
    record.location = { lat: centre.lat, lon: centre.lon, precision: 'commune' };
  }
  const sources: unknown[] = Array.isArray(record.sources) ? record.sources : [];
  record.sources = [...sources, { name: answers.author.trim(), date: isIsoDate(today) ? today : null }];
  record.verified = today;
  // Fields the schema fills with defaults stay out of a new file: shorter to read.
  return record as PlaceInput;
}

export type Problem = { field: string; kind: 'schema'; message: string } | { field: string; kind: 'phone' | 'author' | 'commune' | 'name' };

/**
 * What stops the file from being valid, by field: the build's schema first, then what the
 * schema cannot know alone (a phone number France can dial, who sends the correction).
 */
export function problemsOf(record: PlaceInput, answers: Answers): Problem[] {
  const problems: Problem[] = [];
  if (!answers.name.trim()) problems.push({ field: 'name', kind: 'name' });
  if (!answers.insee) problems.push({ field: 'address.insee', kind: 'commune' });
  const parsed = placeSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of (parsed.error as z.ZodError).issues) {
      const field = issue.path.join('.');
      if (field === 'name' && problems.some((problem) => problem.field === 'name')) continue;
      if (field.startsWith('sources')) continue;
      problems.push({ field, kind: 'schema', message: issue.message });
    }
  }
  if (answers.phone.trim() && !parsePhone(answers.phone.trim())) problems.push({ field: 'contacts.phone', kind: 'phone' });
  if (answers.author.trim().length < 2) problems.push({ field: 'author', kind: 'author' });
  return problems;
}

/** A data file, as `npm run check:data` reads it, with a comment that says who wrote it and when. */
/** A data file: tied to its JSON Schema for editors when its path is known, a note in plain words, then the record. */
export function recordYaml(record: object, header: string, file?: string): string {
  const schema = file ? schemaCommentFor(file) : null;
  // Every line break YAML knows (and a few it might): a line of the header never leaves its comment.
  return `${schema ? `${schema}\n` : ''}${header
    .split(/\r\n|[\r\n\u0085\u2028\u2029]/)
    .map((line) => `# ${line}`.trimEnd())
    .join('\n')}\n${stringify(record, { lineWidth: 0 })}`;
}
