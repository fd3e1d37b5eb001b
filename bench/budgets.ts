/**
 * What the site may cost a phone on a slow, metered connection: the one table of budgets.
 * tests/e2e/weights.spec.ts fails when one is exceeded (`npm test`), and `npm run bench` prints
 * the figures beside them. KB are 1,024 bytes of gzip, as a host sends the files.
 *
 * A budget is a ceiling chosen a little above what the page loads today (5 to 8 %): room for a
 * fix, not for a new library. Raising one is a decision, written here with its reason.
 */

/**
 * JavaScript each page type loads at once (dynamic imports that load without any interaction
 * included), on the fixture build the tests serve: its code is the real build's code, only the
 * data differ. Names: bench/weights.ts `weightPages`.
 */
export const PAGE_JS_BUDGETS_KB: Readonly<Record<string, number>> = {
  // Measured 35.9 (2026-12-02): the search engine (15 KB), then the QR encoder (6 KB) once the
  // first results are drawn, so that printed results carry their codes.
  accueil: 38,
  recherche: 44,
  // 14.4: "open now" (3), add to a selection, listen, share, print; the page works without any.
  // 15.6 (2026-12-03): + 0.6 for the worker that loads the date formats off the page (it takes an
  // 85 to 131 ms task off a slow phone), + 0.1 for the code's written address without the encoder.
  lieu: 16,
  // 13.1 (2026-12-03), of which 0.6 for the worker that loads the date formats off the page
  // (intl-warm.worker.ts, intl-ready.ts): it takes an 80 to 220 ms task off a slow phone.
  commune: 13.5,
  departement: 8,
  orienter: 36,
  selection: 44,
  // 78.9: the correction form checks a record with the data's own rules (form-kit, 48 KB).
  corriger: 84,
  'ar-accueil': 38,
  'ar-recherche': 44,
  'ar-lieu': 32,
  'ar-orienter': 36,
  'ar-selection': 44,
  'facile-accueil': 38,
  'facile-recherche': 44,
  'facile-lieu': 32,
  'facile-orienter': 36,
  'facile-selection': 44,
};

/** A search page in another language loads at most this much more JavaScript than the French one (before a first search). */
export const OTHER_LANGUAGE_SEARCH_EXTRA_KB = 5;

/**
 * A place's page is read and its phone called with no JavaScript; "open now" (OpenStatus and
 * all it imports) costs at most this.
 */
export const OPEN_NOW_KB = 3;

/** What a first visit downloads to work offline (the service worker's precache), on the real data. */
export const OFFLINE_DOWNLOAD_KB = 1100;
