/** The search's state lives in the URL: shareable, back button, reload. Form ↔ URL ↔ filters. */
import { NO_FILTERS, type Filters, type When } from '../../lib/search/judge.ts';
import { MAX_QUERY } from '../../lib/search/query.ts';

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
