/** What the national standard's schema file and the national map's own library accept, row by row. */
import { readFileSync } from 'node:fs';
import anct from '@gouvfr-anct/lieux-de-mediation-numerique';
import { toJson, type StandardRow } from '../../src/lib/interop/export.ts';

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; pattern?: string; maxLength?: number; enum?: string[] };
}
export const schema = JSON.parse(readFileSync('data/standard/schema-v1.0.2.json', 'utf8')) as { fields: Field[] };

/** What the national map's own model library refuses, row by row. */
export function refusedByNationalMap(rows: readonly StandardRow[]): string[] {
  const json = JSON.parse(toJson(rows)) as Parameters<typeof anct.fromSchemaLieuDeMediationNumerique>[0][];
  return json.flatMap((row) => {
    try {
      anct.fromSchemaLieuDeMediationNumerique(row);
      return [];
    } catch (error) {
      return [`${row.id}: ${(error as Error).message}`];
    }
  });
}

/** Every constraint the schema file states: required, type, pattern, enum, maxLength. */
export function violations(row: StandardRow): string[] {
  const found: string[] = [];
  for (const field of schema.fields) {
    const value = row[field.name];
    const text = value === null ? '' : String(value);
    if (!text) {
      if (field.constraints?.required) found.push(`${field.name}: required`);
      continue;
    }
    if (field.type === 'number' && !Number.isFinite(Number(text))) found.push(`${field.name}: not a number`);
    if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) found.push(`${field.name}: not a date`);
    if (field.constraints?.pattern && !new RegExp(`^(?:${field.constraints.pattern})$`, 'u').test(text)) found.push(`${field.name}: pattern (${text})`);
    if (field.constraints?.enum && !field.constraints.enum.includes(text)) found.push(`${field.name}: enum (${text})`);
    if (field.constraints?.maxLength !== undefined && text.length > field.constraints.maxLength) found.push(`${field.name}: longer than ${field.constraints.maxLength}`);
  }
  return found;
}
