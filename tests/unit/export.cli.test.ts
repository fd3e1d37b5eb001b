/** The export → import → export round trip, through the import command (a child process). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { toCsv, type StandardRow } from '../../src/lib/interop/export.ts';
import { exportOf } from './world.ts';

const work = mkdtempSync(join(tmpdir(), 'export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('export to the national standard v1.0.2', async () => {
  const { rows } = await exportOf('tests/fixtures/site');

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
    const withoutIds = (list: StandardRow[]) => list.map(({ id: _id, source: _source, ...rest }) => rest).sort((a, b) => String(a.nom).localeCompare(String(b.nom)));
    expect(withoutIds(again)).toEqual(withoutIds(rows));
  });
});
