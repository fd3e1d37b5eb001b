import { missingForStandard, rowsByCommune, toStandardRow, type MissingForStandard, type StandardRow } from '../lib/interop/export.ts';
import type { Directory } from '../lib/directory.ts';
import { getDirectory, oncePerDirectory } from './data.ts';

export interface StandardExport {
  rows: StandardRow[];
  /** Places left out of the standard export, by reason. */
  left: Map<MissingForStandard, number>;
  /** The rows of each commune (by INSEE code), for its own files. */
  byCommune: Map<string, StandardRow[]>;
}

/**
 * Computed once per build: the data page, the communes' pages and the data files
 * (integrations/data-files.ts) share it. The integration read the rows back from the whole export
 * before, 50,000 rows parsed at once at the end of the build.
 */
export async function standardExport(): Promise<StandardExport> {
  const directory = await getDirectory();
  return oncePerDirectory('export', directory, () => exportOf(directory));
}

function exportOf(directory: Directory): StandardExport {
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
}
