/**
 * Words of the search that only the page's HTML shows (headings, labels, the form's fields and
 * filters, the text without JavaScript): the panel's script never writes them, so the page does
 * not send them to it again in `data-i18n` (about 2 kB on the home page and on /orienter/, both
 * kept for offline use). « key. » stands for the keys under it. A test checks that no script
 * asks for them.
 */
export const SERVER_ONLY_SEARCH_WORDS = [
  'search.heading',
  'search.title',
  'search.description',
  'search.label',
  'search.hint',
  'search.submit',
  'search.nearMe',
  'search.filters',
  'search.language',
  'search.anyLanguage',
  'search.only',
  'search.needs',
  'search.when',
  'search.when.',
  'search.day',
  'search.anyTime',
  'search.half',
  'search.half.',
  'search.wholeDay',
  'search.unknownIsNotNo',
  'search.apply',
  'search.edit',
  'search.seeMap',
  'search.filter.',
  'search.mapHeading',
  'search.mapLabel',
  'search.noJsHeading',
  'search.noJs',
  'search.departementLine',
] as const;
