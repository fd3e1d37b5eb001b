import { missingForStandard, toStandardRow, type MissingForStandard, type StandardRow } from '../lib/interop/export.ts';
import { communeKey } from '../lib/routes.ts';
import { getDirectory } from './collections.ts';

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
    const byCommune = new Map<string, StandardRow[]>();
    for (const place of directory.places) {
      const missing = missingForStandard(place);
      if (missing) {
        left.set(missing, (left.get(missing) ?? 0) + 1);
        continue;
      }
      const row = toStandardRow(place, services);
      rows.push(row);
      byCommune.set(place.commune.insee, [...(byCommune.get(place.commune.insee) ?? []), row]);
    }
    return { rows, left, byCommune };
  })();
  return cached;
}

/** The communes whose places can be exported: one pair of files (csv, json) each. */
export async function communeExportPaths(): Promise<{ params: { key: string }; props: { insee: string } }[]> {
  const [directory, { byCommune }] = await Promise.all([getDirectory(), standardExport()]);
  return directory.communes
    .filter((summary) => byCommune.has(summary.commune.insee))
    .map((summary) => ({ params: { key: communeKey(summary.commune) }, props: { insee: summary.commune.insee } }));
}
