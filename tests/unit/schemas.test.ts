/**
 * The data files' JSON Schemas (data/schemas/, for editors): made from the zod schemas, never
 * drifting from them, tied to every data file by its first line, and in agreement with
 * check:data on the real data, the fixtures and files check:data refuses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { schemaText, SCHEMA_DIR } from '../../scripts/schemas.ts';
import { schemaCommentFor } from '../../src/lib/schemas/comment.ts';
import { DATA_SCHEMAS, type SchemaName } from '../../src/lib/schemas/json.ts';

const NAMES = Object.keys(DATA_SCHEMAS) as SchemaName[];
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = Object.fromEntries(NAMES.map((name) => [name, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object)]));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The schema a data file follows, from its place in the data folder. */
function schemaOf(file: string, dataDir: string): SchemaName | null {
  const inside = relative(dataDir, file).split('/');
  if (inside[0] === 'places') return 'place.schema.json';
  if (inside[0] === 'municipalities') return 'municipality.schema.json';
  return ({ 'services.yaml': 'services.schema.json', 'charter.yaml': 'charter.schema.json', 'labels.yaml': 'labels.schema.json' } as const)[inside[0] as 'services.yaml'] ?? null;
}

function errors(name: SchemaName, file: string): string[] {
  const validate = validators[name]!;
  return validate(parse(readFileSync(file, 'utf8'))) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('the JSON Schemas of the data files', () => {
  test.each(NAMES)('%s is the zod schema as it is today (npm run schemas writes it)', (name) => {
    expect(readFileSync(join(SCHEMA_DIR, name), 'utf8')).toBe(schemaText(name));
  });

  test('document each field of a place in words, for editors', () => {
    const place = JSON.parse(readFileSync(join(SCHEMA_DIR, 'place.schema.json'), 'utf8')) as { properties: Record<string, { description?: string }> };
    expect(place.properties.name!.description).toBe('Nom du lieu, comme il est écrit sur la porte');
    for (const [field, property] of Object.entries(place.properties)) expect(property.description, field).toMatch(/^[A-ZÀ-Üa-z]/);
  });

  test('accept every real data file, each tied to its schema by its first line', () => {
    const files = yamlFiles('data').filter((file) => schemaOf(file, 'data') !== null && !file.includes('/imports/'));
    expect(files.length).toBeGreaterThan(8600);
    const refused: string[] = [];
    for (const file of files) {
      const name = schemaOf(file, 'data')!;
      expect(readFileSync(file, 'utf8').split('\n', 1)[0], file).toBe(schemaCommentFor(file));
      refused.push(...errors(name, file).map((error) => `${file}: ${error}`));
    }
    expect(refused).toEqual([]);
  });

  test('accept the fixtures check:data accepts', () => {
    const dir = 'tests/fixtures/site';
    for (const file of yamlFiles(dir)) {
      const name = schemaOf(file, dir);
      if (name) expect(errors(name, file), file).toEqual([]);
    }
  });

  test.each([
    ['unknown-kind.yaml', '/kind'],
    ['misspelt-key.yaml', ''],
    ['javascript-url.yaml', ''],
  ])('refuse %s, as check:data does', (fixture, path) => {
    const found = errors('place.schema.json', join('tests/fixtures/invalid', fixture));
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((error) => error.startsWith(path))).toBe(true);
  });

  test.each([
    ['data/places/imported/59/lieu.yaml', '# yaml-language-server: $schema=../../../schemas/place.schema.json'],
    ['data/places/emmaus-connect/lieu.yaml', '# yaml-language-server: $schema=../../schemas/place.schema.json'],
    ['data/municipalities/59350-lille.yaml', '# yaml-language-server: $schema=../schemas/municipality.schema.json'],
    ['data/services.yaml', '# yaml-language-server: $schema=schemas/services.schema.json'],
    ['data/imports/sources.yaml', null],
  ])('%s is tied to its schema by « %s »', (path, comment) => {
    expect(schemaCommentFor(path)).toBe(comment);
  });
});
