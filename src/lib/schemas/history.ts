/**
 * The history of updates (data/imports/history.yaml), one entry per import or refresh that
 * was written: which file, from where, its size and checksum, and what it changed. Written by
 * `npm run import` and `npm run refresh`; read by the page « Mises à jour des données ».
 */
import { z } from 'astro/zod';
import { isoDate, safeText, TEXT_MAX } from './common.ts';

/** Relative to the data folder. */
export const HISTORY_FILE = 'imports/history.yaml';

const count = z.number().int().min(0);

export const historyEntrySchema = z.strictObject({
  /** The source's key in data/imports/sources.yaml. */
  source: safeText(TEXT_MAX.short),
  name: safeText(TEXT_MAX.short),
  /** The day of the update. */
  date: isoDate,
  /** The date of the source's edition (its file's date, or the one given). */
  edition: isoDate,
  file: safeText(TEXT_MAX.short),
  /** Where it was downloaded from; null for a local file. */
  url: z.string().nullable(),
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  lastModified: z.string().nullable(),
  etag: z.string().nullable(),
  rows: count,
  counts: z.strictObject({ imported: count, merged: count, rejected: count, created: count, changed: count, unchanged: count, gone: count }),
  /** Why the guard rails were overridden, when they were. */
  forced: safeText(TEXT_MAX.note).nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historySchema = z.array(historyEntrySchema);
