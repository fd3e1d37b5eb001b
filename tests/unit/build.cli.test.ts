import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

describe('the build with bad data', () => {
  test('stops, lists every problem with its file, and publishes nothing', () => {
    const outDir = 'dist-test-invalid';
    rmSync(outDir, { recursive: true, force: true });
    const result = spawnSync('npx', ['astro', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: 'tests/fixtures/invalid-site', OUT_DIR: outDir, BUILD_DATE: '2026-03-01' },
    });
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('Les données ont 3 problèmes. Rien n’est publié tant qu’ils ne sont pas corrigés');
    expect(output).toContain('tests/fixtures/invalid-site/charter.yaml\n    fichier introuvable : il doit exister');
    expect(output).toContain('tests/fixtures/invalid-site/places/swapped-coordinates.yaml › location.lat = 7.75');
    expect(output).toContain('tests/fixtures/invalid-site/places/bad-hours.yaml › hours.openingHours = "Lu-Ve 9h-12h"');
    expect(existsSync(`${outDir}/index.html`)).toBe(false);
    rmSync(outDir, { recursive: true, force: true });
  });
});
