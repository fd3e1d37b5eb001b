// ESLint 9 (flat config): `npm run lint`, part of `npm test`, fails on any warning.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default defineConfig(
  {
    // Generated or installed files, never written by hand.
    ignores: ['node_modules/', 'dist/', 'dist-*/', 'dist.*/', '.astro/', 'reports/', 'coverage/', 'scratch/', '.scratch/', 'test-results/', 'playwright-report/', 'bench/.work/', '.stryker-tmp/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Rules that read the types (tsconfig.json) for TypeScript files; .astro files are checked by `astro check`.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.astro/*'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  astro.configs.recommended,
  {
    // The map, the only React code.
    files: ['**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
  },
  {
    // Node scripts, configs, tests and the build integrations.
    files: ['*.{js,mjs,ts}', 'scripts/**', 'bench/**', 'integrations/**', 'tests/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      // `const { file: _, ...place } = entry` is how the code leaves a field out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
);
