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
