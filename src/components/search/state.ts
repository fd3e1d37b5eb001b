/** The search's state lives in the URL: shareable, back button, reload. Form ↔ URL ↔ filters. */
import { NO_FILTERS, type Filters } from '../../lib/search/engine.ts';

/** Checkbox filters and their URL parameter (the form's input names). */
export const CHECKBOXES: readonly [keyof Filters, string][] = [
  ['openNow', 'ouvert'],
  ['saturday', 'samedi'],
  ['free', 'gratuit'],
  ['noReferral', 'sans-orientation'],
  ['walkIn', 'sans-rdv'],
  ['wheelchair', 'fauteuil'],
  ['emmaus', 'emmaus'],
];

export function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = { ...NO_FILTERS, services: params.get('service') ? [params.get('service')!] : [], language: params.get('langue') || null };
  for (const [key, name] of CHECKBOXES) (filters[key] as boolean) = params.get(name) === '1';
  return filters;
}

export function paramsFromForm(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
  return params;
}

export function fillForm(form: HTMLFormElement, params: URLSearchParams): void {
  form.querySelector<HTMLInputElement>('input[name="q"]')!.value = params.get('q') ?? '';
  for (const select of form.querySelectorAll('select')) select.value = params.get(select.name) ?? '';
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.get(box.name) === '1';
}

/** "zone=50.630,3.050": the centre of the map area to search. */
export function zoneFrom(params: URLSearchParams): { lat: number; lon: number } | null {
  const zone = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(params.get('zone') ?? '');
  return zone ? { lat: Number(zone[1]), lon: Number(zone[2]) } : null;
}
