/**
 * The orientation mode (/orienter/): four steps over the search's own URL parameters (need,
 * where, conditions, when), so that the last step opens the results with nothing to translate.
 * The step itself is in the URL too (`etape`): a reload or a shared link opens the same step.
 */
export const STEPS = ['need', 'where', 'conditions', 'when'] as const;
export type Step = (typeof STEPS)[number];
export const STEP_PARAM = 'etape';

/** The search parameters each step sets (the form's input names). */
export const STEP_FIELDS: Record<Step, readonly string[]> = {
  need: ['service'],
  // « commune »: the one chosen when several match what was typed (« Grigny », « roubai »).
  where: ['q', 'commune', 'autour'],
  conditions: ['langue', 'sans-orientation', 'fauteuil', 'gratuit', 'sans-rdv'],
  when: ['quand', 'moment'],
};

/** 1-based step of a URL, within bounds. */
export function stepFrom(params: URLSearchParams): number {
  const step = Number.parseInt(params.get(STEP_PARAM) ?? '1', 10);
  return Number.isFinite(step) ? Math.min(Math.max(step, 1), STEPS.length) : 1;
}

/** The parameters of the search the answers make: only the steps' fields, in the steps' order. */
export function searchParamsOf(params: URLSearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const step of STEPS) {
    for (const name of STEP_FIELDS[step]) for (const value of params.getAll(name)) if (value.trim()) search.append(name, value.trim());
  }
  return search;
}

/** The orientation URL's parameters: the answers, then the step. */
export function orientParams(answers: URLSearchParams, step: number): URLSearchParams {
  const params = searchParamsOf(answers);
  params.set(STEP_PARAM, String(Math.min(Math.max(step, 1), STEPS.length)));
  return params;
}

/** Where the answers say to look: a commune or postcode typed, or "around me". */
export function hasWhere(params: URLSearchParams): boolean {
  return Boolean(params.get('q')?.trim()) || params.get('autour') === '1';
}
