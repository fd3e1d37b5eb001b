/** The export of the real data (data/places): every row accepted. Not run by the mutation tests (no place files there). */
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/lib/interop/export.ts';
import { maxLengthOf } from '../../src/lib/interop/standard.ts';
import { refusedByNationalMap, violations } from './standard-checks.ts';
import { exportOf } from './world.ts';

describe('export of the real data', async () => {
  const { rows } = await exportOf('data');

  test('every row meets the schema and is accepted by the national map’s library', () => {
    expect(rows.length).toBeGreaterThan(8000);
    expect(rows.flatMap((row) => violations(row).map((text) => `${row.id} ${text}`))).toEqual([]);
    expect(refusedByNationalMap(rows)).toEqual([]);
  });

  test('every cell of the CSV, formula guard included, keeps the schema’s maximum length', () => {
    const cells = parse<Record<string, string>>(toCsv(rows), { columns: true });
    const max = maxLengthOf('presentation_resume')!;
    expect(cells.filter((cell) => cell.presentation_resume!.length > max).map((cell) => cell.id)).toEqual([]);
  });

  test('no text cell of the CSV starts as a formula', () => {
    const cells = parse(toCsv(rows), { columns: false }).slice(1).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell))).toEqual([]);
  });
});
