/**
 * Validation of the whole dataset. Every problem of every file is collected, then reported
 * at once with the file, the field, the value found and how to fix it: a data editor fixes
 * everything in one go, and nothing partial is ever published.
 */
import { z } from 'astro/zod';
import { distanceKm, territoryOf } from './geo.ts';
import { checkOpeningHours } from './hours/schedule.ts';
import { parsePhone } from './phone.ts';
import type { Reference } from './reference.ts';
import { charterSchema, municipalitySchema, type Charter, type Municipality } from './schemas/charter.ts';
import { placeSchema, type Place } from './schemas/place.ts';
import { servicesFileSchema, type Service } from './schemas/service.ts';
import { closest } from './text.ts';

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
}

export interface Dataset {
  places: (Place & { file: string })[];
  services: Service[];
  charter: Charter;
  municipalities: (Municipality & { file: string })[];
}

export interface ValidationOptions {
  /** Today's date (YYYY-MM-DD): a verification date cannot be in the future. */
  today: string;
}

/** A place this far from its commune's centre has a wrong commune or wrong coordinates. */
export const MAX_KM_FROM_COMMUNE = 40;

export function formatIssue(issue: DataIssue): string {
  const where = issue.field ? `${issue.file} › ${issue.field}` : issue.file;
  const value = issue.value === undefined ? '' : ` = ${JSON.stringify(issue.value)}`;
  return `${where}${value}\n    ${issue.message}`;
}

export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    const count = issues.length === 1 ? '1 problème' : `${issues.length} problèmes`;
    super(
      `Les données ont ${count}. Rien n’est publié tant qu’ils ne sont pas corrigés :\n\n` +
        issues.map(formatIssue).join('\n\n'),
    );
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
  if (value === null) return 'vide (null)';
  if (Array.isArray(value)) return 'une liste';
  if (typeof value === 'string') return 'du texte';
  if (typeof value === 'number') return 'un nombre';
  if (typeof value === 'boolean') return 'vrai/faux';
  return 'un bloc de champs';
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'du texte',
  number: 'un nombre',
  boolean: 'true ou false',
  array: 'une liste (lignes qui commencent par « - »)',
  object: 'un bloc de champs',
};

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
            message:
              `clé inconnue « ${key} »` +
              (guess ? ` : vouliez-vous écrire « ${guess} » ?` : '.') +
              (known.length ? ` Clés possibles ici : ${known.join(', ')}.` : ''),
          });
        }
        break;
      case 'invalid_type':
        if (value === undefined) {
          issues.push({ file, field, message: `champ obligatoire manquant : ajoutez « ${field.split('.').at(-1)} »` });
        } else if (issue.expected === 'number' && typeof value === 'string' && /^-?\d+,\d+$/.test(value)) {
          issues.push({
            file,
            field,
            value,
            message: `nombre écrit avec une virgule : écrivez ${value.replace(',', '.')} (avec un point, sans guillemets)`,
          });
        } else {
          const custom = issue.message && !issue.message.startsWith('Invalid input') ? `${issue.message} ; ` : '';
          issues.push({
            file,
            field,
            value,
            message: `${custom}attendu : ${EXPECTED_TYPE[issue.expected] ?? issue.expected}, trouvé : ${describeType(value)}`,
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
          message:
            `valeur inconnue` +
            (guess ? ` : vouliez-vous écrire « ${guess} » ?` : '') +
            ` Valeurs possibles : ${options.join(', ')}.`,
        });
        break;
      }
      default:
        issues.push({ file, field, value, message: issue.message });
    }
  }
  return issues;
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
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

interface PlaceContext {
  reference: Reference;
  serviceIds: Set<string>;
  today: string;
}

/** Checks that need the reference data or the catalogue. Runs on parsed, well-typed places. */
export function checkPlace(file: string, place: Place, context: PlaceContext): DataIssue[] {
  const issues: DataIssue[] = [];
  const { reference } = context;

  const expectedId = file.split('/').at(-1)!.replace(/\.ya?ml$/, '');
  if (place.id !== expectedId) {
    issues.push({
      file,
      field: 'id',
      value: place.id,
      message: `l’identifiant doit être le nom du fichier : écrivez « ${expectedId} », ou renommez le fichier « ${place.id}.yaml »`,
    });
  }

  const commune = reference.communes.get(place.address.insee);
  if (!commune) {
    issues.push({ file, field: 'address.insee', value: place.address.insee, message: unknownInseeHint(place.address.insee, reference) });
  } else if (place.address.postcode !== null && !commune.postcodes.includes(place.address.postcode)) {
    issues.push({
      file,
      field: 'address.postcode',
      value: place.address.postcode,
      message:
        `ce code postal n’est pas celui de ${commune.name} (${commune.insee}). ` +
        `Codes postaux de ${commune.name} : ${commune.postcodes.join(', ')}. Vérifiez le code postal ou le code INSEE.`,
    });
  }

  const { lat, lon } = place.location;
  if (!territoryOf({ lat, lon })) {
    if (territoryOf({ lat: lon, lon: lat })) {
      issues.push({
        file,
        field: 'location.lat',
        value: lat,
        message: `la latitude ${lat} ressemble à une longitude : lat et lon sont-ils inversés ? Essayez lat: ${lon} et lon: ${lat}.`,
      });
    } else {
      issues.push({
        file,
        field: 'location',
        value: { lat, lon },
        message: 'ce point n’est ni en France métropolitaine ni dans un territoire d’outre-mer : vérifiez la latitude et la longitude',
      });
    }
  } else if (commune) {
    const km = distanceKm({ lat, lon }, commune);
    if (km > MAX_KM_FROM_COMMUNE) {
      issues.push({
        file,
        field: 'location',
        value: { lat, lon },
        message: `ce point est à ${Math.round(km)} km du centre de ${commune.name} : vérifiez les coordonnées ou la commune (address.insee)`,
      });
    }
  }

  const hours = place.hours.openingHours;
  if (hours !== null) {
    const check = checkOpeningHours(hours);
    if (!check.ok) {
      issues.push({
        file,
        field: 'hours.openingHours',
        value: hours,
        message:
          (check.suggestion && check.suggestion !== hours
            ? `horaires mal écrits : écrivez « ${check.suggestion} »`
            : 'horaires illisibles : utilisez le format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 »') +
          (check.problem ? ` (${check.problem})` : ''),
      });
    }
  }
  place.hours.closures.forEach((closure, index) => {
    if (closure.to < closure.from) {
      issues.push({
        file,
        field: `hours.closures.${index}.to`,
        value: closure.to,
        message: `la fin de la fermeture est avant son début (${closure.from}) : inversez les deux dates`,
      });
    }
  });

  place.services.forEach((service, index) => {
    if (!context.serviceIds.has(service)) {
      const guess = closest(service, context.serviceIds);
      issues.push({
        file,
        field: `services.${index}`,
        value: service,
        message:
          `service inconnu` +
          (guess ? ` : vouliez-vous écrire « ${guess} » ?` : '') +
          ` Services connus : ${[...context.serviceIds].join(', ')}.`,
      });
    }
  });

  const phone = place.contacts.phone;
  if (phone && !parsePhone(phone)) {
    issues.push({
      file,
      field: 'contacts.phone',
      value: phone,
      message: 'numéro de téléphone illisible : écrivez 10 chiffres (ex. : 01 23 45 67 89) ou +33 suivi de 9 chiffres',
    });
  }

  if (place.verified && place.verified > context.today) {
    issues.push({ file, field: 'verified', value: place.verified, message: `date de vérification dans le futur (aujourd’hui : ${context.today})` });
  }
  place.sources.forEach((source, index) => {
    if (source.date && source.date > context.today) {
      issues.push({ file, field: `sources.${index}.date`, value: source.date, message: `date de source dans le futur (aujourd’hui : ${context.today})` });
    }
  });
  return issues;
}

function unknownInseeHint(insee: string, reference: Reference): string {
  if (/^751\d\d$/.test(insee)) return 'code INSEE d’arrondissement : pour Paris, écrivez "75056"';
  if (/^6938\d$/.test(insee)) return 'code INSEE d’arrondissement : pour Lyon, écrivez "69123"';
  if (/^132\d\d$/.test(insee)) return 'code INSEE d’arrondissement : pour Marseille, écrivez "13055"';
  const byPostcode = [...reference.communes.values()].filter((c) => c.postcodes.includes(insee));
  if (byPostcode.length > 0) {
    return (
      'ce code ressemble à un code postal. Le code INSEE est différent : ' +
      byPostcode.map((c) => `${c.name} = "${c.insee}"`).join(', ')
    );
  }
  return 'aucune commune n’a ce code INSEE. Cherchez le bon code sur https://www.insee.fr (code officiel géographique)';
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
): { dataset: Dataset; issues: [] } | { dataset?: undefined; issues: DataIssue[] } {
  const issues: DataIssue[] = [];

  const servicesFile = parseFile(raw.services, servicesFileSchema);
  issues.push(...servicesFile.issues);
  const services = servicesFile.value?.services ?? [];
  const serviceIds = new Set(services.map((service) => service.id));
  const seenServices = new Set<string>();
  services.forEach((service, index) => {
    if (seenServices.has(service.id)) {
      issues.push({ file: raw.services.file, field: `services.${index}.id`, value: service.id, message: 'identifiant de service en double' });
    }
    seenServices.add(service.id);
  });

  const charter = parseFile(raw.charter, charterSchema);
  issues.push(...charter.issues);
  const commitmentIds = new Set(charter.value?.commitments.map((c) => c.id) ?? []);

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
        message: `identifiant déjà utilisé par ${previous} : chaque lieu doit avoir son propre identifiant`,
      });
    } else {
      placeFiles.set(parsed.value.id, file.file);
    }
    places.push({ ...parsed.value, file: file.file });
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
      issues.push({ file: file.file, field: 'insee', value: municipality.insee, message: `cette commune a déjà un fichier : ${previous}` });
    }
    seenCommunes.set(municipality.insee, file.file);
    municipality.commitments.forEach((followUp, index) => {
      if (!commitmentIds.has(followUp.commitment)) {
        const guess = closest(followUp.commitment, commitmentIds);
        issues.push({
          file: file.file,
          field: `commitments.${index}.commitment`,
          value: followUp.commitment,
          message:
            'engagement inconnu' +
            (guess ? ` : vouliez-vous écrire « ${guess} » ?` : '') +
            ` Engagements de la charte : ${[...commitmentIds].join(', ')}.`,
        });
      }
    });
    for (const [field, date] of [['signed', municipality.signed], ['verified', municipality.verified]] as const) {
      if (date > options.today) {
        issues.push({ file: file.file, field, value: date, message: `date dans le futur (aujourd’hui : ${options.today})` });
      }
    }
    municipalities.push({ ...municipality, file: file.file });
  }

  if (issues.length > 0 || !charter.value) return { issues };
  return { dataset: { places, services, charter: charter.value, municipalities }, issues: [] };
}
