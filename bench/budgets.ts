/**
 * What the site may cost a phone on a slow, metered connection: the one table of budgets.
 * tests/e2e/weights.spec.ts fails when one is exceeded (`npm test`), and `npm run bench` prints
 * the figures beside them. KB are 1,024 bytes of gzip, as a host sends the files.
 *
 * A budget is a ceiling chosen a little above what the page loads today (about 10 %): room for
 * a fix, not for a new library. Raising one is a decision, written here with its reason.
 */

/**
 * JavaScript each page type loads at once (dynamic imports that load without any interaction
 * included), on the fixture build the tests serve: its code is the real build's code, only the
 * data differ. Names: bench/weights.ts `weightPages`.
 */
export const PAGE_JS_BUDGETS_KB: Readonly<Record<string, number>> = {
  accueil: 32,
  recherche: 37,
  lieu: 15,
  commune: 13,
  departement: 8,
  orienter: 37,
  selection: 38,
  corriger: 84,
  'ar-accueil': 32,
  'ar-recherche': 37,
  'ar-lieu': 32,
  'ar-orienter': 37,
  'ar-selection': 38,
  'facile-accueil': 32,
  'facile-recherche': 37,
  'facile-lieu': 32,
  'facile-orienter': 37,
  'facile-selection': 38,
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
