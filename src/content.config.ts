/**
 * Wires the data files to Astro's content layer. The loaders share one validation pass over
 * the whole data folder (src/lib/dataset.ts), so a build lists every problem at once and
 * stops before publishing anything.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { scheduleSchema } from './lib/hours/scheduleSchema.ts';
import { buildDate, loadData, type LoadedData } from './lib/dataset.ts';
import { placeSchedule, scheduleStartFor } from './lib/directory.ts';
import { charterSchema, municipalitySchema } from './lib/schemas/charter.ts';
import { labelSchema } from './lib/schemas/label.ts';
import { historyEntrySchema } from './lib/schemas/history.ts';
import { placeSchema } from './lib/schemas/place.ts';
import { serviceSchema } from './lib/schemas/service.ts';

/** Tests build the site from fixtures: DATA_DIR=tests/fixtures/site. Communes always come from data/. */
const DATA_DIR = process.env.DATA_DIR ?? 'data';

let loading: Promise<LoadedData> | undefined;
function data(): Promise<LoadedData> {
  loading ??= loadData({ dataDir: DATA_DIR, referenceDataDir: 'data', today: buildDate() });
  return loading;
}

function loader(name: string, entries: (loaded: LoadedData) => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name,
    load: async ({ store }) => {
      const loaded = await data();
      store.clear();
      for (const entry of entries(loaded)) store.set(entry);
    },
  };
}

const withFile = { file: z.string() };

export const collections = {
  places: defineCollection({
    loader: loader('places', ({ dataset, reference }) => {
      const start = scheduleStartFor(buildDate());
      return dataset.places.map((place) => ({ id: place.id, data: { ...place, schedule: placeSchedule(place, reference, start) } }));
    }),
    // The schedule is derived here, where the hours were just parsed for validation.
    schema: placeSchema.extend({ ...withFile, schedule: scheduleSchema.nullable() }),
  }),
  services: defineCollection({
    loader: loader('services', ({ dataset }) => dataset.services.map((service) => ({ id: service.id, data: service }))),
    schema: serviceSchema,
  }),
  labels: defineCollection({
    loader: loader('labels', ({ dataset }) => dataset.labels.map((label) => ({ id: label.id, data: label }))),
    schema: labelSchema,
  }),
  charter: defineCollection({
    loader: loader('charter', ({ dataset }) => [{ id: 'charter', data: dataset.charter }]),
    schema: charterSchema,
  }),
  /** Prose pages (about, accessibility, data and licence): Markdown, not templates. */
  pages: defineCollection({
    loader: glob({ pattern: '*.md', base: 'src/content/pages' }),
    schema: z.strictObject({ title: z.string(), description: z.string() }),
  }),
  /** The updates of the data, oldest first (data/imports/history.yaml). */
  history: defineCollection({
    loader: loader('history', ({ dataset }) => dataset.history.map((entry, index) => ({ id: String(index).padStart(5, '0'), data: entry }))),
    schema: historyEntrySchema,
  }),
  municipalities: defineCollection({
    loader: loader('municipalities', ({ dataset }) => dataset.municipalities.map((municipality) => ({ id: municipality.insee, data: municipality }))),
    schema: municipalitySchema.extend(withFile),
  }),
};
