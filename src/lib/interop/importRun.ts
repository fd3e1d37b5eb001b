/**
 * The import's decisions, without I/O: for every input row, imported, merged (into which
 * place, and why) or rejected (why). `scripts/import.ts` reads the files and writes what this
 * returns; tests call it directly.
 */
import { t } from '../../i18n/index.ts';
import type { Reference } from '../reference.ts';
import { placeSchema, type PlaceInput } from '../schemas/place.ts';
import { normalize } from '../search/normalize.ts';
import { checkPlace, formatIssue, schemaIssues, type Dataset } from '../validate.ts';
import { mergePlaces, PlaceMatcher, sourceKeys, type KnownPlace } from './merge.ts';
import type { Conversion } from './record.ts';
import { importContext, recordToPlace, type SourceInfo } from './toPlace.ts';

export type ImportRow =
  | { row: number; record: string; outcome: 'imported'; place: string; normalized: string[] }
  /** A place of the older edition of the list that this one no longer has: kept, marked. */
  | { row: null; record: string; outcome: 'left'; place: string; normalized: string[] }
  | { row: number; record: string; outcome: 'merged'; into: string; why: string; normalized: string[] }
  | { row: number; record: string; outcome: 'rejected'; reason: string; normalized: string[] };

export interface ImportResult {
  /** Every place after the import, by id. */
  places: Map<string, KnownPlace>;
  /** Places to write (a file whose text is unchanged is not rewritten). */
  changed: Set<string>;
  /** Sources added to hand-curated files, which are edited in place, never rewritten. */
  addedToCurated: Map<string, PlaceInput['sources']>;
  rows: ImportRow[];
  /** Places of this list (or of the edition it supersedes) before the import: what "gone" is a share of. */
  listed: number;
}

/** A row the reader could not take as a place (`read.ts`): rejected with this reason. */
export interface Unreadable {
  unreadable: string;
}

export interface ImportInput {
  dataset: Dataset;
  reference: Reference;
  conversions: (Conversion | Unreadable)[];
  source: SourceInfo;
  /** Where new files go: `<dataDir>/places/imported/<département>/<id>.yaml`. */
  dataDir: string;
  today: string;
}

export function runImport({ dataset, reference, conversions, source, dataDir, today }: ImportInput): ImportResult {
  const context = importContext(reference, dataset.services);
  const serviceIds = new Set(dataset.services.map((service) => service.id));
  const places = new Map<string, KnownPlace>();
  for (const place of dataset.places) {
    const { file, ...data } = place;
    places.set(place.id, { id: place.id, file, curated: !file.includes('/places/imported/'), place: data });
  }
  const matcher = new PlaceMatcher(places.values());
  const changed = new Set<string>();
  const addedToCurated = new Map<string, PlaceInput['sources']>();
  const rows: ImportRow[] = [];
  const seenThisRun = new Map<string, string>();
  /** Places of the older edition found again in this one. */
  const seenPrevious = new Set<string>();
  const namesById = new Map<string, string>();

  function problems(place: PlaceInput): string | null {
    const parsed = placeSchema.safeParse(place);
    if (!parsed.success)
      return schemaIssues('', place, placeSchema)
        .map((issue) => `${issue.field} : ${issue.message}`)
        .join(' ; ');
    const issues = checkPlace(`imported/${place.id}.yaml`, parsed.data, { reference, serviceIds, today });
    return issues.length > 0 ? issues.map(formatIssue).join(' ; ') : null;
  }

  /** Row ids of this edition, read or rejected: a place whose row is rejected is still listed, not gone. */
  const idsThisRun = new Set<string>();
  const listKeys = [source.key, source.supersedes].filter(Boolean).map((key) => `${key}:`);
  const listed = [...places.values()].filter((known) => sourceKeys(known.place).some((key) => listKeys.some((prefix) => key.startsWith(prefix)))).length;

  conversions.forEach((conversion, index) => {
    const row = index + 1;
    if ('unreadable' in conversion) {
      rows.push({ row, record: `${source.key}:ligne-${row}`, outcome: 'rejected', reason: conversion.unreadable, normalized: [] });
      return;
    }
    if (!conversion.record.id) conversion.record.id = `ligne-${row}`;
    // Some exports reuse an id for different places (data·inclusion merges several sources):
    // a repeated id with another name is another place, told apart by its row number.
    const firstName = namesById.get(conversion.record.id);
    if (firstName === undefined) namesById.set(conversion.record.id, normalize(conversion.record.nom));
    else if (firstName !== normalize(conversion.record.nom)) conversion.record.id = `${conversion.record.id}~${row}`;
    const record = `${source.key}:${conversion.record.id}`;
    idsThisRun.add(conversion.record.id);
    const outcome = recordToPlace(conversion.record, source, context);
    const normalized = [...conversion.dropped.map((text) => t('import.dropped', { text })), ...outcome.normalized];
    if (!outcome.ok) {
      rows.push({ row, record, outcome: 'rejected', reason: outcome.reason, normalized });
      return;
    }
    const place = outcome.place;
    const invalid = problems(place);
    if (invalid) {
      rows.push({ row, record, outcome: 'rejected', reason: t('import.invalid', { problems: invalid }), normalized });
      return;
    }

    if (seenThisRun.has(record)) {
      rows.push({ row, record, outcome: 'merged', into: seenThisRun.get(record)!, why: t('import.why.duplicateRow'), normalized });
      return;
    }
    const previousEdition = source.supersedes ? matcher.byRecordKey(`${source.supersedes}:${conversion.record.id}`) : undefined;
    if (previousEdition) {
      seenThisRun.set(record, previousEdition.id);
      seenPrevious.add(previousEdition.id);
      // The newer edition gives the values; the older record stays cited. A curated file only gains the source.
      if (previousEdition.curated) {
        const added = place.sources.filter((item) => !sourceKeys(previousEdition.place).includes(item.record ?? ''));
        previousEdition.place = { ...previousEdition.place, sources: [...previousEdition.place.sources, ...added] };
        addedToCurated.set(previousEdition.id, [...(addedToCurated.get(previousEdition.id) ?? []), ...added]);
      } else {
        const { delisted: _, ...kept } = previousEdition.place;
        previousEdition.place = mergePlaces(kept, { ...place, verified: place.verified ?? source.date });
      }
      matcher.add(previousEdition);
      changed.add(previousEdition.id);
      rows.push({ row, record, outcome: 'merged', into: previousEdition.id, why: t('import.why.sameListId'), normalized });
      return;
    }
    const already = matcher.byRecordKey(record);
    if (already) {
      seenThisRun.set(record, already.id);
      if (!already.curated && sourceKeys(already.place).length === 1) {
        // The place comes from this row alone: rewrite it from the row (a no-op when unchanged).
        already.place = { ...place, id: already.id };
        changed.add(already.id);
        rows.push({ row, record, outcome: 'imported', place: already.id, normalized });
      } else if (!already.curated && (place.verified ?? '') > (already.place.verified ?? '')) {
        // A newer edition of a row merged with other sources: its values are the more recent.
        already.place = mergePlaces(already.place, place);
        changed.add(already.id);
        rows.push({ row, record, outcome: 'merged', into: already.id, why: t('import.why.newerRecord'), normalized });
      } else {
        rows.push({ row, record, outcome: 'merged', into: already.id, why: t('import.why.previousImport'), normalized });
      }
      return;
    }

    const duplicate = matcher.duplicateOf(place);
    if (duplicate) {
      if (duplicate.curated) {
        const added = place.sources.filter((item) => !sourceKeys(duplicate.place).includes(item.record ?? ''));
        duplicate.place = { ...duplicate.place, sources: [...duplicate.place.sources, ...added] };
        addedToCurated.set(duplicate.id, [...(addedToCurated.get(duplicate.id) ?? []), ...added]);
      } else {
        duplicate.place = mergePlaces(duplicate.place, place);
      }
      matcher.add(duplicate);
      changed.add(duplicate.id);
      seenThisRun.set(record, duplicate.id);
      const samePivot = Boolean(duplicate.place.national?.pivot) && duplicate.place.national?.pivot === place.national?.pivot;
      rows.push({ row, record, outcome: 'merged', into: duplicate.id, why: t(samePivot ? 'import.why.sameSiret' : 'import.why.near'), normalized });
      return;
    }

    let id = place.id;
    for (let n = 2; places.has(id); n++) id = `${place.id}-${n}`;
    const commune = reference.communes.get(place.address.insee)!;
    const created: KnownPlace = { id, file: `${dataDir}/places/imported/${commune.departementCode}/${id}.yaml`, curated: false, place: { ...place, id } };
    places.set(id, created);
    matcher.add(created);
    changed.add(id);
    seenThisRun.set(record, id);
    rows.push({ row, record, outcome: 'imported', place: id, normalized });
  });

  // Places of this list, or of the older edition it supersedes, that this edition no longer
  // lists: never deleted, marked. A row rejected this time is still listed.
  {
    for (const known of places.values()) {
      const records = sourceKeys(known.place).filter((key) => listKeys.some((prefix) => key.startsWith(prefix)));
      const record = records[0];
      if (!record || seenPrevious.has(known.id) || known.curated || records.some((key) => idsThisRun.has(key.slice(key.indexOf(':') + 1)))) continue;
      if (known.place.delisted?.list !== source.name) {
        known.place = { ...known.place, delisted: { list: source.name, date: source.date } };
        changed.add(known.id);
      }
      rows.push({ row: null, record, outcome: 'left', place: known.id, normalized: [t('import.left')] });
    }
  }
  return { places, changed, addedToCurated, rows, listed };
}

/** Counts of outcomes, reasons, merges and corrections, for the report and the terminal. */
export function summarize(rows: readonly ImportRow[]) {
  const counts = (values: string[]) => Object.fromEntries([...values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]));
  const generic = (text: string) => text.replace(/« [^»]*»/g, '«…»');
  return {
    /** Input rows; a place that left the list is not one. */
    rows: rows.filter((row) => row.row !== null).length,
    outcomes: counts(rows.map((row) => row.outcome)),
    rejections: counts(rows.flatMap((row) => (row.outcome === 'rejected' ? [generic(row.reason).replace(/\d{5}/g, '…')] : []))),
    merges: counts(rows.flatMap((row) => (row.outcome === 'merged' ? [row.why] : []))),
    normalizations: counts(rows.flatMap((row) => row.normalized.map((text) => generic(text).replace(/\d[\d-]*/g, '…')))),
  };
}
