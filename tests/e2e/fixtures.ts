import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

/** The address the test site is served at (playwright.config.ts). Links and codes a person receives are made from it. */
export const SERVED = `http://localhost:${process.env.E2E_PORT ?? 4329}`;
export const SERVED_HOST = SERVED.replace(/^https?:\/\//, '');

/** Every test runs with map tiles blocked: the site must work without them. */
export const test = base.extend<{ blockTiles: void }>({
  blockTiles: [
    async ({ context }, use) => {
      await context.route(/data\.geopf\.fr|tile\.openstreetmap\.org/, (route) => route.abort());
      await use();
    },
    { auto: true },
  ],
});
