/**
 * A place page opened offline (never visited): the French place view reads it from the search
 * files. Its own module: only the « Pas d'internet » page and the place view load it.
 */
import { CORRECTION_PARAM, PLACE_VIEW_PATH } from './routes.ts';

/** The id in a place page's address (« /lieux/ccas-de-roubaix-197veu7/ »), or null. */
export function placeIdOfPath(path: string): string | null {
  return /^\/lieux\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\/$/.exec(path)?.[1] ?? null;
}

/** The French place view, for a place known by its id alone: what a place page shows, read from the search files (offline). */
export const frenchPlaceView = (id: string): string => `${PLACE_VIEW_PATH}?${CORRECTION_PARAM}=${id}`;
