/**
 * The data files' JSON Schemas, made from the zod schemas (each field documented once, in the
 * schema): common editors (VS Code's YAML extension, IntelliJ) complete fields and show their
 * meaning from them. `npm run schemas` writes them in data/schemas/; a test keeps them equal to
 * the zod schemas and checks that they accept every data file check:data accepts.
 */
import { z } from 'astro/zod';
import { charterSchema, municipalitySchema } from './charter.ts';
import { labelsFileSchema } from './label.ts';
import { placeSchema } from './place.ts';
import { servicesFileSchema } from './service.ts';

/** Each schema, by its file name in data/schemas/, and the data files it describes (relative to data/). */
export const DATA_SCHEMAS = {
  'place.schema.json': { schema: placeSchema, files: 'places/**/*.yaml', title: 'schema.title.place' },
  'municipality.schema.json': { schema: municipalitySchema, files: 'municipalities/*.yaml', title: 'schema.title.municipality' },
  'services.schema.json': { schema: servicesFileSchema, files: 'services.yaml', title: 'schema.title.services' },
  'charter.schema.json': { schema: charterSchema, files: 'charter.yaml', title: 'schema.title.charter' },
  'labels.schema.json': { schema: labelsFileSchema, files: 'labels.yaml', title: 'schema.title.labels' },
} as const;

export type SchemaName = keyof typeof DATA_SCHEMAS;

/** The JSON Schema of a data file; `words` turns the schema's message codes into the reader's words. */
export function jsonSchema(name: SchemaName, words: (code: string) => string): Record<string, unknown> {
  const { schema, title } = DATA_SCHEMAS[name];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const translate = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(translate);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'description' && typeof value === 'string' ? words(value) : translate(value)]));
    }
    return node;
  };
  return { $id: `https://schemas.aide-numerique.invalid/${name}`, title: words(title), ...(translate(json) as Record<string, unknown>) };
}

export { schemaComment, schemaCommentFor } from './comment.ts';
