/**
 * The data files of the national standard, written once the pages are:
 * - the whole directory (`/donnees/lieux.csv`, `.json`, and `.geojson` with every place);
 * - each commune's places (`/donnees/communes/<INSEE>.csv` and `.json`), thousands of small files.
 *
 * The rows are those the pages made (standardExport()). The whole files are written a piece at a
 * time: as Astro routes, each was one string of tens of megabytes at 50,000 places, then as many
 * bytes, the build's highest memory. The communes' files as routes cost about 1 ms each, some 10 s
 * of build on the real data.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { csvPieces, geoJsonPieces, jsonPieces, toCsv, toJson } from '../src/lib/interop/export.ts';
import { communeDataFiles, DATA_FILES } from '../src/lib/routes.ts';
import { getDirectory } from '../src/site/data.ts';
import { standardExport } from '../src/site/exports.ts';

/** Writes a file from its pieces, one after the other. */
function writePieces(path: string, pieces: Iterable<string>): void {
  const file = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(file, piece);
  } finally {
    closeSync(file);
  }
}

export function dataFiles(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'data-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const [{ rows, byCommune }, directory] = await Promise.all([standardExport(), getDirectory()]);
        mkdirSync(`${root}${DATA_FILES.communes}`, { recursive: true });
        writePieces(`${root}${DATA_FILES.csv}`, csvPieces(rows));
        writePieces(`${root}${DATA_FILES.json}`, jsonPieces(rows));
        // Every place, those without a street address included, as GeoJSON points.
        writePieces(`${root}${DATA_FILES.geojson}`, geoJsonPieces(directory.places, site));
        // Written synchronously: for thousands of small files, much faster than as many promises.
        for (const [insee, own] of byCommune) {
          const files = communeDataFiles({ insee });
          writeFileSync(`${root}${files.csv}`, toCsv(own));
          writeFileSync(`${root}${files.json}`, toJson(own));
        }
        logger.info(`${rows.length} places in the national standard (csv, json), ${directory.places.length} in GeoJSON; ${byCommune.size} communes: their places in CSV and JSON`);
      },
    },
  };
}
