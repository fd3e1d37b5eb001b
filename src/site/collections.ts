/**
 * The one place pages get data from: the collections are read once per build and turned
 * into a Directory (see src/lib/directory.ts). Calling getCollection in every page's render
 * is quadratic at scale; this is not.
 */
import { getCollection } from 'astro:content';
import { buildDate, readReference } from '../lib/dataset.ts';
import { buildDirectory, scheduleStartFor, type Directory } from '../lib/directory.ts';

let directory: Promise<Directory> | undefined;

export function getDirectory(): Promise<Directory> {
  directory ??= (async () => {
    const [places, services, charters, municipalities, labels, history, reference] = await Promise.all([
      getCollection('places'),
      getCollection('services'),
      getCollection('charter'),
      getCollection('municipalities'),
      getCollection('labels'),
      getCollection('history'),
      readReference('data'),
    ]);
    const dataset = {
      places: places.map((entry) => entry.data),
      services: services.map((entry) => entry.data),
      charter: charters[0]!.data,
      municipalities: municipalities.map((entry) => entry.data),
      labels: labels.map((entry) => entry.data),
      history: history.sort((a, b) => a.id.localeCompare(b.id)).map((entry) => entry.data),
    };
    return buildDirectory(dataset, reference, scheduleStartFor(buildDate()));
  })();
  return directory;
}
