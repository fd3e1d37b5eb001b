/** The one search engine of a page, reading the static search files over the network (or the service worker's cache). */
import { SearchEngine } from '../../lib/search/engine.ts';

export const engine = new SearchEngine({
  json: async <T>(path: string): Promise<T> => {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  },
});
