/**
 * Builds, off the page's thread, the formats a page is about to build on it: a place's clock
 * (the options of wallClock), dates in words, numbers, plurals, French order. Chromium keeps what
 * they load (ICU's data) for the whole tab: built here first, they then cost the page 1 to 8 ms
 * instead of 80 to 220 ms on a slow phone, a long task on every page that shows « Ouvert
 * maintenant » (see intl-ready.ts). Only the options are imported: the helpers themselves would
 * make this file, which every such page downloads, three times heavier.
 */
import { WALL_CLOCK_FORMAT } from '../lib/dates.ts';
import { DATE_IN_WORDS } from '../lib/format.ts';

addEventListener('message', (event: MessageEvent<{ locale: string; timeZone: string }>) => {
  const { locale, timeZone } = event.data;
  const now = new Date();
  new Intl.DateTimeFormat(WALL_CLOCK_FORMAT[0], { ...WALL_CLOCK_FORMAT[1], timeZone }).formatToParts(now);
  new Intl.DateTimeFormat(locale, DATE_IN_WORDS).format(now);
  new Intl.NumberFormat(locale).format(1.5);
  new Intl.PluralRules(locale).select(2);
  new Intl.Collator('fr').compare('a', 'b');
  postMessage('ready');
});
