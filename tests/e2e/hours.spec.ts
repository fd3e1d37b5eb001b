import { expect, test } from './fixtures.ts';

// The visitor's computer is in New York: the status must still follow Paris time.
test.use({ timezoneId: 'America/New_York' });

const STRASBOURG = '/lieux/espace-fictif-des-hirondelles/';

test.describe('open now, under a fixed clock', () => {
  test('is open on a Tuesday morning, and marks today in the table', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+01:00'));
    await page.goto(STRASBOURG);
    await expect(page.locator('.status').first()).toHaveText('Ouvert maintenant · ferme à 12 h');
    await expect(page.locator('.status').first()).toHaveAttribute('data-state', 'open');
    await expect(page.getByRole('row', { name: /Mardi \(aujourd’hui\)/ })).toContainText('9 h à 12 h et 14 h à 17 h');
  });

  test('on a phone, today’s marker is never cut inside a word', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.clock.setFixedTime(new Date('2026-03-05T10:00:00+01:00'));
    await page.goto(STRASBOURG);
    const marker = page.getByRole('row', { name: /Jeudi \(aujourd’hui\)/ }).locator('[data-today]');
    await expect(marker).toHaveText(' (aujourd’hui)');
    // « (aujourd’hu » on one line and « i) » on the next: the table gave the day's column the width of a letter.
    const lines = await marker.evaluate((span) => new Set([...span.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top))).size);
    expect(lines).toBe(1);
  });

  test('is closed on Good Friday in Strasbourg and reopens after Easter Monday', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-04-03T10:00:00+02:00'));
    await page.goto(STRASBOURG);
    await expect(page.locator('.status').first()).toHaveText('Fermé · ouvre mardi à 9 h');
  });

  test('is closed during a dated closure, which the page lists', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-05-12T10:00:00+02:00'));
    await page.goto(STRASBOURG);
    await expect(page.locator('.status').first()).toHaveText('Fermé · ouvre lundi à 9 h');
    await expect(page.getByText('Fermé du 11 mai 2026 au 15 mai 2026 : Congés fictifs')).toBeVisible();
  });

  test('shows the status on the cards of a commune page', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-03-03T09:00:00+01:00'));
    await page.goto('/communes/59350-lille/');
    const card = page.locator('li.card', { has: page.getByRole('link', { name: 'Point fictif de la Colline' }) }).first();
    await expect(card.locator('.status')).toHaveText('Fermé · ouvre aujourd’hui à 10 h');
  });
});

test('the date formats are loaded off the page first: a place page builds none before the warm-up worker answers, and writes « Imprimé le » only to print', async ({ page }) => {
  // Loading the browser's date formats (ICU) held a slow phone for 80 to 220 ms on every page
  // with « Ouvert maintenant ». Noted here: each worker made and when it first answered, each date
  // format the page builds.
  await page.addInitScript(() => {
    const seen = { workers: [] as string[], answered: 0, formats: [] as number[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        seen.workers.push(String(url));
        this.addEventListener('message', () => (seen.answered ||= performance.now()));
      }
    };
    const Format = Intl.DateTimeFormat;
    Intl.DateTimeFormat = new Proxy(Format, {
      construct(target, args: ConstructorParameters<typeof Format>) {
        seen.formats.push(performance.now());
        return new target(...args);
      },
      apply(target, self, args: ConstructorParameters<typeof Format>) {
        seen.formats.push(performance.now());
        return target(...args);
      },
    });
  });
  await page.clock.setFixedTime(new Date('2026-03-03T10:00:00+01:00'));
  await page.goto(STRASBOURG);
  await expect(page.locator('.status').first()).toHaveText('Ouvert maintenant · ferme à 12 h');
  await expect(page.getByRole('row', { name: /Mardi \(aujourd’hui\)/ })).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { seen: { workers: string[]; answered: number; formats: number[] } }).seen);
  expect(seen.workers).toEqual([expect.stringMatching(/\/_astro\/intl-warm\.worker[\w.-]*\.js$/)]);
  expect(seen.answered).toBeGreaterThan(0);
  expect(seen.formats.length).toBeGreaterThan(0);
  expect(Math.min(...seen.formats)).toBeGreaterThanOrEqual(seen.answered);
  // The printed date is for paper: nothing on screen asks for it.
  await expect(page.locator('printed-on')).toHaveText('');
});
