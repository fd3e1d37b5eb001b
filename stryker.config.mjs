// @ts-check
/**
 * Mutation testing (`npm run test:mutation`, not part of `npm test`): Stryker changes the code
 * of src/lib one small way at a time and checks that a unit test fails. The score says how
 * much of src/lib the tests really guard. Report: reports/mutation/index.html.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/lib/**/*.ts'],
  // The sandbox needs the code, the tests and their fixtures, not the 8,600 place files nor the benchmark's.
  ignorePatterns: ['bench/.work', 'dist', 'dist-*', 'dist.building', 'dist.previous', 'data/places', 'scratch', 'test-results'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/tmp',
  concurrency: 2,
  // Later runs re-test only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 3000,
  ignoreStatic: true,
  thresholds: { high: 90, low: 80, break: 80 },
};
