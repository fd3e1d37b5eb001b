/**
 * Validation of the whole dataset. Every problem of every file is collected, then reported
 * at once with the file, the field, the value found and how to fix it: a data editor fixes
 * everything in one go, and nothing partial is ever published.
 */
import { z } from 'astro/zod';
import { wordsOfMessage } from '../i18n/messages.ts';
import { distanceKm, territoryOf } from './geo.ts';
import { isSetAside, isSound, reviewHours, type HoursProblem, type HoursReview } from './hours/review.ts';
import { checkOpeningHours } from './hours/schedule.ts';
import { parsePhone } from './phone.ts';
import type { Commune, Reference } from './reference.ts';
import { charterSchema, futureDates, municipalitySchema, type Charter, type Municipality } from './schemas/charter.ts';
import { HIDDEN_CHARACTERS } from './schemas/common.ts';
import { placeSchema, type Place } from './schemas/place.ts';
import { servicesFileSchema, type Service } from './schemas/service.ts';
import { labelsFileSchema, type Label } from './schemas/label.ts';
import { historySchema, type HistoryEntry } from './schemas/history.ts';
import { closest } from './text.ts';
import { t } from '../i18n/index.ts';

export interface DataIssue {
  /** Path of the file, relative to the project (data/places/…). */
  file: string;
  /** Dotted path of the field, or '' for the whole file. */
  field: string;
  /** The value found, when there is one. */
  value?: unknown;
  /** What is wrong and how to fix it, in French. */
  message: string;
}

export interface RawFile {
  file: string;
  data: unknown;
  /** Set when the file is not valid YAML. */
  syntaxError?: string;
}

export interface RawDataset {
  places: RawFile[];
  services: RawFile;
  charter: RawFile;
  municipalities: RawFile[];
  /** data/labels.yaml, when there is one. */
  labels?: RawFile | undefined;
  /** data/imports/history.yaml, when there is one. */
  history?: RawFile | undefined;
}

export interface Dataset {
  /** Places as the site reads them: hours that cannot be right are repaired or set aside (hours/review.ts). */
  places: (Place & { file: string })[];
  services: Service[];
  charter: Charter;
  municipalities: (Municipality & { file: string })[];
  labels: Label[];
  /** The updates of the data (imports and refreshes), oldest first. */
  history: HistoryEntry[];
}

export interface ValidationOptions {
  /** Today's date (YYYY-MM-DD): a verification date cannot be in the future. */
  today: string;
}

/** A place this far from its commune's centre has a wrong commune or wrong coordinates. */
export const MAX_KM_FROM_COMMUNE = 40;

/** A value as the editor wrote it: YAML's .nan and .inf, not JSON's null. */
function showValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  // A hidden character is shown as its code: the editor sees where it is.
  return JSON.stringify(value)?.replace(HIDDEN_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A data file's name: `.yaml` or `.yml`, in any case (`lieu.YAML` is read like `lieu.yaml`). */
export const YAML_FILE = /\.ya?ml$/i;

export function formatIssue(issue: DataIssue): string {
  const where = issue.field ? `${issue.file} › ${issue.field}` : issue.file;
  const value = issue.value === undefined ? '' : ` = ${showValue(issue.value)}`;
  return `${where}${value}\n    ${issue.message}`;
}

export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(`${t('editor.problems', { count: issues.length })}\n\n${issues.map(formatIssue).join('\n\n')}`);
    this.name = 'DataError';
    this.issues = issues;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null) return t('editor.found.null');
  if (Array.isArray(value)) return t('editor.found.array');
  if (typeof value === 'string') return t('editor.found.string');
  if (typeof value === 'number') return Number.isNaN(value) ? t('editor.found.nan') : Number.isFinite(value) ? t('editor.found.number') : t('editor.found.infinite');
  if (typeof value === 'boolean') return t('editor.found.boolean');
  return t('editor.found.object');
}

function expectedType(expected: string): string {
  return ['string', 'number', 'boolean', 'array', 'object'].includes(expected) ? t(`editor.type.${expected}` as 'editor.type.string') : expected;
}

/** Turns zod's issues into messages a data editor understands. */
function fromZod(file: string, data: unknown, error: z.ZodError, schema: z.ZodType): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    const value = valueAt(data, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const shape = shapeAt(schema, issue.path);
          const known = shape ? Object.keys(shape) : [];
          const guess = closest(key, known);
          issues.push({
            file,
            field: field ? `${field}.${key}` : key,
            message: t('editor.key.unknown', { key }) + (guess ? t('editor.key.didYouMean', { guess }) : '.') + (known.length ? t('editor.key.possible', { keys: known.join(', ') }) : ''),
          });
        }
        break;
      case 'invalid_type':
        if (value === undefined) {
          issues.push({ file, field, message: t('editor.field.missing', { field: field.split('.').at(-1)! }) });
        } else if (issue.expected === 'number' && typeof value === 'string' && /^-?\d+,\d+$/.test(value)) {
          issues.push({
            file,
            field,
            value,
            message: t('editor.number.comma', { fixed: value.replace(',', '.') }),
          });
        } else {
          const custom = issue.message && !issue.message.startsWith('Invalid input') ? `${wordsOfMessage(t, issue.message)} ; ` : '';
          issues.push({
            file,
            field,
            value,
            message: custom + t('editor.type.expected', { expected: expectedType(issue.expected), found: describeType(value) }),
          });
        }
        break;
      case 'invalid_value': {
        const options = issue.values.map(String);
        const guess = typeof value === 'string' ? closest(value, options) : undefined;
        issues.push({
          file,
          field,
          value,
          message: t('editor.value.unknown') + (guess ? t('editor.key.didYouMean', { guess }) : '.') + t('editor.value.possible', { values: options.join(', ') }),
        });
        break;
      }
      case 'too_small':
        issues.push({
          file,
          field,
          value,
          // A rule's own words first (the sources list says why it needs one); else zod's bound, in plain words.
          message:
            issue.message && !/^Too small/.test(issue.message)
              ? wordsOfMessage(t, issue.message)
              : t(issue.origin === 'array' ? 'editor.tooFew' : 'editor.tooShort', { minimum: Number(issue.minimum) }),
        });
        break;
      default:
        // Every rule of the schemas has its own French words; zod's English default never reaches an editor.
        issues.push({ file, field, value, message: /^(Invalid|Too (big|small)|Unrecognized|Expected)\b/.test(issue.message) ? t('editor.value.invalid') : wordsOfMessage(t, issue.message) });
    }
  }
  return issues;
}

/** A value checked against a schema, each problem in the words `check:data` uses. */
export function schemaIssues(file: string, data: unknown, schema: z.ZodType): DataIssue[] {
  const result = schema.safeParse(data);
  return result.success ? [] : fromZod(file, data, result.error, schema);
}

/** The keys a strict object accepts at a path, to suggest the one a typo meant. */
function shapeAt(root: z.ZodType, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let schema = root;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = schema.shape[String(key)] as z.ZodType;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return undefined;
    if (!schema) return undefined;
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? schema.shape : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

interface PlaceContext {
  reference: Reference;
  /** Null when services.yaml could not be read: its problem is listed, its services are not checked against. */
  serviceIds: Set<string> | null;
  today: string;
}

type Problem = Omit<DataIssue, 'file'>;

/** The id is the file's name. */
function idProblems(file: string, place: Place): Problem[] {
  const expected = file.split('/').at(-1)!.replace(YAML_FILE, '');
  return place.id === expected ? [] : [{ field: 'id', value: place.id, message: t('editor.id.fileName', { expected, id: place.id }) }];
}

/** The commune exists, and the postcode is one of its own. */
function addressProblems(place: Place, commune: Commune | undefined, reference: Reference): Problem[] {
  if (!commune) return [{ field: 'address.insee', value: place.address.insee, message: unknownInseeHint(place.address.insee, reference) }];
  if (place.address.postcode === null || commune.postcodes.includes(place.address.postcode)) return [];
  return [
    {
      field: 'address.postcode',
      value: place.address.postcode,
      message: t('editor.postcode.notOfCommune', { commune: commune.name, insee: commune.insee, postcodes: commune.postcodes.join(', ') }),
    },
  ];
}

/** The point is in France (latitude and longitude not swapped), near its commune. */
function locationProblems(place: Place, commune: Commune | undefined): Problem[] {
  const { lat, lon } = place.location;
  if (!territoryOf({ lat, lon })) {
    return territoryOf({ lat: lon, lon: lat })
      ? [{ field: 'location.lat', value: lat, message: t('editor.location.swapped', { lat: String(lat), lon: String(lon) }) }]
      : [{ field: 'location', value: { lat, lon }, message: t('editor.location.outside') }];
  }
  const km = commune ? distanceKm({ lat, lon }, commune) : 0;
  return km > MAX_KM_FROM_COMMUNE ? [{ field: 'location', value: { lat, lon }, message: t('editor.location.far', { km: Math.round(km), commune: commune!.name }) }] : [];
}

/** Hours the library reads, written its canonical way; closures that end after they start. */
function hoursProblems(place: Place): Problem[] {
  const problems: Problem[] = [];
  const hours = place.hours.openingHours;
  const check = hours === null ? null : checkOpeningHours(hours);
  if (hours !== null && check && !check.ok) {
    problems.push({
      field: 'hours.openingHours',
      value: hours,
      message:
        (check.suggestion && check.suggestion !== hours ? t('editor.hours.rewrite', { suggestion: check.suggestion }) : t('editor.hours.unreadable')) +
        (check.problem ? t('editor.hours.problem', { problem: check.problem }) : ''),
    });
  }
  place.hours.closures.forEach((closure, index) => {
    if (closure.to < closure.from) problems.push({ field: `hours.closures.${index}.to`, value: closure.to, message: t('editor.closure.reversed', { from: closure.from }) });
  });
  return problems;
}

/** Each service is one of services.yaml (unless that file could not be read). */
function serviceProblems(place: Place, serviceIds: Set<string> | null): Problem[] {
  if (!serviceIds) return [];
  return place.services.flatMap((service, index) => {
    if (serviceIds.has(service)) return [];
    const guess = closest(service, serviceIds);
    return [
      {
        field: `services.${index}`,
        value: service,
        message: t('editor.service.unknown') + (guess ? t('editor.key.didYouMean', { guess }) : '.') + t('editor.service.known', { services: [...serviceIds].join(', ') }),
      },
    ];
  });
}

/** A phone that can be dialled; no date after today. */
function contactAndDateProblems(place: Place, today: string): Problem[] {
  const problems: Problem[] = [];
  const phone = place.contacts.phone;
  if (phone && !parsePhone(phone)) problems.push({ field: 'contacts.phone', value: phone, message: t('editor.phone.unreadable') });
  if (place.verified && place.verified > today) problems.push({ field: 'verified', value: place.verified, message: t('editor.date.futureVerified', { today }) });
  place.sources.forEach((source, index) => {
    if (source.date && source.date > today) problems.push({ field: `sources.${index}.date`, value: source.date, message: t('editor.date.futureSource', { today }) });
  });
  return problems;
}

/** Checks that need the reference data or the catalogue. Runs on parsed, well-typed places. */
export function checkPlace(file: string, place: Place, context: PlaceContext): DataIssue[] {
  const commune = context.reference.communes.get(place.address.insee);
  return [
    ...idProblems(file, place),
    ...addressProblems(place, commune, context.reference),
    ...locationProblems(place, commune),
    ...hoursProblems(place),
    ...serviceProblems(place, context.serviceIds),
    ...contactAndDateProblems(place, context.today),
  ].map((problem) => ({ file, ...problem }));
}

/**
 * The hours rule (hours/review.ts) applied to a place's hours: what the build reads, and what
 * the import and `npm run check:data -- --fix-hours` write. Hours set aside become unknown,
 * with a note that says why; nothing is guessed.
 */
export function reviewedHours(hours: Place['hours']): { hours: Place['hours']; review: HoursReview } {
  const review = reviewHours(hours.openingHours);
  if (isSound(review)) return { hours, review };
  if (!isSetAside(review)) return { hours: { ...hours, openingHours: review.value }, review };
  const note = [t('data.hoursSetAsideNote'), hours.note].filter(Boolean).join(' ');
  return { hours: { ...hours, openingHours: null, note }, review };
}

/** One problem of the hours rule, in words: what is wrong with which period. */
export function hoursProblemText(problem: HoursProblem): string {
  switch (problem.kind) {
    case 'placeholder-dropped':
      return t('editor.hours.placeholderDropped', { periods: problem.periods.join(t('editor.hours.periodsJoin')) });
    case 'placeholder-only':
      return t('editor.hours.placeholderOnly', { periods: problem.periods.join(t('editor.hours.periodsJoin')) });
    default:
      return t(`editor.hours.${problem.kind}`, { period: problem.period });
  }
}

/** A warning for `check:data`: the hours found, what is wrong, how the site reads them and the fix. */
export function hoursIssue(file: string, original: string, review: HoursReview): DataIssue {
  const problems = review.problems.map(hoursProblemText).join(' ; ');
  const fix = review.value === null ? t('editor.hours.setAside') : t('editor.hours.readAs', { value: review.value });
  return { file, field: 'hours.openingHours', value: original, message: `${problems}. ${fix}` };
}

function unknownInseeHint(insee: string, reference: Reference): string {
  if (/^751\d\d$/.test(insee)) return t('editor.insee.paris');
  if (/^6938\d$/.test(insee)) return t('editor.insee.lyon');
  if (/^132\d\d$/.test(insee)) return t('editor.insee.marseille');
  const byPostcode = [...reference.communes.values()].filter((c) => c.postcodes.includes(insee));
  if (byPostcode.length > 0) {
    return t('editor.insee.isPostcode', { communes: byPostcode.map((c) => t('editor.insee.communeCode', { name: c.name, insee: c.insee })).join(', ') });
  }
  return t('editor.insee.unknown');
}

function parseFile<T>(raw: RawFile, schema: z.ZodType<T>): { value?: T; issues: DataIssue[] } {
  if (raw.syntaxError) return { issues: [{ file: raw.file, field: '', message: raw.syntaxError }] };
  const result = schema.safeParse(raw.data);
  if (result.success) return { value: result.data, issues: [] };
  return { issues: fromZod(raw.file, raw.data, result.error, schema) };
}

/** Validates everything, and returns either the dataset or the full list of problems. */
export function validateDataset(
  raw: RawDataset,
  reference: Reference,
  options: ValidationOptions,
): { dataset: Dataset; issues: []; warnings: DataIssue[] } | { dataset?: undefined; issues: DataIssue[]; warnings: DataIssue[] } {
  const issues: DataIssue[] = [];
  /** What the site reads differently from the file (hours that cannot be right), with the fix: listed, not blocking. */
  const warnings: DataIssue[] = [];

  const servicesFile = parseFile(raw.services, servicesFileSchema);
  issues.push(...servicesFile.issues);
  const services = servicesFile.value?.services ?? [];
  // A list that could not be read has its own problem listed: nothing is "unknown" against it.
  const serviceIds = servicesFile.value ? new Set(services.map((service) => service.id)) : null;
  const seenServices = new Set<string>();
  services.forEach((service, index) => {
    if (seenServices.has(service.id)) {
      issues.push({ file: raw.services.file, field: `services.${index}.id`, value: service.id, message: t('editor.service.duplicate') });
    }
    seenServices.add(service.id);
  });

  const labelsFile = raw.labels ? parseFile(raw.labels, labelsFileSchema) : { value: { labels: [] }, issues: [] };
  issues.push(...labelsFile.issues);
  const labels = labelsFile.value?.labels ?? [];
  labels.forEach((label, index) =>
    label.services.forEach((service, at) => {
      if (serviceIds && !serviceIds.has(service)) {
        const guess = closest(service, serviceIds);
        issues.push({
          file: raw.labels!.file,
          field: `labels.${index}.services.${at}`,
          value: service,
          message: t('editor.service.unknown') + (guess ? t('editor.key.didYouMean', { guess }) : '.') + t('editor.service.known', { services: [...serviceIds].join(', ') }),
        });
      }
    }),
  );

  const charter = parseFile(raw.charter, charterSchema);
  issues.push(...charter.issues);
  const commitmentIds = charter.value ? new Set(charter.value.commitments.map((c) => c.id)) : null;

  const places: Dataset['places'] = [];
  const placeFiles = new Map<string, string>();
  for (const file of raw.places) {
    const parsed = parseFile(file, placeSchema);
    issues.push(...parsed.issues);
    if (!parsed.value) continue;
    const placeIssues = checkPlace(file.file, parsed.value, { reference, serviceIds, today: options.today });
    issues.push(...placeIssues);
    const previous = placeFiles.get(parsed.value.id);
    if (previous) {
      issues.push({
        file: file.file,
        field: 'id',
        value: parsed.value.id,
        message: t('editor.id.taken', { file: previous }),
      });
    } else {
      placeFiles.set(parsed.value.id, file.file);
    }
    const { hours, review } = reviewedHours(parsed.value.hours);
    if (!isSound(review)) warnings.push(hoursIssue(file.file, parsed.value.hours.openingHours!, review));
    places.push({ ...parsed.value, hours, file: file.file });
  }

  const municipalities: Dataset['municipalities'] = [];
  const seenCommunes = new Map<string, string>();
  for (const file of raw.municipalities) {
    const parsed = parseFile(file, municipalitySchema);
    issues.push(...parsed.issues);
    if (!parsed.value) continue;
    const municipality = parsed.value;
    const commune = reference.communes.get(municipality.insee);
    if (!commune) {
      issues.push({ file: file.file, field: 'insee', value: municipality.insee, message: unknownInseeHint(municipality.insee, reference) });
    }
    const previous = seenCommunes.get(municipality.insee);
    if (previous) {
      issues.push({ file: file.file, field: 'insee', value: municipality.insee, message: t('editor.municipality.duplicate', { file: previous }) });
    }
    seenCommunes.set(municipality.insee, file.file);
    municipality.commitments.forEach((followUp, index) => {
      if (commitmentIds && !commitmentIds.has(followUp.commitment)) {
        const guess = closest(followUp.commitment, commitmentIds);
        issues.push({
          file: file.file,
          field: `commitments.${index}.commitment`,
          value: followUp.commitment,
          message: t('editor.commitment.unknown') + (guess ? t('editor.key.didYouMean', { guess }) : '.') + t('editor.commitment.known', { commitments: [...commitmentIds].join(', ') }),
        });
      }
    });
    for (const { field, value } of futureDates(municipality, options.today)) {
      issues.push({ file: file.file, field, value, message: t('editor.date.future', { today: options.today }) });
    }
    municipalities.push({ ...municipality, file: file.file });
  }

  const historyFile = raw.history ? parseFile(raw.history, historySchema) : { value: [], issues: [] };
  issues.push(...historyFile.issues);

  if (issues.length > 0 || !charter.value) return { issues, warnings };
  return { dataset: { places, services, charter: charter.value, municipalities, labels, history: historyFile.value ?? [] }, issues: [], warnings };
}
