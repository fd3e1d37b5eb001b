import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Opening hours must not depend on the machine's time zone: run them far from Paris.
    env: { TZ: 'America/New_York' },
    testTimeout: 120_000,
  },
});
