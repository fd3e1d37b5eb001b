import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { decodeUtf8, readRawDataset } from '../../src/lib/dataset.ts';
import { formatIssue, validateDataset } from '../../src/lib/validate.ts';
import { FIXTURE_SITE, reference } from './helpers.ts';

/** A copy of the fixture site, with one place written as the test wants. */
const root = mkdtempSync(join(tmpdir(), 'data-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function siteWith(name: string, build: (places: string) => void): string {
  const dir = join(root, name);
  cpSync(FIXTURE_SITE, dir, { recursive: true });
  build(join(dir, 'places'));
  return dir;
}

async function messages(dir: string): Promise<string[]> {
  const raw = await readRawDataset(dir, root);
  return validateDataset(raw, reference, { today: '2026-03-01' }).issues.map(formatIssue);
}

const moulin = readFileSync(join(FIXTURE_SITE, 'places/relais-fictif-du-moulin.yaml'), 'utf8');
const placeNamed = (id: string, name: string) => moulin.replace('id: relais-fictif-du-moulin', `id: ${id}`).replace('name: Relais fictif du Moulin', `name: ${name}`);

describe('every data file is read or refused, never silently skipped', () => {
  test('the fixture site as it is has no problem', async () => {
    expect(await messages(siteWith('clean', () => undefined))).toEqual([]);
  });

  test('a file saved in Latin-1 is refused with its name and line, not published with broken letters', async () => {
    const dir = siteWith('latin1', (places) => {
      writeFileSync(join(places, 'cafeteria-fictive.yaml'), Buffer.from(placeNamed('cafeteria-fictive', 'Cafétéria fictive'), 'latin1'));
    });
    expect(await messages(dir)).toEqual([
      'latin1/places/cafeteria-fictive.yaml\n    le fichier n’est pas enregistré en UTF-8 (premier caractère illisible à la ligne 2) : ses lettres accentuées seraient publiées abîmées. Enregistrez-le en « UTF-8 » dans votre éditeur de texte.',
    ]);
  });

  test('.YAML and .yml files are read like .yaml ones', async () => {
    const dir = siteWith('case', (places) => {
      writeFileSync(join(places, 'lieu-fictif-majuscules.YAML'), placeNamed('lieu-fictif-majuscules', 'Lieu fictif en majuscules'));
      writeFileSync(join(places, 'lieu-fictif-court.yml'), placeNamed('lieu-fictif-court', 'Lieu fictif court'));
    });
    expect(await messages(dir)).toEqual([]);
    const raw = await readRawDataset(dir, root);
    expect(raw.places.map((file) => file.file)).toEqual(expect.arrayContaining(['case/places/lieu-fictif-majuscules.YAML', 'case/places/lieu-fictif-court.yml']));
  });

  test('symbolic links, hidden files and folders and other files are refused, each with what to do', async () => {
    const dir = siteWith('odd', (places) => {
      symlinkSync(join(places, 'relais-fictif-du-moulin.yaml'), join(places, 'lien-fictif.yaml'));
      mkdirSync(join(places, '.brouillons'));
      writeFileSync(join(places, '.brouillons', 'cache-fictif.yaml'), placeNamed('cache-fictif', 'Lieu caché fictif'));
      writeFileSync(join(places, '.notes.yaml'), 'x: 1');
      writeFileSync(join(places, 'notes.txt'), 'des notes');
    });
    expect(await messages(dir)).toEqual([
      'odd/places/.brouillons\n    dossier caché (son nom commence par un point) : ses fichiers ne sont pas lus. Retirez-le, ou renommez-le sans point au début.',
      'odd/places/.notes.yaml\n    fichier caché (son nom commence par un point) : il n’est pas lu. Retirez-le du dossier, ou renommez-le sans point au début.',
      'odd/places/lien-fictif.yaml\n    lien symbolique : il n’est pas lu. Mettez ici une copie du fichier, pas un lien.',
      'odd/places/notes.txt\n    ce fichier n’est pas lu : seuls les fichiers « .yaml » ou « .yml » le sont. Renommez-le en « .yaml » ou retirez-le du dossier.',
    ]);
  });

  test('an alias bomb is reported with its file, without exhausting memory', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const next = String.fromCharCode(97 + level);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const dir = siteWith('bomb', (places) => writeFileSync(join(places, 'bombe-fictive.yaml'), `${lines.join('\n')}\n`));
    expect(await messages(dir)).toEqual([
      'bomb/places/bombe-fictive.yaml\n    le fichier répète trop de fois des blocs par alias YAML (« & » et « * ») : il n’est pas lu. Écrivez les valeurs en entier, sans alias.',
    ]);
  });

  test('.nan and .inf are named as such, not as "a number"', async () => {
    const dir = siteWith('nan', (places) => {
      writeFileSync(join(places, 'relais-fictif-du-moulin.yaml'), moulin.replace('lat: 50.6311', 'lat: .nan').replace('lon: 3.0469', 'lon: .inf'));
    });
    expect(await messages(dir)).toEqual([
      'nan/places/relais-fictif-du-moulin.yaml › location.lat = .nan\n    latitude attendue : un nombre avec un point, par exemple 50.6249 ; attendu : un nombre, trouvé : « .nan » (ce n’est pas un nombre)',
      'nan/places/relais-fictif-du-moulin.yaml › location.lon = .inf\n    longitude attendue : un nombre avec un point, par exemple 3.0513 ; attendu : un nombre, trouvé : un nombre infini (« .inf »)',
    ]);
  });
});

describe('decodeUtf8', () => {
  test('reads UTF-8, and gives the line of the first byte that is not', () => {
    expect(decodeUtf8(Buffer.from('nom: Café\n', 'utf8'))).toEqual({ text: 'nom: Café\n' });
    expect(decodeUtf8(Buffer.from('a: 1\nb: 2\nnom: Café\n', 'latin1'))).toEqual({ badLine: 3 });
  });
});
