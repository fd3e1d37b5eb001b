/**
 * An atomic build: Astro empties its output folder before writing, so a build killed midway
 * (out of memory, time limit) would leave a site without pages. This integration makes Astro
 * write into a sibling folder (`dist.building/`) and moves it into place only when the build
 * is done; a build that fails or is killed leaves the previous site whole. List it last: the
 * other integrations' "build done" steps (the service worker) run on the new folder first.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The folder a build writes into before it is complete. */
export const buildingDir = (outDir: URL): URL => new URL(`${outDir.href.replace(/\/$/, '')}.building/`);
const previousDir = (outDir: URL): URL => new URL(`${outDir.href.replace(/\/$/, '')}.previous/`);

export function atomicOutput(): AstroIntegration {
  let target: URL | undefined;
  return {
    name: 'atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        target = config.outDir;
        updateConfig({ outDir: buildingDir(target) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!target) return;
        const done = fileURLToPath(dir);
        const live = fileURLToPath(target);
        const previous = fileURLToPath(previousDir(target));
        await rm(previous, { recursive: true, force: true });
        if (existsSync(live)) await rename(live, previous);
        await rename(done, live);
        await rm(previous, { recursive: true, force: true });
        logger.info(`site moved into place: ${live}`);
      },
    },
  };
}
