/**
 * The selection on this device: localStorage only, never sent. Every change is announced with a
 * typed `selection:change` event (../events.ts), also when another tab changes it. When storage
 * is refused (private browsing, full), the selection lives in memory until the page closes.
 */
import { clientTranslator, type Translate } from '../../i18n/translate.ts';
import { parseSelection, SELECTION_STORAGE_KEY, serializeSelection, type SelectionEntry } from '../../lib/orient/selection.ts';
import { emit } from '../events.ts';

let memory: string | null = null;

export function readSelection(): SelectionEntry[] {
  try {
    return parseSelection(localStorage.getItem(SELECTION_STORAGE_KEY) ?? memory);
  } catch {
    return parseSelection(memory);
  }
}

/** Saves the list and tells the page; `message` is read to screen readers. */
export function writeSelection(entries: readonly SelectionEntry[], message = ''): void {
  memory = serializeSelection(entries);
  try {
    if (entries.length > 0) localStorage.setItem(SELECTION_STORAGE_KEY, memory);
    else localStorage.removeItem(SELECTION_STORAGE_KEY);
  } catch {
    // Kept in memory: the page still works.
  }
  emit('selection:change', { entries: [...entries], message });
}

window.addEventListener('storage', (event) => {
  if (event.key === SELECTION_STORAGE_KEY || event.key === null) emit('selection:change', { entries: readSelection(), message: '' });
});

let words: Translate | undefined;
/** The selection's words, carried once per page by <selection-count> in the header. */
export function selectionWords(): Translate {
  words ??= clientTranslator(document.querySelector<HTMLElement>('selection-count')?.dataset.i18n ?? '');
  return words;
}
