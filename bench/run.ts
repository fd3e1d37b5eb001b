/**
 * `npm run bench`: build time, pages per second and peak memory, on the real data and on a
 * synthetic dataset of 50,000 places that follows the real data's distributions (each
 * synthetic place copies the commune, services and hours of a real place drawn at random).
 *
 * Usage: npm run bench [-- --places 50000] [-- --only synthetic|real] [-- --search-only [--reuse]]
 * `--search-only` measures only the search (latency, quality, natural queries) and keeps the built
 * site in bench/.work/dist-<data>; `--reuse` measures a site kept there without building it again.
 * `--phone [dist]`: only a first search on a cheap phone (bench/phone.ts), on a site already built there.
 * Results: bench/results.json and a table on the terminal.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadData } from '../src/lib/dataset.ts';
import { distanceKm } from '../src/lib/geo.ts';
import { MAX_KM_FROM_COMMUNE } from '../src/lib/validate.ts';
import { importedId } from '../src/lib/interop/toPlace.ts';
import type { NationalRecord } from '../src/lib/interop/record.ts';

const SYNTHETIC_SOURCE = { key: 'synthetic', name: 'Jeu de données synthétique', url: null, date: '2026-01-01' };
import { benchOffline, type OfflineFigures } from './offline.ts';
import { benchWeights, type WeightFigures } from './weights.ts';
import { OFFLINE_DOWNLOAD_KB, PAGE_JS_BUDGETS_KB } from './budgets.ts';
import { benchPrint, type PrintFigures } from './print.ts';
import { benchCoverage, type CoverageFigures } from './coverage.ts';
import { benchMap, benchQuality, benchSearch, type MapFigures, type QualityFigures, type SearchFigures } from './search.ts';
import { benchNatural, type NaturalFigures } from './natural.ts';
import { benchPhone, phoneTable } from './phone.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const SYNTHETIC = Number(option('places') ?? 50_000);
const only = option('only');
const searchOnly = args.includes('--search-only');
const reuse = args.includes('--reuse');
const WORK = 'bench/.work';

// A first search on a cheap phone, on a site already built: its own section, its own figures.
if (args.includes('--phone')) {
  const dir = option('phone');
  const phone = await benchPhone(dir && !dir.startsWith('--') ? dir : 'dist');
  console.log(phoneTable(phone));
  const kept = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ ...kept, phone: { date: new Date().toISOString().slice(0, 10), figures: phone.map(({ query, median }) => ({ query, ...median })) } }, null, 2)}\n`,
  );
  process.exit(0);
}

interface BuildResult {
  search?: SearchFigures;
  quality?: QualityFigures;
  /** Natural-language queries (bench/natural.json) answered as expected. */
  natural?: Omit<NaturalFigures, 'missed'> & { missed: string[] };
  map?: MapFigures;
  offline?: OfflineFigures;
  /** JavaScript each page type loads at once and its HTML (gzip), French, Arabic and easy-read (bench/weights.ts). */
  weights?: WeightFigures;
  /** Place pages printed on A4: how many fit on one page. */
  print?: PrintFigures;
  /** Distances from every commune to help, and the territories' totals (computed at build time). */
  coverage?: CoverageFigures;
  dataset: string;
  places: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakMemoryMB: number;
}

/** A deterministic generator: the same synthetic dataset on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const next = random(20261122);

async function makeSynthetic(count: number): Promise<string> {
  const dir = join(WORK, `data-${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  const { dataset, reference } = await loadData({ dataDir: 'data' });
  const real = dataset.places;
  mkdirSync(join(dir, 'places'), { recursive: true });
  cpSync('data/services.yaml', join(dir, 'services.yaml'));
  cpSync('data/charter.yaml', join(dir, 'charter.yaml'));
  for (let i = 0; i < count; i++) {
    const model = real[Math.floor(next() * real.length)]!;
    const id = importedId(SYNTHETIC_SOURCE, { id: String(i) } as NationalRecord, `${model.name} ${i}`);
    const place = {
      id,
      // Names as long as the real ones; ids shaped like the imported ones.
      name: `${model.name} ${i}`,
      kind: model.kind,
      programmes: model.programmes,
      address: { street: `${1 + Math.floor(next() * 200)} rue Synthétique`, postcode: model.address.postcode, insee: model.address.insee },
      location: jitter(model.location, reference.communes.get(model.address.insee)!),
      contacts: model.contacts.phone ? { phone: model.contacts.phone } : {},
      hours: { openingHours: model.hours.openingHours, closures: [] },
      services: model.services,
      access: { fees: model.access.fees },
      sources: [{ name: 'Jeu de données synthétique (banc d’essai)', date: '2026-01-01' }],
      verified: model.verified,
    };
    const sub = join(dir, 'places', String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${id}.yaml`), stringify(place));
  }
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

/** Within about 1 km of the model, never further from the commune than validation allows. */
function jitter(point: { lat: number; lon: number }, commune: { lat: number; lon: number }) {
  const moved = { lat: Math.round((point.lat + (next() - 0.5) * 0.02) * 1e6) / 1e6, lon: Math.round((point.lon + (next() - 0.5) * 0.02) * 1e6) / 1e6 };
  return { ...(distanceKm(moved, commune) < MAX_KM_FROM_COMMUNE - 1 ? moved : point), precision: 'address' };
}

/**
 * The build as `npm run build` makes it (package.json): its environment and Node's flags (the
 * garbage collector's settings), read from there so that the bench measures the same build.
 */
function buildCommand(script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.build!): { env: Record<string, string>; flags: string[] } {
  const match = /^((?:\w+=\S+ )*)node ((?:--\S+ )*)node_modules\/astro\/bin\/astro\.mjs build$/.exec(script);
  if (!match) throw new Error(`bench: package.json's build script is not « [VAR=value …] node [--flag …] node_modules/astro/bin/astro.mjs build »: ${script}`);
  const env = Object.fromEntries(
    match[1]!
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  return { env, flags: match[2]!.trim().split(' ').filter(Boolean) };
}

/** Builds with astro in a child process, sampling its resident memory every 100 ms. */
async function build(dataset: string, dataDir: string, places: number): Promise<BuildResult> {
  if (searchOnly) return searchFigures(dataset, dataDir, places);
  const coverage = await benchCoverage(dataDir);
  return { ...(await astroBuild(dataset, dataDir, places)), coverage };
}

async function natural(outDir: string): Promise<BuildResult['natural']> {
  const figures = await benchNatural(outDir);
  return { ...figures, missed: figures.missed.map(({ q, got }) => `${q} → ${got}`) };
}

/** The search alone: the site is kept (bench/.work/dist-<data>) and, with --reuse, not built again. */
async function searchFigures(dataset: string, dataDir: string, places: number): Promise<BuildResult> {
  const outDir = join(WORK, `dist-${dataset}`);
  const built = reuse && existsSync(join(outDir, 'recherche/meta.json')) ? null : await astroBuild(dataset, dataDir, places, false);
  const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')) as string[];
  return {
    ...(built ?? { dataset, places, pages: 0, seconds: 0, pagesPerSecond: 0, peakMemoryMB: 0 }),
    search: await benchSearch(outDir, queries),
    quality: await benchQuality(outDir, queries),
    natural: await natural(outDir),
  };
}

function astroBuild(dataset: string, dataDir: string, places: number, measure = true): Promise<BuildResult> {
  const outDir = join(WORK, `dist-${dataset}`);
  rmSync(outDir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const { env, flags } = buildCommand();
    const child = spawn(process.execPath, [...flags, 'node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...process.env, ...env, DATA_DIR: dataDir, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peak = 0;
    const sampler = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, rss);
      } catch {
        // The process has just ended.
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`astro build failed on ${dataset} (exit ${code})\n${output.slice(-3000)}`));
      const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);
      const result: BuildResult = { dataset, places, pages, seconds: round(seconds), pagesPerSecond: round(pages / seconds), peakMemoryMB: Math.round(peak / 1024) };
      if (!measure) return resolve(result);
      const queries = JSON.parse(readFileSync('bench/queries.json', 'utf8')) as string[];
      benchSearch(outDir, queries)
        .then(
          async (search) =>
            resolve({
              ...result,
              search,
              quality: await benchQuality(outDir, queries),
              natural: await natural(outDir),
              map: await benchMap(outDir),
              offline: await benchOffline(outDir),
              weights: await benchWeights(outDir),
              print: await benchPrint(outDir),
            }),
          reject,
        )
        .finally(() => rmSync(outDir, { recursive: true, force: true }));
    });
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const results: BuildResult[] = [];
if (only !== 'synthetic') {
  const { dataset } = await loadData({ dataDir: 'data' });
  results.push(await build('real', 'data', dataset.places.length));
  console.log(results.at(-1));
}
if (only !== 'real') {
  const dir = await makeSynthetic(SYNTHETIC);
  results.push(await build(`synthetic-${SYNTHETIC}`, dir, SYNTHETIC));
  console.log(results.at(-1));
}

const previous = existsSync('bench/results.json') ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as Record<string, unknown>) : {};
const before = (previous.build ?? {}) as Record<string, BuildResult>;
// The search alone keeps the last full run's build figures.
const build_ = Object.fromEntries(
  results.map((result) => [result.dataset, searchOnly ? { ...before[result.dataset], search: result.search, quality: result.quality, natural: result.natural } : result]),
);
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ ...previous, machine: `${process.platform} ${process.arch}, node ${process.version}`, date: new Date().toISOString().slice(0, 10), build: { ...(previous.build as object), ...build_ } }, null, 2)}\n`,
);

console.log('\n| données | lieux | pages | durée du build | pages/s | mémoire max |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results.filter((item) => item.pages > 0)) console.log(`| ${r.dataset} | ${r.places} | ${r.pages} | ${r.seconds} s | ${r.pagesPerSecond} | ${r.peakMemoryMB} Mo |`);
console.log(
  '\n| données | communes (gzip) | index des lieux (gzip) | meta (gzip) | total (gzip) | données d’une 1re recherche | JS avant la 1re recherche | 1re recherche | Entrée → résultats p50 | p95 | moteur seul p50 | p95 |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const s = r.search!;
  const q = r.quality;
  console.log(
    `| ${r.dataset} | ${s.communesKB} ko | ${s.placesIndexKB} ko | ${s.metaKB} ko | ${s.totalKB} ko | ${s.typicalQueryKB} ko | ${s.jsBeforeFirstSearchKB} ko | ${s.firstSearchMs} ms | ${s.p50Ms} ms | ${s.p95Ms} ms | ${q?.engineP50Ms ?? '–'} ms | ${q?.engineP95Ms ?? '–'} ms |`,
  );
}
console.log('\n| données | tâches > 50 ms pendant les recherches (200 + difficiles) | plus longue |');
console.log('| --- | ---: | ---: |');
for (const r of results) console.log(`| ${r.dataset} | ${r.search!.longTasks} | ${r.search!.longestTaskMs} ms |`);
console.log('\n| données | fichiers gardés hors connexion | taille | gzip | 1re visite → « prêt hors connexion » (cette machine) | même téléchargement à 1,6 Mbit/s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results.filter((item) => item.offline)) {
  const o = r.offline!;
  console.log(`| ${r.dataset} | ${o.precacheFiles} | ${o.precacheMB} Mo | ${o.precacheGzipKB} ko | ${o.readyOfflineMs} ms | ${o.readyOfflineSlowMobileS} s |`);
}
console.log(`\n| données | téléchargement hors connexion par groupe (fichiers, ko gzip) | budget |`);
console.log('| --- | --- | ---: |');
for (const r of results.filter((item) => item.offline?.groups)) {
  const o = r.offline!;
  console.log(
    `| ${r.dataset} | ${Object.entries(o.groups)
      .map(([group, figure]) => `${group} ${figure.files} · ${figure.gzipKB}`)
      .join(', ')} | ${o.precacheGzipKB} / ${OFFLINE_DOWNLOAD_KB} ko |`,
  );
}
console.log('\n| données | page | JS au chargement (gzip) | budget | HTML (gzip) |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of results.filter((item) => item.weights)) {
  for (const [name, figure] of Object.entries(r.weights!)) console.log(`| ${r.dataset} | ${name} | ${figure.jsGzipKB} ko | ${PAGE_JS_BUDGETS_KB[name] ?? '–'} ko | ${figure.htmlGzipKB} ko |`);
}
// The bench's build has no public address: pages with a QR code load its encoder (6 KB) to draw it
// for the address they are served at. A published build draws it at build time, as the budget test's does.
console.log(
  'Sans adresse publique (ce banc), la fiche d’un lieu et la page d’une commune chargent l’encodeur des codes QR (6 ko) ; les budgets sont tenus avec l’adresse publique (tests/e2e/weights.spec.ts).',
);
console.log('\n| données | communes | lieux | distances de chaque commune (au build) | totaux des départements et EPCI | communes à plus de 5 / 10 / 20 km |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const r of results.filter((item) => item.coverage)) {
  const c = r.coverage!;
  console.log(`| ${r.dataset} | ${c.communes} | ${c.places} | ${c.distancesMs} ms | ${c.totalsMs} ms | ${c.beyond.map((band) => band.communes).join(' / ')} |`);
}
console.log(
  '\n| données | commune voulue en premier | 3 premiers résultats avec adresse, horaires ou téléphone | 1re page dessinée avant les comptes (fichiers les plus proches) | dont pas un début de la 1re page finale |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of results)
  console.log(`| ${r.dataset} | ${r.quality!.top1}/${r.quality!.queries} | ${r.quality!.top3Known}/${r.quality!.queries} | ${r.quality!.early}/${r.quality!.queries} | ${r.quality!.earlyWrong} |`);
console.log('\n| données | requêtes en langage courant comprises | dont écrites après les mots de la recherche |');
console.log('| --- | ---: | ---: |');
for (const r of results) console.log(`| ${r.dataset} | ${r.natural!.answered}/${r.natural!.queries} | ${r.natural!.heldOutAnswered}/${r.natural!.heldOut} |`);
for (const r of results) for (const missed of r.natural!.missed) console.log(`  ${r.dataset} ✗ ${missed}`);
console.log('\n| données | carte visible → bulles dessinées | vue Paris (zoom 10) → groupes dessinés | marqueurs et groupes dans la vue |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of results.filter((item) => item.map)) console.log(`| ${r.dataset} | ${r.map!.overviewMs} ms | ${r.map!.parisViewMs} ms | ${r.map!.markersInParisView} |`);
