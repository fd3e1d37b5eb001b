/**
 * The one place pages get data from: the collections are read once per build and turned
 * into a Directory (see src/lib/directory.ts). Calling getCollection in every page's render
 * is quadratic at scale; this is not.
 */
import { getCollection } from 'astro:content';
import { buildDate, readReference } from '../lib/dataset.ts';
import { buildDirectory, type Directory } from '../lib/directory.ts';

let directory: Promise<Directory> | undefined;

/** Opening-hours exceptions start the day before the build, so no time zone is left behind. */
function scheduleStart(): string {
  const day = new Date(`${buildDate()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export function getDirectory(): Promise<Directory> {
  directory ??= (async () => {
    const [places, services, charters, municipalities, reference] = await Promise.all([
      getCollection('places'),
      getCollection('services'),
      getCollection('charter'),
      getCollection('municipalities'),
      readReference('data'),
    ]);
    const dataset = {
      places: places.map((entry) => entry.data),
      services: services.map((entry) => entry.data),
      charter: charters[0]!.data,
      municipalities: municipalities.map((entry) => entry.data),
    };
    return buildDirectory(dataset, reference, scheduleStart());
  })();
  return directory;
}
