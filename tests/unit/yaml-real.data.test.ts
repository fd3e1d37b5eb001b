/**
 * The fast YAML reader (js-yaml) and the reference parser (yaml) read every real data file and
 * every fixture the same way. Not run by the mutation tests (no data files there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml, parseYamlSlowly } from '../../src/lib/dataset.ts';

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

describe('YAML readers on the real files', () => {
  test.each(['data', 'tests/fixtures'])('every YAML file under %s gives the same data or the same refusal', (dir) => {
    const files = yamlFiles(dir);
    expect(files.length).toBeGreaterThan(dir === 'data' ? 8000 : 20);
    const differ = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return JSON.stringify(parseYaml(text, file)) !== JSON.stringify(parseYamlSlowly(text, file));
    });
    expect(differ).toEqual([]);
  });
});
