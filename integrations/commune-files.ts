/**
 * Each commune's places in the national standard (`/donnees/communes/<INSEE>.csv` and `.json`),
 * cut from the whole export (`/donnees/lieux.json`) once the build has written it: thousands
 * of small files written directly, instead of as many Astro routes (which cost about 1 ms
 * each, some 10 s of build on the real data).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rowsByCommune, toCsv, toJson, type StandardRow } from '../src/lib/interop/export.ts';
import { communeDataFiles, DATA_FILES } from '../src/lib/routes.ts';

export function communeFiles(): AstroIntegration {
  return {
    name: 'commune-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const rows = JSON.parse(await readFile(`${root}${DATA_FILES.json}`, 'utf8')) as StandardRow[];
        const byCommune = rowsByCommune(rows);
        await mkdir(`${root}${DATA_FILES.communes}`, { recursive: true });
        for (const [insee, own] of byCommune) {
          const files = communeDataFiles({ insee });
          await writeFile(`${root}${files.csv}`, toCsv(own));
          await writeFile(`${root}${files.json}`, toJson(own));
        }
        logger.info(`${byCommune.size} communes: their places in CSV and JSON`);
      },
    },
  };
}
