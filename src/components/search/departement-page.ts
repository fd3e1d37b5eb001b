/**
 * The page of a département the search names (« lozere »), from its code and name: what
 * routes.ts's departementUrl() gives (a test checks it for every département). Written here with
 * the search's own normalize(): importing departementUrl and text.ts's slugify into the search's
 * code put them in the chunks every page shares, over the commune, département and place pages'
 * JavaScript budgets.
 */
import { normalize } from '../../lib/search/normalize.ts';

export function departementPage(code: string, name: string): string {
  return `/departements/${code.toLowerCase()}-${normalize(name).replaceAll(' ', '-')}/`;
}
