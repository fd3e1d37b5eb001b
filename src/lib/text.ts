/** Lower case without accents or ligatures: "Œuilly-Éte" → "oeuilly-ete". The one accent folding of the project. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Sorts names the French way ("Écully" between "Ecquevilly" and "Eybens"): one collator for the project, as `localeCompare(b, 'fr')` builds one at each call. */
export const frenchOrder = new Intl.Collator('fr').compare;

/** Lower-case ASCII slug for URLs: "Saint-Étienne-du-Rouvray" → "saint-etienne-du-rouvray". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Edit distance where a swap of two neighbouring letters counts once (optimal string alignment):
 * what a typing slip costs. The one way this code compares spellings: misspelt needs, communes,
 * and the keys and ids a data editor probably meant. With `within`, `a` may stand anywhere in `b`
 * (« pont de claix » in « le pont de claix »): the fewest changes to make `a` a part of `b`.
 */
export function editDistance(a: string, b: string, max = Infinity, within = false): number {
  // Past `max`, the exact figure does not matter: max + 1 as soon as a whole row is past it.
  if ((within ? a.length - b.length : Math.abs(a.length - b.length)) > max) return max + 1;
  // Three rows, reused: this runs for every word of a query against every need's word.
  let twoAgo = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  // Within: starting anywhere in b costs nothing.
  if (!within) for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, twoAgo[j - 2]! + 1);
      row[j] = value;
      if (value < least) least = value;
    }
    if (least > max) return max + 1;
    [twoAgo, previous, row] = [previous, row, twoAgo];
  }
  // Within: ending anywhere in b costs nothing either.
  return within ? Math.min(...previous) : previous[b.length]!;
}

/** The closest candidate to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = word.toLowerCase();
  // "recharge" for "recharges-solidaires": a word the id starts with is the likeliest meaning.
  if (lower.length >= 4) {
    const prefixed = list.filter((candidate) => candidate.toLowerCase().startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** FNV-1a hash of a text: stable across runs and machines. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The name part of an imported place's id: "<this>-<hash>" (see interop/toPlace.ts importedId). */
export function placeIdBase(name: string): string {
  return slugify(name).slice(0, 60).replace(/-+$/, '') || 'lieu';
}
