/**
 * `npm run refresh [-- <source>] [--from <address or file>] [--date YYYY-MM-DD] [--dry-run] [--force "reason"]`
 *
 * Fetches each national source of data/imports/sources.yaml that has a download address
 * (`download.url`), or the one named, and imports it (scripts/importer.ts: strict reading,
 * guard rails, reports, history). The download has a time limit and a size limit, and is
 * conditional: when the server says the file has not changed since the last refresh (ETag,
 * Last-Modified), or its checksum is the same, there is nothing to do. The edition's date is
 * the file's Last-Modified date (or today, when the server gives none).
 *
 * Exit status: 0 when every source was refreshed or had nothing new, 1 when one was refused.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { t } from '../src/i18n/index.ts';
import { buildDate } from '../src/lib/dataset.ts';
import { formatDate } from '../src/lib/format.ts';
import type { SourceInfo } from '../src/lib/interop/toPlace.ts';
import { importFile, readHistory, Refused } from './importer.ts';

interface SourceEntry {
  name: string;
  url?: string | null;
  /** The edition's date, for a local file given without --date. */
  date?: string;
  supersedes?: string;
  maxGone?: number;
  download?: { url: string; manual?: boolean; maxBytes?: number; timeoutSeconds?: number };
}

const args = process.argv.slice(2);
const valued = new Set(['--from', '--date', '--force']);
const named = args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1] ?? ''));
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const DATA = process.env.DATA_DIR ?? 'data';
const SOURCES = join(DATA, 'imports/sources.yaml');
const sources = (parseYamlText(await readFile(SOURCES, 'utf8')) ?? {}) as Record<string, SourceEntry>;

if (named && !Object.hasOwn(sources, named)) {
  console.error(t('refresh.unknownSource', { key: named, file: SOURCES, keys: Object.keys(sources).join(', ') }));
  process.exit(2);
}
if (!named && option('from')) {
  console.error(t('refresh.usage'));
  process.exit(2);
}

/** Defaults: a national list is a few megabytes and comes in seconds. */
const MAX_BYTES = 100 * 1024 * 1024;
const TIMEOUT_SECONDS = Number(process.env.REFRESH_TIMEOUT_SECONDS ?? 120);

interface Fetched {
  bytes: Uint8Array;
  lastModified: string | null;
  etag: string | null;
}

/** Downloads with a time limit for the whole body and a size limit, conditionally. Null: not modified. */
async function download(url: string, conditions: { etag: string | null; lastModified: string | null }, limits: { maxBytes: number; seconds: number }): Promise<Fetched | null> {
  const headers: Record<string, string> = {};
  if (conditions.etag) headers['If-None-Match'] = conditions.etag;
  if (conditions.lastModified) headers['If-Modified-Since'] = conditions.lastModified;
  const signal = AbortSignal.timeout(limits.seconds * 1000);
  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    if (signal.aborted) throw new Error(t('refresh.timeout', { seconds: limits.seconds, url }));
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new Error(t('refresh.network', { url, code: cause?.code ?? String((error as Error).message) }));
  }
  if (response.status === 304) return null;
  if (!response.ok) throw new Error(t('refresh.status', { status: response.status, text: response.statusText, url }));
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limits.maxBytes) throw new Error(t('refresh.tooBig', { max: limits.maxBytes }));
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) throw new Error(t('refresh.tooBig', { max: limits.maxBytes }));
      chunks.push(chunk);
    }
  } catch (error) {
    if (signal.aborted) throw new Error(t('refresh.timeout', { seconds: limits.seconds, url }));
    if (error instanceof Error && error.message.startsWith(t('refresh.tooBig', { max: limits.maxBytes }))) throw error;
    // The connection dropped while the body came: a cut download.
    throw new Error(t('refresh.cut', { size: String(size), declared: declared ? String(declared) : '?', url }));
  }
  // A body shorter than announced is a cut download, not a smaller list.
  if (declared > 0 && size < declared) throw new Error(t('refresh.cut', { size: String(size), declared: String(declared), url }));
  return { bytes: Buffer.concat(chunks), lastModified: response.headers.get('last-modified'), etag: response.headers.get('etag') };
}

const isoOf = (httpDate: string | null): string | null => {
  const time = httpDate ? Date.parse(httpDate) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
};

async function refresh(key: string, entry: SourceEntry): Promise<boolean> {
  const from = option('from') ?? entry.download?.url;
  if (!from) {
    console.error(t('refresh.noDownload', { key, file: SOURCES }));
    return false;
  }
  const history = (await readHistory(DATA)).filter((item) => item.source === key);
  const last = history.at(-1);
  const remote = /^https?:\/\//.test(from);
  let fetched: Fetched | null;
  let edition: string;
  try {
    if (remote) {
      console.log(t('refresh.fetching', { name: entry.name, url: from }));
      const conditions = last && last.url === from ? { etag: last.etag, lastModified: last.lastModified } : { etag: null, lastModified: null };
      fetched = await download(from, conditions, { maxBytes: entry.download?.maxBytes ?? MAX_BYTES, seconds: entry.download?.timeoutSeconds ?? TIMEOUT_SECONDS });
      if (!fetched) {
        console.log(t('refresh.notModified', { name: entry.name, date: formatDate(last!.date) }));
        return true;
      }
      edition = option('date') ?? isoOf(fetched.lastModified) ?? buildDate();
    } else {
      fetched = { bytes: await readFile(from), lastModified: null, etag: null };
      const date = option('date') ?? entry.date;
      if (!date) throw new Error(t('refresh.needDate', { file: SOURCES }));
      edition = date;
      if (!option('date')) console.log(t('refresh.localDate', { name: entry.name, date: edition, file: SOURCES }));
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ? t('import.refuse.unreadable', { code: String((error as NodeJS.ErrnoException).code) }) : (error as Error).message;
    console.error(new Refused(from, reason, DATA).message);
    return false;
  }
  const source: SourceInfo = { key, name: entry.name, url: entry.url ?? null, date: edition, supersedes: entry.supersedes };
  try {
    const outcome = await importFile({
      dataDir: DATA,
      file: remote ? decodeURIComponent(new URL(from).pathname.split('/').at(-1) || key) : from,
      bytes: fetched.bytes,
      source,
      provenance: { url: remote ? from : null, lastModified: fetched.lastModified, etag: fetched.etag },
      dryRun: args.includes('--dry-run'),
      force: option('force') ?? null,
      maxGoneShare: entry.maxGone,
    });
    if (outcome.written === 0 && last?.sha256 === outcome.entry.sha256 && !args.includes('--dry-run')) {
      console.log(t('refresh.sameFile', { name: entry.name, date: formatDate(last.date) }));
    } else console.log(outcome.lines.join('\n'));
    return true;
  } catch (error) {
    if (error instanceof Refused) {
      console.error(error.message);
      return false;
    }
    throw error;
  }
}

let ok = true;
for (const [key, entry] of Object.entries(sources)) {
  if (named ? key !== named : !entry.download) continue;
  if (!named && entry.download?.manual) {
    console.log(t('refresh.manualSkipped', { key }));
    continue;
  }
  ok = (await refresh(key, entry)) && ok;
}
process.exit(ok ? 0 : 1);
