/**
 * Builds, off the page's thread, the formats a page is about to build on it (a time zone's clock,
 * dates in words, numbers, plurals, French order). Chromium keeps what they load (ICU's data) for
 * the whole tab: built here first, they then cost the page 1 to 8 ms instead of 80 to 220 ms on a
 * slow phone, a long task on every page that shows « Ouvert maintenant » (see intl-ready.ts).
 */
addEventListener('message', (event: MessageEvent<{ locale: string; timeZone: string }>) => {
  const { locale, timeZone } = event.data;
  const now = new Date();
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(now);
  void Intl.DateTimeFormat().resolvedOptions().timeZone;
  new Intl.NumberFormat(locale).format(1.5);
  new Intl.PluralRules(locale).select(2);
  new Intl.Collator('fr').compare('a', 'b');
  postMessage('ready');
});
