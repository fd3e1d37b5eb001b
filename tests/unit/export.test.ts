import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { loadData } from '../../src/lib/dataset.ts';
import { missingForStandard, toCsv, toJson, toStandardRow, type StandardRow } from '../../src/lib/interop/export.ts';
import { STANDARD_COLUMNS } from '../../src/lib/interop/standard.ts';

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; pattern?: string; enum?: string[] };
}
const schema = JSON.parse(readFileSync('data/standard/schema-v1.0.2.json', 'utf8')) as { fields: Field[] };

async function exportOf(dataDir: string) {
  const { dataset, reference } = await loadData({ dataDir, referenceDataDir: 'data', today: '2026-03-01' });
  const services = new Map(dataset.services.map((service) => [service.id, service]));
  const places = dataset.places.map((place) => ({ ...place, commune: reference.communes.get(place.address.insee)! }));
  return {
    rows: places.filter((place) => !missingForStandard(place)).map((place) => toStandardRow(place, services)),
    left: places.filter((place) => missingForStandard(place)).map((place) => [place.id, missingForStandard(place)]),
  };
}

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

const work = mkdtempSync(join(tmpdir(), 'export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    expect(left).toEqual([['relais-fictif-du-moulin', 'street']]);
  });

  test('writes JSON without empty fields', () => {
    const json = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(json).toHaveLength(rows.length);
    expect(Object.values(json[0]!)).not.toContain(null);
  });

  test('survives a round trip: export, import, export again gives the same rows', async () => {
    const dataDir = join(work, 'round-trip');
    cpSync('tests/fixtures/site', dataDir, { recursive: true });
    rmSync(join(dataDir, 'places'), { recursive: true });
    rmSync(join(dataDir, 'municipalities'), { recursive: true });
    const csvFile = join(work, 'export.csv');
    writeFileSync(csvFile, toCsv(rows));
    const result = spawnSync(process.execPath, ['scripts/import.ts', csvFile, '--source', 'export', '--name', 'Export fictif', '--date', '2026-03-01'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, BUILD_DATE: '2026-03-01' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`importées : ${rows.length}`);
    const again = (await exportOf(dataDir)).rows;
    const withoutIds = (list: StandardRow[]) =>
      list.map(({ id: _id, source: _source, ...rest }) => rest).sort((a, b) => String(a.nom).localeCompare(String(b.nom)));
    expect(withoutIds(again)).toEqual(withoutIds(rows));
  });
});
