/** The search's state lives in the URL: shareable, back button, reload. Form ↔ URL ↔ filters. */
import { NO_FILTERS, type Filters, type When } from '../../lib/search/judge.ts';
import { MAX_QUERY } from '../../lib/search/query.ts';
import { normalize } from '../../lib/search/normalize.ts';

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
  return filtersSaid(params);
}

/**
 * The filters people type with the rest (« wifi gratuit lille », « ouvert samedi matin », « arabe
 * marseille », « fauteuil roulant »), in French, each phrase with its field and value. Not
 * « persan » nor « signes » alone: Persan and Signes are communes.
 */
const SAID: Record<string, string> = {
  gratuit: 'gratuit=1',
  gratuite: 'gratuit=1',
  gratuits: 'gratuit=1',
  gratuites: 'gratuit=1',
  gratuitement: 'gratuit=1',
  'fauteuil roulant': 'fauteuil=1',
  fauteuil: 'fauteuil=1',
  pmr: 'fauteuil=1',
  maintenant: 'quand=maintenant',
  'en ce moment': 'quand=maintenant',
  'aujourd hui': 'quand=aujourdhui',
  aujourdhui: 'quand=aujourdhui',
  demain: 'quand=demain',
  matin: 'moment=matin',
  'apres midi': 'moment=apres-midi',
  anglais: 'langue=en',
  arabe: 'langue=ar',
  espagnol: 'langue=es',
  portugais: 'langue=pt',
  roumain: 'langue=ro',
  russe: 'langue=ru',
  ukrainien: 'langue=uk',
  turc: 'langue=tr',
  farsi: 'langue=fa',
  dari: 'langue=fa',
  pachto: 'langue=ps',
  pashto: 'langue=ps',
  tamoul: 'langue=ta',
  chinois: 'langue=zh',
  wolof: 'langue=wo',
  allemand: 'langue=de',
  italien: 'langue=it',
  'langue des signes': 'langue=lsf',
  lsf: 'langue=lsf',
};
for (const day of DAYS) SAID[day] = `quand=${day}`;
/** « ouvert » says nothing more with a day (« ouvert le samedi »); alone, it is « open now ». */
const OPEN = /^ouverte?s?$/;
/** Just before a language, these words say nothing more (« qui parle arabe », « aide en anglais »), and are kept elsewhere (« aix en provence »). */
const BEFORE_LANGUAGE = new Set(['parle', 'parlent', 'langue', 'en']);

/**
 * The filters said in the words typed, moved to their fields: each then shows as a filter the
 * person can remove, and the search does not call them « mots non compris ». A field already
 * set keeps its value. The words left keep their spelling (« Saint-Étienne »).
 */
export function filtersSaid(params: URLSearchParams): URLSearchParams {
  const q = params.get('q');
  if (!q) return params;
  // Each typed chunk and its words once normalized (« après-midi » is two words).
  const chunks = q.split(/\s+/).map((text) => ({ text, words: normalize(text).split(' ').filter(Boolean), used: false }));
  const words = chunks.flatMap((chunk, at) => chunk.words.map((word) => ({ word, at })));
  const found = new Map<string, string>();
  for (let start = 0; start < words.length; start++) {
    for (let size = 3; size >= 1; size--) {
      const span = words.slice(start, start + size);
      const said = span.length === size ? SAID[span.map(({ word }) => word).join(' ')] : undefined;
      if (!said) continue;
      const [name, value] = said.split('=') as [string, string];
      if (!params.get(name) && !found.has(name)) found.set(name, value);
      for (const { at } of span) chunks[at]!.used = true;
      start += size - 1;
      break;
    }
  }
  const open = chunks.filter((chunk) => chunk.words.length === 1 && OPEN.test(chunk.words[0]!));
  if (open.length > 0 && !params.get('quand')) found.set('quand', found.get('quand') ?? 'maintenant');
  if (found.size === 0) return params;
  for (const chunk of open) chunk.used = true;
  let languageNext = false;
  for (const chunk of chunks.toReversed()) {
    if (chunk.used && SAID[chunk.words.join(' ')]?.startsWith('langue')) languageNext = true;
    else if (languageNext && chunk.words.length === 1 && BEFORE_LANGUAGE.has(chunk.words[0]!)) chunk.used = true;
    else languageNext = false;
  }
  const next = new URLSearchParams(params);
  const left = chunks
    .filter((chunk) => !chunk.used)
    .map((chunk) => chunk.text)
    .join(' ');
  if (left) next.set('q', left);
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
