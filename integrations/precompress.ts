/**
 * Precompressed copies (`.gz`) of the files every visitor downloads: the scripts and styles
 * (`_astro/`), the search files, the service worker, the national exports. A host that can
 * send them as they are (nginx's `gzip_static`, see `_nginx.conf`) spends no time compressing
 * them again. Pages (tens of thousands, each read rarely) are left to the host's on-the-fly
 * compression: compressing them all would cost the build seconds it does not have.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';
import type { AstroIntegration } from 'astro';

const compress = promisify(gzip);
/** Where the shared, cacheable files are, relative to the site's root. */
export const PRECOMPRESSED = [/^_astro\//, /^recherche\/.+\.json$/, /^[^/]+\.(js|webmanifest)$/, /^donnees\/lieux\.(csv|json|geojson)$/];
const TEXT = /\.(js|css|json|geojson|csv|svg|webmanifest|txt|html)$/;

/** The folders that hold such files: the site’s ~80,000 pages are never listed (listing them took 7 of the step’s 7.5 s on the real data). */
const FOLDERS = ['_astro', 'recherche', 'donnees'];

async function files(root: string): Promise<string[]> {
  const listed = await Promise.all([readdir(root, { withFileTypes: true }), ...FOLDERS.map((folder) => readdir(join(root, folder), { withFileTypes: true, recursive: true }).catch(() => []))]);
  return listed
    .flat()
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Writes `<file>.gz` for each file to precompress that gains from it; returns how many. */
export async function precompress(root: string): Promise<number> {
  const chosen = (await files(root)).filter((path) => {
    const inSite = relative(root, path).split('\\').join('/');
    return TEXT.test(inSite) && PRECOMPRESSED.some((pattern) => pattern.test(inSite));
  });
  let written = 0;
  await Promise.all(
    chosen.map(async (path) => {
      if ((await stat(path)).size < 1024) return;
      const body = await readFile(path);
      const packed = await compress(body, { level: constants.Z_BEST_COMPRESSION });
      if (packed.length >= body.length) return;
      await writeFile(`${path}.gz`, packed);
      written++;
    }),
  );
  return written;
}

export function precompressed(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await precompress(fileURLToPath(dir));
        logger.info(`${count} files precompressed (.gz) for hosts that send them as they are`);
      },
    },
  };
}
