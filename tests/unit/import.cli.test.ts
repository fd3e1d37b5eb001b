import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function freshDataDir(name: string): string {
  const dir = join(work, name);
  cpSync('tests/fixtures/site', dir, { recursive: true });
  return dir;
}

/** What the import writes in imports/reports/<source>.json: the parts these tests read. */
interface Report {
  summary: { outcomes: Record<string, number> };
  rows: { row: number; outcome: string; place?: string; into?: string; reason?: string; why?: string; normalized: string[] }[];
}

function runImport(dataDir: string, file: string) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', file, '--source', 'fictif', '--name', 'Source fictive', '--date', '2023-01-01'], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, BUILD_DATE: '2026-03-01' },
  });
  expect(result.stderr).not.toMatch(/Error/);
  expect(result.status).toBe(0);
  const report = JSON.parse(readFileSync(join(dataDir, 'imports/reports/fictif.json'), 'utf8')) as Report;
  return { output: result.stdout, report };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!full.includes('/imports/reports/')) files[full] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe('import of a v0.1 export', () => {
  const dataDir = freshDataDir('v01');
  const curatedBefore = readFileSync(join(dataDir, 'places/espace-fictif-des-hirondelles.yaml'), 'utf8');
  const { output, report } = runImport(dataDir, 'tests/fixtures/import/v01-fictif.json');
  const rows = report.rows;

  test('accounts for every input row', () => {
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(report.summary.outcomes).toEqual({ imported: 3, merged: 3, rejected: 3 });
    expect(output).toContain('Import de « Source fictive » (v01-fictif.json) : 9 lignes.');
    expect(output).toContain('rejetées : 3');
  });

  test('keeps apart two places that an export gave the same id', () => {
    expect(rows[8]).toMatchObject({ outcome: 'imported', record: 'fictif:f-5~9' });
    expect(rows[8]!.place).not.toBe(rows[4]!.place);
  });

  test('rejects with a reason', () => {
    expect(rows.filter((row) => row.outcome === 'rejected').map((row) => row.reason)).toEqual([
      'nom manquant',
      'commune introuvable : code postal « 00999 » inconnu et pas de code INSEE',
      'le lieu n’accueille pas de public',
    ]);
  });

  test('merges the same place: same SIRET and address, a near point with a similar name, a repeated row', () => {
    const belvedere = rows[0]!.place!;
    expect(rows[1]).toMatchObject({ outcome: 'merged', into: belvedere, why: 'même SIRET et même adresse' });
    expect(rows[5]).toMatchObject({ outcome: 'merged', into: 'espace-fictif-des-hirondelles', why: 'à moins de 100 m, nom proche' });
    expect(rows[7]).toMatchObject({ outcome: 'merged', into: belvedere, why: 'ligne en double dans le fichier (même identifiant)' });
    const merged = readFileSync(join(dataDir, `places/imported/75/${belvedere}.yaml`), 'utf8');
    expect(merged).toContain('record: fictif:f-1');
    expect(merged).toContain('record: fictif:f-2');
    // The more recent record (2022-10-01) gives its date; the older one's date was a placeholder.
    expect(merged).toContain('verified: 2022-10-01');
  });

  test('normalizes messy values safely, and says so', () => {
    const belvedere = readFileSync(join(dataDir, `places/imported/75/${rows[0]!.place}.yaml`), 'utf8');
    // Merged: the more recent row (f-2) gives the name and street, the older one fills the phone.
    expect(belvedere).toContain('name: Espace fictif du Belvédère (annexe)');
    expect(belvedere).toContain('street: 10 rue Imaginaire');
    expect(belvedere).toContain('insee: "75056"');
    expect(belvedere).toContain('phone: 01 23 45 67 89');
    expect(belvedere).toContain('openingHours: Tu-Fr 09:00-12:00');
    expect(rows[0]!.normalized).toEqual(
      expect.arrayContaining([
        'code INSEE d’arrondissement 75119 → 75056',
        'horaires illisibles : gardés en note, sans deviner',
        'date de mise à jour 1970-01-01 : date fictive, traitée comme inconnue',
        'téléphone remis au format 01 23 45 67 89',
      ]),
    );
    const remparts = readFileSync(join(dataDir, `places/imported/59/${rows[4]!.place}.yaml`), 'utf8');
    expect(rows[4]!.normalized).toContain('latitude et longitude inversées : remises dans l’ordre');
    expect(remparts).toContain('lat: 50.6887');
  });

  test('never rewrites a hand-curated file: it only gains a source, comments and layout kept', () => {
    const after = readFileSync(join(dataDir, 'places/espace-fictif-des-hirondelles.yaml'), 'utf8');
    expect(after.startsWith(curatedBefore.split('sources:')[0]!)).toBe(true);
    expect(after).toContain('languages: [fr, ar]');
    expect(after).toContain('  - name: Source fictive\n    date: 2022-09-09\n    record: fictif:f-6\n');
  });

  test('is idempotent: the same input again changes no file', () => {
    const before = snapshot(dataDir);
    const again = runImport(dataDir, 'tests/fixtures/import/v01-fictif.json');
    expect(again.output).toContain('Fichiers écrits : 0.');
    expect(snapshot(dataDir)).toEqual(before);
  });

  test('leaves data that passes the full validation', () => {
    const check = spawnSync(process.execPath, ['scripts/check-data.ts', dataDir], { encoding: 'utf8', env: { ...process.env, BUILD_DATE: '2026-03-01' } });
    expect(check.stdout + check.stderr).toContain('Données valides : 37 lieux');
    expect(check.status).toBe(0);
  });
});

describe('import of France Services’ own CSV', () => {
  const dataDir = freshDataDir('france-services');
  const { report } = runImport(dataDir, 'tests/fixtures/import/france-services-fictif.csv');

  test('reads per-day hours, and keeps unreadable ones as a note', () => {
    expect(report.summary.outcomes).toEqual({ imported: 2 });
    const [moulin, mobile] = report.rows.map((row) => readFileSync(join(dataDir, `places/imported/59/${row.place}.yaml`), 'utf8'));
    expect(moulin).toContain('openingHours: Mo 09:00-12:00,13:30-17:00; Tu 09:00-12:00; Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00');
    expect(moulin).toContain('- france-services');
    expect(mobile).toContain('note: "Horaires donnés par la source : Mo sur rendez-vous le matin"');
    expect(mobile).toContain('- Itinérant');
  });
});
