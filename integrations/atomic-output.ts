/**
 * An atomic build: Astro empties its output folder before writing, so a build killed midway
 * (out of memory, time limit) would leave a site without pages. This integration makes Astro
 * write into a sibling folder (`dist.building/`) and moves it into place only when the build
 * is done; a build that fails or is killed leaves the previous site whole. List it last: the
 * other integrations' "build done" steps (the service worker) run on the new folder first.
 *
 * The move is two renames (`dist → dist.previous`, `dist.building → dist`) and a removal. A
 * process killed between the two renames leaves no `dist/`: the next build (and the next
 * swap) first puts `dist.previous/` back (`recoverSite`), never deletes it before.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The folder a build writes into before it is complete. */
export const buildingDir = (outDir: URL): URL => new URL(`${outDir.href.replace(/\/$/, '')}.building/`);
const previousDir = (outDir: URL): URL => new URL(`${outDir.href.replace(/\/$/, '')}.previous/`);

export interface SiteFolders {
  live: string;
  building: string;
  previous: string;
}

/** The steps of the swap, in order: a test stops the process after each one. */
export const SWAP_STEPS = ['recover', 'live-to-previous', 'building-to-live', 'remove-previous'] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];

/**
 * Puts the site back after a swap that was stopped: with no live folder, the previous one
 * becomes live again; with both, the swap had finished and the previous one is removed.
 */
export async function recoverSite({ live, previous }: Pick<SiteFolders, 'live' | 'previous'>): Promise<'restored' | 'cleaned' | 'nothing'> {
  if (!existsSync(previous)) return 'nothing';
  if (!existsSync(live)) {
    await rename(previous, live);
    return 'restored';
  }
  await rm(previous, { recursive: true, force: true });
  return 'cleaned';
}

/** Moves the finished build into place; `after` runs after each step (tests stop there). */
export async function swapInto(folders: SiteFolders, after: (step: SwapStep) => void | Promise<void> = () => {}): Promise<void> {
  await recoverSite(folders);
  await after('recover');
  if (existsSync(folders.live)) await rename(folders.live, folders.previous);
  await after('live-to-previous');
  await rename(folders.building, folders.live);
  await after('building-to-live');
  await discard(folders.previous);
  await after('remove-previous');
}

/**
 * Removes an old site without making the build wait: it is renamed at once (a rename is
 * instant), then deleted by a process of its own. Deleting tens of thousands of pages (every
 * commune has one) takes longer than writing them.
 */
async function discard(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  const trash = `${folder.replace(/\/$/, '')}.old-${process.pid}-${Date.now()}`;
  await rename(folder, trash);
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(trash)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}

/** Old sites left by a deletion that was stopped (`dist.previous.old-…`): removed the same way. */
async function discardLeftovers(live: string): Promise<void> {
  const parent = dirname(live.replace(/\/$/, ''));
  const prefix = `${basename(live.replace(/\/$/, ''))}.previous.old-`;
  for (const name of await readdir(parent).catch(() => []))
    if (name.startsWith(prefix))
      spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(join(parent, name))}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}

export function atomicOutput(): AstroIntegration {
  let target: URL | undefined;
  return {
    name: 'atomic-output',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        target = config.outDir;
        // A swap stopped last time: the previous site goes back before anything else.
        await recoverSite({ live: fileURLToPath(target), previous: fileURLToPath(previousDir(target)) });
        await discardLeftovers(fileURLToPath(target));
        updateConfig({ outDir: buildingDir(target) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!target) return;
        const live = fileURLToPath(target);
        await swapInto({ live, building: fileURLToPath(dir), previous: fileURLToPath(previousDir(target)) });
        logger.info(`site moved into place: ${live}`);
      },
    },
  };
}
