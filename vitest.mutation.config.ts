import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The unit tests Stryker runs for each mutant: all but those that spawn another process (a
 * build, the import command: *.cli.test.ts), whose child processes never run the mutant, and
 * those on the real data (*.data.test.ts): the sandbox has no place files.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['tests/unit/*.cli.test.ts', 'tests/unit/*.data.test.ts', 'node_modules/**'],
      // Shared modules are read once per worker, not once per file (the reference of communes is large).
      isolate: false,
    },
  }),
);
