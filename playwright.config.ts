import { defineConfig, devices } from '@playwright/test';

/** E2E_PORT: another port, for two checkouts testing on one machine. */
const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // The built site, as users get it, from fictitious fixture data and a fixed build date.
  webServer: {
    command: `npx astro build && npx astro preview --port ${PORT}`,
    url: `http://localhost:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: {
      DATA_DIR: 'tests/fixtures/site',
      OUT_DIR: 'dist-test',
      BUILD_DATE: '2026-03-01',
      // A service of 2 places is « too many to list »: its pages by département are built and tested too.
      SERVICE_LIST_MAX: '1',
      // Its public address is where it is served, as for a real deployment (tests/e2e/links.spec.ts serves it elsewhere too).
      SITE_URL: `http://localhost:${PORT}`,
      PUBLIC_REPORT_EMAIL: 'corrections@exemple.invalid',
      FORGE_URL: 'https://forge.exemple.invalid/collectif-fictif/annuaire',
    },
  },
});
