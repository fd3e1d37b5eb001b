/**
 * `npm run refresh` and `npm run import` against bad files, as a careless maintainer or a broken
 * upstream makes them: each is refused with a French message that names the file and the
 * reason, exit status 1, and data/ byte for byte as it was. Served by a local HTTP server
 * inside the test (good, truncated, re-encoded, renamed-column, emptied, slow files, errors).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'refresh-'));
const COLUMNS =
  'id_fs,insee_dep,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,longitude,mail,telephone,h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,prise_rdv,commentaire,type_fs,format_fs,groupe_fs,labellisation_fs';
/** Ten fictitious France Services in Lille, far enough apart not to be merged. */
const row = (n: number, name = `France services fictive numéro ${n}`, hours = '09:00 - 12:00') =>
  `${900 + n},59,${name},${n} rue Fictive,,59350,59000,Lille,${(50.6 + n * 0.005).toFixed(3)},3.060,fictive${n}@exemple.invalid,03 00 00 00 ${String(10 + n)},${hours},${hours},,${hours},${hours},,Non,,Principal,Fixe,,`;
const list = (numbers: number[], header = COLUMNS) => `${header}\n${numbers.map((n) => row(n)).join('\n')}\n`;
const TEN = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const GOOD = list(TEN);
const LAST_MODIFIED = 'Thu, 15 Jan 2026 08:00:00 GMT';

let server: Server;
let base = '';
let slowResponses: { end: () => void }[] = [];
const files: Record<string, { body: Buffer; type?: string; status?: number; etag?: string; lie?: number; slow?: boolean }> = {
  '/liste.csv': { body: Buffer.from(GOOD), etag: '"v1"' },
  '/latin1.csv': { body: Buffer.from(list(TEN).replace('numéro 1,', 'numéro 1 Café Médiathèque,'), 'latin1') },
  '/semicolons.csv': { body: Buffer.from(GOOD.replaceAll(',', ';')) },
  '/renamed.csv': { body: Buffer.from(list(TEN, COLUMNS.replace('lib_fs', 'nom_fs'))) },
  '/emptied.csv': { body: Buffer.from(`${COLUMNS}\n`) },
  '/truncated.csv': { body: Buffer.from(list([0, 1, 2])) },
  '/cut.csv': { body: Buffer.from(GOOD).subarray(0, 400), lie: Buffer.byteLength(GOOD) },
  '/slow.csv': { body: Buffer.from(GOOD), slow: true },
  '/error.csv': { body: Buffer.from('Erreur'), status: 500 },
  '/gone.csv': { body: Buffer.from('Introuvable'), status: 404 },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (!file) return void response.writeHead(404).end();
    if (file.etag && request.headers['if-none-match'] === file.etag) return void response.writeHead(304).end();
    const headers: Record<string, string | number> = { 'Content-Type': 'text/csv', 'Last-Modified': LAST_MODIFIED, 'Content-Length': file.lie ?? file.body.length };
    if (file.etag) headers.ETag = file.etag;
    response.writeHead(file.status ?? 200, headers);
    if (file.slow) {
      response.write(file.body.subarray(0, 100));
      slowResponses.push({ end: () => response.destroy() });
      return;
    }
    if (file.lie) {
      // The connection drops after part of the body.
      response.write(file.body, () => setTimeout(() => response.socket?.destroy(), 50));
      return;
    }
    response.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const response of slowResponses) response.end();
  slowResponses = [];
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

function dataDir(name: string): string {
  const dir = join(work, name);
  cpSync('tests/fixtures/site', dir, { recursive: true });
  return dir;
}

function sources(dir: string, extra = ''): void {
  mkdirSync(join(dir, 'imports'), { recursive: true });
  writeFileSync(
    join(dir, 'imports/sources.yaml'),
    `fs-fictif:\n  name: Liste fictive des France Services\n  url: https://exemple.invalid/liste\n  date: 2026-01-01\n  download:\n    url: ${base}/liste.csv\n${extra}`,
  );
}

/** Runs a script without blocking this process (its HTTP server must answer). */
function run(script: string, args: string[], dir: string, env: Record<string, string> = {}): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, DATA_DIR: dir, BUILD_DATE: '2026-03-01', ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (status) => resolve({ status, out }));
  });
}
const refresh = (dir: string, ...args: string[]) => run('scripts/refresh.ts', args, dir, { REFRESH_TIMEOUT_SECONDS: '2' });
const importFile = (dir: string, file: string, ...args: string[]) => run('scripts/import.ts', [file, '--source', 'fs-fictif', ...args], dir);

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[full] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}

describe('npm run refresh', () => {
  const dir = dataDir('refresh');
  let first: { status: number | null; out: string };
  beforeAll(async () => {
    sources(dir);
    first = await refresh(dir);
  }, 60_000);

  test('downloads the list, imports it, and keeps its date, size and checksum in the history', () => {
    expect(first.status, first.out).toBe(0);
    expect(first.out).toContain(`Téléchargement de « Liste fictive des France Services » : ${base}/liste.csv`);
    expect(first.out).toContain('Lieux : 10 nouveaux, 0 modifiés, 0 inchangés, 0 sortis de la liste.');
    const history = readFileSync(join(dir, 'imports/history.yaml'), 'utf8');
    expect(history).toContain(`  edition: 2026-01-15\n  file: liste.csv\n  url: ${base}/liste.csv\n  bytes: ${Buffer.byteLength(GOOD)}\n`);
    expect(history).toContain('  etag: \'"v1"\'');
    expect(history).toMatch(/ {2}sha256: [0-9a-f]{64}\n/);
    const report = readFileSync(join(dir, 'imports/reports/fs-fictif.md'), 'utf8');
    expect(report).toContain('## Nouveaux lieux (10)');
    expect(report).toContain('- Lieux : 10 nouveaux, 0 modifiés, 0 inchangés, 0 sortis de la liste');
  });

  test('asks the server whether the file changed, and does nothing when it did not', async () => {
    const before = snapshot(dir);
    const again = await refresh(dir);
    expect(again.status).toBe(0);
    expect(again.out).toContain('« Liste fictive des France Services » : rien de neuf depuis le 1er mars 2026 (le serveur répond « pas modifié »). Rien à faire.');
    expect(snapshot(dir)).toEqual(before);
  }, 30_000);

  test('compares a new edition with what we hold: changed field by field, gone, and refuses too many gone', async () => {
    const next = `${COLUMNS}\n${[...TEN.slice(0, 9).map((n) => (n === 3 ? row(3, 'France services fictive numéro 3', '14:00 - 17:00') : row(n)))].join('\n')}\n`;
    writeFileSync(join(work, 'next.csv'), next);
    const result = await refresh(dir, 'fs-fictif', '--from', join(work, 'next.csv'), '--date', '2026-02-01');
    expect(result.status, result.out).toBe(0);
    expect(result.out).toContain('Lieux : 0 nouveaux, 1 modifiés, 8 inchangés, 1 sortis de la liste.');
    const report = readFileSync(join(dir, 'imports/reports/fs-fictif.md'), 'utf8');
    expect(report).toContain('  - Horaires : « Mo 09:00-12:00; Tu 09:00-12:00; Th 09:00-12:00; Fr 09:00-12:00 » → « Mo 14:00-17:00; Tu 14:00-17:00; Th 14:00-17:00; Fr 14:00-17:00 »');
    expect(report).toContain('## Lieux sortis de la liste (1) : gardés, marqués « n’est plus dans la liste »\n\n- France services fictive numéro 9');
  }, 30_000);

  test('a truncated list is refused unless forced, and the reason is kept', async () => {
    const before = snapshot(dir);
    const refused = await refresh(dir, 'fs-fictif', '--from', `${base}/truncated.csv`);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain(
      `Import refusé : truncated.csv\n  6 des 10 lieux de cette liste n’y sont plus (60 %, plus que les 10 % permis) : un téléchargement coupé, ou un format changé ? Si c’est voulu, relancez avec --force "la raison"`,
    );
    expect(refused.out).toContain(`Rien n’a été changé dans ${dir}/.`);
    expect(snapshot(dir)).toEqual(before);
    const forced = await refresh(dir, 'fs-fictif', '--from', `${base}/truncated.csv`, '--force', 'La liste fictive ne garde que trois lieux');
    expect(forced.status, forced.out).toBe(0);
    expect(readFileSync(join(dir, 'imports/history.yaml'), 'utf8')).toContain('forced: La liste fictive ne garde que trois lieux');
    expect(readFileSync(join(dir, 'imports/reports/fs-fictif.md'), 'utf8')).toContain('- Forcé malgré les garde-fous : La liste fictive ne garde que trois lieux');
  }, 30_000);
});

describe('bad files are refused, and data/ is left as it was', () => {
  const dir = dataDir('refused');
  beforeAll(() => sources(dir));

  test.each([
    ['a Latin-1 CSV', '/latin1.csv', 'latin1.csv\n  le fichier n’est pas en UTF-8 (premier caractère illisible à la ligne 2)'],
    ['a CSV with ";" between columns', '/semicolons.csv', 'semicolons.csv\n  les colonnes sont séparées par « ; » alors que le standard les sépare par « , ».'],
    ['a renamed column', '/renamed.csv', 'renamed.csv\n  colonnes du standard absentes : lib_fs. Renommée(s) ? « nom_fs » pour « lib_fs ».'],
    ['an emptied list', '/emptied.csv', 'emptied.csv\n  le fichier ne contient aucune ligne.'],
    ['a download cut short', '/cut.csv', `cut.csv\n  téléchargement coupé : 400 octets reçus sur ${Buffer.byteLength(GOOD)} annoncés par ${'BASE'}/cut.csv.`],
    ['a server that does not answer in time', '/slow.csv', `slow.csv\n  pas de réponse complète en 2 s de ${'BASE'}/slow.csv : réessayez plus tard.`],
    ['a server error', '/error.csv', `error.csv\n  le serveur répond 500 Internal Server Error pour ${'BASE'}/error.csv.`],
    ['a file gone from the server', '/gone.csv', `gone.csv\n  le serveur répond 404 Not Found pour ${'BASE'}/gone.csv.`],
  ])(
    '%s',
    async (_, path, message) => {
      const before = snapshot(dir);
      const result = await refresh(dir, 'fs-fictif', '--from', `${base}${path}`);
      expect(result.status).toBe(1);
      expect(result.out).toContain(`Import refusé : ${message.includes('BASE') ? `${base}${path}\n  ${message.split('\n  ')[1]!.replace('BASE', base)}` : message}`);
      expect(result.out).not.toMatch(/\bat \S+:\d+:\d+/);
      expect(snapshot(dir)).toEqual(before);
    },
    30_000,
  );

  const local = (name: string, text: string) => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };
  const standardRow = (id: string, nom: string) => ({
    id,
    pivot: '00000000000000',
    nom,
    commune: 'Lille',
    code_postal: '59000',
    code_insee: '59350',
    adresse: '1 rue Fictive',
    latitude: 50.63,
    longitude: 3.06,
    date_maj: '2025-01-01',
  });

  test.each([
    [
      'broken JSON',
      'coupe.json',
      '[{"id": "a", "nom": "Lieu fictif"',
      'coupe.json\n  JSON mal formé à la ligne 1, colonne 34 : une virgule, un guillemet ou une accolade manque ou est de trop. Le fichier est peut-être coupé.',
    ],
    ['null', 'null.json', 'null', 'null.json\n  le fichier ne contient pas une liste de lieux (trouvé : null).'],
    ['a list under "data" that is not a list', 'data.json', '{"data": 5}', 'data.json\n  le fichier ne contient pas une liste de lieux (trouvé : number).'],
    ['an object without a list', 'structures.json', '{"structures": []}', 'structures.json\n  le fichier ne contient pas une liste de lieux (trouvé : { structures }).'],
    ['an empty list', 'vide.json', '[]', 'vide.json\n  le fichier ne contient aucune ligne.'],
    ['a list of nulls', 'nulls.json', '[null, null]', 'nulls.json\n  rejet, ce n’est pas un lieu (trouvé : null) : 2\n  aucune des 2 lignes ne donne un lieu (raisons ci-dessus).'],
  ])(
    'npm run import refuses %s',
    async (_, name, text, message) => {
      const before = snapshot(dir);
      const result = await importFile(dir, local(name, text));
      expect(result.status).toBe(1);
      expect(result.out).toContain(`Import refusé : ${join(work, message)}`);
      expect(result.out).not.toMatch(/\bat \S+:\d+:\d+/);
      expect(snapshot(dir)).toEqual(before);
    },
    30_000,
  );

  test('a JSON with a byte-order mark is read; a null among places and a row of 500 cells are rejected with their reason, the rest imported', async () => {
    const json = local('bom.json', `\uFEFF${JSON.stringify([standardRow('b1', 'Lieu fictif du signet'), null])}`);
    const fromJson = await importFile(dir, json);
    expect(fromJson.status, fromJson.out).toBe(0);
    expect(fromJson.out).toContain('rejet, ce n’est pas un lieu (trouvé : null) : 1');
    expect(fromJson.out).toContain('importées : 1');
    const csv = local('large.csv', `${COLUMNS}\n${row(20)}\n${row(21)}${',x'.repeat(476)}\n`);
    const fromCsv = await run('scripts/import.ts', [csv, '--source', 'fs-fictif-2', '--name', 'Autre liste fictive', '--date', '2026-01-01'], dir);
    expect(fromCsv.status, fromCsv.out).toBe(0);
    expect(fromCsv.out).toContain('rejet, la ligne a 500 cellules pour 24 colonnes : une virgule en trop ou un guillemet oublié ? Ligne rejetée, ses valeurs ne sont pas devinées. : 1');
  }, 30_000);
});
