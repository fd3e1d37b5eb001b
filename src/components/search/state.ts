/** The search's state lives in the URL: shareable, back button, reload. Form ↔ URL ↔ filters. */
import { NO_FILTERS, type Filters, type When } from '../../lib/search/judge.ts';
import { BEFORE_LANGUAGE, FILTER_WORDS, MAX_QUERY, NOT_WORDS, OPEN } from '../../lib/search/query.ts';
import { normalize } from '../../lib/search/normalize.ts';
import type { Translate } from '../../i18n/translate.ts';

/** Yes/no filters and their URL parameter (the form's input names). */
export const CHECKBOXES = [
  ['free', 'gratuit'],
  ['noReferral', 'sans-orientation'],
  ['walkIn', 'sans-rdv'],
  ['wheelchair', 'fauteuil'],
  ['emmaus', 'emmaus'],
  ['franceServices', 'france-services'],
] as const satisfies readonly [keyof Filters, string][];

/** "quand": now, a day, or nothing; "moment": a half-day. */
export const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export const WHEN_VALUES = ['maintenant', 'aujourdhui', 'demain', ...DAYS] as const;
export const HALF_VALUES = { matin: 'morning', 'apres-midi': 'afternoon' } as const;

export function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = { ...NO_FILTERS, services: params.getAll('service').filter(Boolean), language: params.get('langue') || null };
  for (const [key, name] of CHECKBOXES) filters[key] = params.get(name) === '1';
  // Older links: ouvert=1, samedi=1.
  const quand = params.get('quand') ?? (params.get('ouvert') === '1' ? 'maintenant' : params.get('samedi') === '1' ? 'samedi' : '');
  const half = HALF_VALUES[params.get('moment') as keyof typeof HALF_VALUES] ?? null;
  filters.openNow = quand === 'maintenant';
  const day: When['day'] | null =
    quand === 'aujourdhui' ? 'today' : quand === 'demain' ? 'tomorrow' : DAYS.includes(quand as (typeof DAYS)[number]) ? DAYS.indexOf(quand as (typeof DAYS)[number]) : null;
  filters.when = day !== null ? { day, half } : half && !filters.openNow ? { day: 'today', half } : null;
  return filters;
}

export function paramsFromForm(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) params.append(name, value.trim());
  return params;
}

/** The words people type for a filter in the page's language (« free », « бесплатно »: `search.said.*` of the dictionaries), normalized, to their field. */
export function filterWordsOf(t: Translate): Map<string, string> {
  const fields = { 'search.said.free': 'gratuit=1', 'search.said.now': 'quand=maintenant', 'search.said.wheelchair': 'fauteuil=1' } as const;
  return new Map(
    Object.entries(fields).flatMap(([key, field]) =>
      t(key as keyof typeof fields)
        .split('|')
        .map((words) => [normalize(words), field] as const),
    ),
  );
}

/**
 * The filters said in the words typed (FILTER_WORDS, in query.ts, and `inLanguage`, those of the page's language), moved to their fields: each
 * then shows as a filter the person can remove, and the search does not call them « mots non
 * compris ». Left in the words: a filter whose field is already set, one said « pas », « sans » or
 * « non » (« pas gratuit »), and a word joined to others that are no filter (« après-demain »). The
 * words left keep their spelling (« Saint-Étienne »).
 */
export function filtersSaid(params: URLSearchParams, inLanguage: ReadonlyMap<string, string> = new Map()): URLSearchParams {
  const q = params.get('q');
  if (!q) return params;
  // Each typed chunk and its words once normalized (« après-midi » is two words).
  const chunks = q.split(/\s+/).map((text) => ({ text, words: normalize(text).split(' ').filter(Boolean), used: false }));
  const words = chunks.flatMap((chunk, at) => chunk.words.map((word) => ({ word, at })));
  const found = new Map<string, string>();
  /** Fields of filters left in the words: « ouvert après-demain » is not « open now ». */
  const left = new Set<string>();
  const said = (name: string, value: string, span: { at: number }[]) => {
    if (params.get(name) || (found.has(name) && found.get(name) !== value)) return;
    found.set(name, value);
    for (const { at } of span) chunks[at]!.used = true;
  };
  for (let start = 0; start < words.length; start++) {
    for (let size = 3; size >= 1; size--) {
      const span = words.slice(start, start + size);
      const phrase = span.map(({ word }) => word).join(' ');
      const field = span.length === size ? (inLanguage.get(phrase) ?? FILTER_WORDS.get(phrase)) : undefined;
      if (!field) continue;
      // Whole chunks only (« après-demain » is not « demain »), and never denied.
      const whole = span.every(({ at }) => words.filter((word) => word.at === at).every((word) => span.includes(word)));
      const [name, value] = field.split('=') as [string, string];
      if (whole && !NOT_WORDS.has(words[start - 1]?.word ?? '')) said(name, value, span);
      else left.add(name);
      start += size - 1;
      break;
    }
  }
  const open = chunks.filter((chunk) => chunk.words.length === 1 && OPEN.test(chunk.words[0]!));
  if (open.length > 0 && !left.has('quand')) said('quand', found.get('quand') ?? 'maintenant', []);
  if (found.size === 0) return params;
  if (found.has('quand')) for (const chunk of open) chunk.used = true;
  let languageNext = false;
  for (const chunk of chunks.toReversed()) {
    if (chunk.used && FILTER_WORDS.get(chunk.words.join(' '))?.startsWith('langue')) languageNext = true;
    else if (languageNext && chunk.words.length === 1 && BEFORE_LANGUAGE.has(chunk.words[0]!)) chunk.used = true;
    else languageNext = false;
  }
  const next = new URLSearchParams(params);
  const rest = chunks
    .filter((chunk) => !chunk.used)
    .map((chunk) => chunk.text)
    .join(' ');
  if (rest) next.set('q', rest);
  else next.delete('q');
  for (const [name, value] of found) next.set(name, value);
  return next;
}

export function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  form.querySelector<HTMLInputElement>('input[name="q"]')!.value = (params.get('q') ?? '').slice(0, MAX_QUERY);
  for (const select of form.querySelectorAll('select')) select.value = params.get(select.name) ?? '';
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.getAll(box.name).includes(box.value);
}

/** "zone=50.630,3.050": the centre of the map area to search. */
export function zoneFrom(params: URLSearchParams): { lat: number; lon: number } | null {
  const zone = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(params.get('zone') ?? '');
  return zone ? { lat: Number(zone[1]), lon: Number(zone[2]) } : null;
}

/** The active filters as removable chips: what each removes from the URL. */
export function activeFilters(params: URLSearchParams): { name: string; value: string }[] {
  const chips: { name: string; value: string }[] = [];
  for (const value of params.getAll('service')) chips.push({ name: 'service', value });
  for (const name of ['quand', 'moment', 'langue'] as const) if (params.get(name)) chips.push({ name, value: params.get(name)! });
  for (const [, name] of CHECKBOXES) if (params.get(name) === '1') chips.push({ name, value: '1' });
  return chips;
}

export function withoutFilter(params: URLSearchParams, chip: { name: string; value: string }): URLSearchParams {
  const next = new URLSearchParams();
  for (const [name, value] of params) if (!(name === chip.name && value === chip.value)) next.append(name, value);
  return next;
}

export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const name of ['q', 'commune', 'autour', 'zone']) if (params.get(name)) next.set(name, params.get(name)!);
  return next;
}
