import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';

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
