import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The unit tests Stryker runs for each mutant: all but those that spawn another process (a
 * build, the import command), whose child processes never run the mutant.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['tests/unit/build.test.ts', 'tests/unit/import.cli.test.ts'] },
  }),
);
