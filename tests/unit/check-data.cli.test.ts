/** `npm run check:data`: hours that cannot be right are listed with their fix, and `--fix-hours` writes it. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'check-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const checkData = (...args: string[]) => spawnSync(process.execPath, ['scripts/check-data.ts', ...args], { encoding: 'utf8', env: { ...process.env, BUILD_DATE: '2026-03-01' } });

describe('check:data and hours that cannot be right', () => {
  const dir = join(work, 'site');
  cpSync('tests/fixtures/site', dir, { recursive: true });
  const file = join(dir, 'places/point-fictif-de-la-colline.yaml');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('  openingHours: Tu-Sa 10:00-18:00', '  # Relevé sur la porte.\n  openingHours: Tu 00:00-00:00,10:00-18:00; We-Sa 10:00-18:00'));

  test('lists the file with the hours the site reads, and does not fail', () => {
    const result = checkData(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `1 fiche(s) ont des horaires qui ne peuvent pas être justes. Le site les lit comme dit ci-dessous ; corrigez les fichiers :\n\n${relative(process.cwd(), file)} › hours.openingHours = "Tu 00:00-00:00,10:00-18:00; We-Sa 10:00-18:00"\n    « 00:00-00:00 » commence et finit à la même heure, à côté des vraies heures du jour : ce n’est pas une heure d’ouverture. Le site lit « Tu 10:00-18:00; We-Sa 10:00-18:00 ».`,
    );
  });

  test('--fix-hours writes the rule’s reading, keeps the comments, and leaves nothing to list', () => {
    const fixed = checkData(dir, '--fix-hours');
    expect(fixed.stdout).toContain('Horaires corrigés par la règle dans 1 fichier(s).');
    expect(readFileSync(file, 'utf8')).toBe(original.replace('  openingHours: Tu-Sa 10:00-18:00', '  # Relevé sur la porte.\n  openingHours: Tu 10:00-18:00; We-Sa 10:00-18:00'));
    const again = checkData(dir);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('ne peuvent pas être justes');
  });
});
