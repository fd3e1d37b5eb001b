import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { recoverSite, SWAP_STEPS, swapInto } from '../../integrations/atomic-output.ts';

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

describe('an atomic build', () => {
  const outDir = 'dist-test-atomic';
  const building = `${outDir}.building`;
  const env = { ...process.env, DATA_DIR: 'tests/fixtures/site', OUT_DIR: outDir, BUILD_DATE: '2026-03-01' };
  const clean = () => {
    for (const dir of [outDir, building, `${outDir}.previous`]) rmSync(dir, { recursive: true, force: true });
  };

  test('a build killed midway, or one that fails, leaves the previous site whole', async () => {
    clean();
    const first = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env });
    expect(first.status, first.stderr).toBe(0);
    const home = readFileSync(`${outDir}/index.html`, 'utf8');
    const pages = readdirSync(`${outDir}/lieux`).length;
    expect(existsSync(building)).toBe(false);

    // Killed while writing: as soon as the new site's folder has files in it.
    const child = spawn('npx', ['astro', 'build'], { env, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const started = Date.now();
    while (!(existsSync(building) && readdirSync(building).length > 0)) {
      expect(Date.now() - started, 'the build never started writing').toBeLessThan(120_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    expect(readFileSync(`${outDir}/index.html`, 'utf8')).toBe(home);
    expect(readdirSync(`${outDir}/lieux`)).toHaveLength(pages);

    // Failed on bad data.
    const failed = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env: { ...env, DATA_DIR: 'tests/fixtures/invalid-site' } });
    expect(failed.status).not.toBe(0);
    expect(readFileSync(`${outDir}/index.html`, 'utf8')).toBe(home);
    expect(readdirSync(`${outDir}/lieux`)).toHaveLength(pages);
    clean();
  }, 240_000);
});

describe('the build that goes online (npm run build:publish)', () => {
  test.each([
    [{}, 'le site n’a pas d’adresse publique'],
    [{ SITE_URL: 'https://aide-numerique.example.org' }, '« https://aide-numerique.example.org/ » n’est pas une vraie adresse publique'],
    [{ SITE_URL: 'https://aide.mairie-fictive.fr', PUBLIC_REPORT_EMAIL: undefined, FORGE_URL: undefined }, 'ni adresse qui reçoit les corrections (reportEmail) ni forge'],
  ])('refuses %o before building anything', (env, message) => {
    const outDir = 'dist-test-publish';
    rmSync(outDir, { recursive: true, force: true });
    const result = spawnSync('npm', ['run', 'build:publish'], {
      encoding: 'utf8',
      env: { ...process.env, SITE_URL: undefined, ...env, DATA_DIR: 'tests/fixtures/site', OUT_DIR: outDir, BUILD_DATE: '2026-03-01' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(message);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('the swap of an atomic build, killed at every step', () => {
  const work = mkdtempSync(join(tmpdir(), 'swap-'));
  const folders = { live: join(work, 'dist'), building: join(work, 'dist.building'), previous: join(work, 'dist.previous') };
  const site = (dir: string, text: string) => {
    mkdirSync(join(dir, 'lieux'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), text);
    writeFileSync(join(dir, 'lieux/index.html'), text);
  };
  const whole = (dir: string) => existsSync(join(dir, 'index.html')) && readFileSync(join(dir, 'lieux/index.html'), 'utf8') === readFileSync(join(dir, 'index.html'), 'utf8');

  test.each(SWAP_STEPS.map((step, index) => [step, index] as const))('killed after « %s »: the next run finds a whole site, old or new, and keeps it', async (step) => {
    rmSync(work, { recursive: true, force: true });
    site(folders.live, 'ancien site');
    site(folders.building, 'nouveau site');
    const script = `import { swapInto } from ${JSON.stringify(new URL('../../integrations/atomic-output.ts', import.meta.url).pathname)};
await swapInto(${JSON.stringify(folders)}, (step) => { if (step === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); });`;
    const killed = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    // Between the two renames there is no live site: the next build puts the previous one back first.
    await recoverSite(folders);
    expect(whole(folders.live)).toBe(true);
    expect(['ancien site', 'nouveau site']).toContain(readFileSync(join(folders.live, 'index.html'), 'utf8'));
    expect(existsSync(folders.previous)).toBe(false);
    // And the next swap, with a new build, goes through.
    rmSync(folders.building, { recursive: true, force: true });
    site(folders.building, 'site suivant');
    await swapInto(folders);
    expect(readFileSync(join(folders.live, 'index.html'), 'utf8')).toBe('site suivant');
    expect(existsSync(folders.previous)).toBe(false);
  });

  test('the old swap lost the site: killed between the renames, then a new build removed dist.previous', async () => {
    rmSync(work, { recursive: true, force: true });
    site(folders.previous, 'ancien site');
    // No dist/, a leftover dist.previous/: recovery puts it back rather than deleting it.
    expect(await recoverSite(folders)).toBe('restored');
    expect(readFileSync(join(folders.live, 'index.html'), 'utf8')).toBe('ancien site');
  });
});
