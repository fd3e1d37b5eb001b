/** The site's words. Pages and build code import `t`; browser code gets its part of the dictionary via data attributes. */
import { fr } from './fr.ts';
import { createTranslator, encodeWords, pick, type Key, type Translate } from './translate.ts';
import { fillFrench } from './french.ts';
import { STATUS_WORDS } from './hours-status.ts';

export type { Key, Translate } from './translate.ts';
export const LOCALE = 'fr';
export const t: Translate = createTranslator(fr, {}, 'fr', fillFrench);

const clientText = new Map<string, string>();

/** The words a client script needs, for a `data-i18n` attribute (`encodeWords`; written once per build for each set of prefixes). */
export function clientWords(...prefixes: string[]): string {
  const key = prefixes.join('\u0000');
  let text = clientText.get(key);
  if (text === undefined) clientText.set(key, (text = encodeWords(pick(fr, prefixes))));
  return text;
}

/** Label of a vocabulary value: `label('kind', 'relay')`. */
export function label(vocabulary: string, id: string): string {
  return t(`${vocabulary}.${id}` as Key);
}

/** The words <open-status> needs: on each element, or once on a list (`data-status-words`). Picked once per build. */
let statusWordsText: string | undefined;
export const statusWords = (): string => (statusWordsText ??= clientWords(...STATUS_WORDS));
