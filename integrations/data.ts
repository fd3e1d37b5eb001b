/**
 * Reads and checks the data folder when a build starts, before Vite bundles anything: a data
 * file that is wrong stops the build at once with every problem listed (a DataError), and no
 * page is made. The pages then use what was read here (src/site/data.ts).
 *
 * On the dev server, a change in the data folder makes the next page read it again.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { DataError } from '../src/lib/validate.ts';
import { DATA_DIR, forgetData, readData } from '../src/site/data.ts';

export function data(): AstroIntegration {
  return {
    name: 'data',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        const { dataset, warnings } = await readData().catch((error: unknown) => {
          if (!(error instanceof DataError)) throw error;
          // The list is the whole message for the person who edits the data: no stack trace.
          logger.error(`\n${error.message}\n`);
          process.exit(1);
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${dataset.places.length} places read and checked in ${seconds} s (${DATA_DIR}/)`);
        if (warnings.length > 0) logger.warn(`${warnings.length} warnings: npm run check:data lists them`);
      },
      'astro:server:setup': ({ server }) => {
        const folder = resolve(DATA_DIR);
        server.watcher.add(folder);
        const changed = (file: string) => {
          if (!resolve(file).startsWith(folder)) return;
          forgetData();
          // Astro keeps each route's getStaticPaths until told that content changed (as its content layer does).
          for (const environment of Object.values(server.environments)) if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
          server.ws.send({ type: 'full-reload' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
    },
  };
}
