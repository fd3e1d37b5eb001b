/**
 * `npm run schemas`: writes the data files' JSON Schemas (data/schemas/), from the zod schemas,
 * with their words in French. Run it after changing a schema; a test fails while they differ.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { t } from '../src/i18n/index.ts';
import { wordsOfMessage } from '../src/i18n/messages.ts';
import { DATA_SCHEMAS, jsonSchema, type SchemaName } from '../src/lib/schemas/json.ts';

export const SCHEMA_DIR = 'data/schemas';

export function schemaText(name: SchemaName): string {
  return `${JSON.stringify(
    jsonSchema(name, (code) => wordsOfMessage(t, code)),
    null,
    2,
  )}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const name of Object.keys(DATA_SCHEMAS) as SchemaName[]) await writeFile(`${SCHEMA_DIR}/${name}`, schemaText(name));
  console.log(`${Object.keys(DATA_SCHEMAS).length} schemas written in ${SCHEMA_DIR}/`);
}
