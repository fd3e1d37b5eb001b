/**
 * The events the search list and the map send each other, typed once: listeners get typed
 * details without casts. Both sides import this module.
 */
import type { MapPoint } from '../lib/map/points.ts';
import type { SelectionEntry } from '../lib/orient/selection.ts';

export interface HelpEvents {
  /** The list shows these places (null: no results to show). */
  'search:results': CustomEvent<{ points: MapPoint[] | null }>;
  /** Every card of a search's outcome is drawn (the last slice included). */
  'search:drawn': CustomEvent<null>;
  /** The map is drawn and listening: the list sends its results again. */
  'map:ready': CustomEvent<null>;
  /** A result was pointed at in the list: the map opens its popup. */
  'map:highlight': CustomEvent<{ id: string }>;
  /** A marker was chosen on the map: the list highlights its result. */
  'list:highlight': CustomEvent<{ id: string }>;
  /** "Rechercher dans cette zone": search around this point. */
  'map:search-area': CustomEvent<{ lat: number; lon: number }>;
  /** The selection changed (here or in another tab); `message` is read out, '' for none. */
  'selection:change': CustomEvent<{ entries: SelectionEntry[]; message: string }>;
}

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends HelpEvents {}
}

export function emit<K extends keyof HelpEvents>(type: K, detail: HelpEvents[K]['detail']): void {
  document.dispatchEvent(new CustomEvent(type, { detail }));
}
