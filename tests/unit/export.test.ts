import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { exportOf } from './world.ts';
import { toCsv, toJson, type StandardRow } from '../../src/lib/interop/export.ts';
import { STANDARD_COLUMNS } from '../../src/lib/interop/standard.ts';

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; pattern?: string; enum?: string[] };
}
const schema = JSON.parse(readFileSync('data/standard/schema-v1.0.2.json', 'utf8')) as { fields: Field[] };

/** Every constraint the schema file states: required, type, pattern, enum. */
function violations(row: StandardRow): string[] {
  const found: string[] = [];
  for (const field of schema.fields) {
    const value = row[field.name as keyof StandardRow];
    const text = value === null ? '' : String(value);
    if (!text) {
      if (field.constraints?.required) found.push(`${field.name}: required`);
      continue;
    }
    if (field.type === 'number' && !Number.isFinite(Number(text))) found.push(`${field.name}: not a number`);
    if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) found.push(`${field.name}: not a date`);
    if (field.constraints?.pattern && !new RegExp(`^(?:${field.constraints.pattern})$`, 'u').test(text)) found.push(`${field.name}: pattern (${text})`);
    if (field.constraints?.enum && !field.constraints.enum.includes(text)) found.push(`${field.name}: enum (${text})`);
  }
  return found;
}

describe('export to the national standard v1.0.2', async () => {
  const { rows, left } = await exportOf('tests/fixtures/site');

  test('has the schema’s columns, in its order', () => {
    expect([...STANDARD_COLUMNS]).toEqual(schema.fields.map((field) => field.name));
    const csv = parse(toCsv(rows), { columns: false }) as string[][];
    expect(csv[0]).toEqual(schema.fields.map((field) => field.name));
    expect(csv).toHaveLength(rows.length + 1);
  });

  test('meets every constraint read from the schema file', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((row) => violations(row).map((text) => `${row.id} ${text}`))).toEqual([]);
  });

  test('fills multi-valued fields with | and standard values', () => {
    const row = rows.find((item) => item.id === 'espace-fictif-des-hirondelles')!;
    expect(row.services).toBe('Aide aux démarches administratives|Accès internet et matériel informatique');
    expect(row.prise_en_charge_specifique).toBe('Surdité|Illettrisme|Langues étrangères (autres)');
    expect(row.modalites_acces).toBe('Se présenter|Téléphoner|Envoyer un mail avec une fiche de prescription');
    expect(row.telephone).toBe('+33123456789');
    expect(row.formations_labels).toBe('Étapes numériques(La Poste)');
  });

  test('leaves out, with the reason, a place the standard cannot hold', () => {
    expect(left).toEqual([
      ['bus-fictif-isere', 'street'],
      ['relais-fictif-du-moulin', 'street'],
    ]);
  });

  test('writes JSON without empty fields', () => {
    const json = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(json).toHaveLength(rows.length);
    expect(Object.values(json[0]!)).not.toContain(null);
  });

});
