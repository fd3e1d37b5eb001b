import { missingForStandard, rowsByCommune, toStandardRow, type MissingForStandard, type StandardRow } from '../lib/interop/export.ts';
import { getDirectory } from './data.ts';

export interface StandardExport {
  rows: StandardRow[];
  /** Places left out of the standard export, by reason. */
  left: Map<MissingForStandard, number>;
  /** The rows of each commune (by INSEE code), for its own files. */
  byCommune: Map<string, StandardRow[]>;
}

let cached: Promise<StandardExport> | undefined;

/** Computed once per build: three files and a page share it. */
export function standardExport(): Promise<StandardExport> {
  cached ??= (async () => {
    const directory = await getDirectory();
    const services = new Map(directory.dataset.services.map((service) => [service.id, service]));
    const rows: StandardRow[] = [];
    const left = new Map<MissingForStandard, number>();
    for (const place of directory.places) {
      const missing = missingForStandard(place);
      if (missing) {
        left.set(missing, (left.get(missing) ?? 0) + 1);
        continue;
      }
      rows.push(toStandardRow(place, services));
    }
    return { rows, left, byCommune: rowsByCommune(rows) };
  })();
  return cached;
}
