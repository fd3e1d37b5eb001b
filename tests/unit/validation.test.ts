import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { buildDate, loadData, readRawDataset } from '../../src/lib/dataset.ts';
import { todayIso } from '../../src/lib/dates.ts';
import { DataError, validateDataset } from '../../src/lib/validate.ts';
import { FIXTURE_SITE, issuesFor, messagesFor, reference } from './helpers.ts';

const invalid = (name: string) => `tests/fixtures/invalid/${name}.yaml`;

describe('valid data', () => {
  test('accepts the fictitious fixture site', async () => {
    const raw = await readRawDataset(FIXTURE_SITE, process.cwd());
    const result = validateDataset(raw, reference, { today: '2026-03-01' });
    expect(result.issues).toEqual([]);
    expect(
      result.dataset?.places
        .map((place) => place.id)
        .filter((id) => !id.startsWith('lieu-fictif-echirolles-'))
        .sort(),
    ).toEqual([
      'ag-chrs-fictif-grenoble',
      'atelier-fictif-du-canal',
      'bus-fictif-de-chambery',
      'bus-fictif-isere',
      'espace-fictif-des-hirondelles',
      'france-services-fictive-grenoble',
      'point-fictif-de-la-colline',
      'point-fictif-de-la-vilaine',
      'point-fictif-de-val-d-isere',
      'point-fictif-du-couesnon',
      'point-fictif-paris-19',
      'relais-fictif-du-moulin',
    ]);
    expect(result.dataset?.places).toHaveLength(34);
    expect(result.dataset?.labels.map((label) => label.id)).toEqual(['emmaus-connect', 'france-services', 'relais-emmaus-connect']);
    expect(result.dataset?.municipalities[0]?.commitments).toHaveLength(2);
  });

  test('fills defaults so that pages never meet an undefined list', async () => {
    const raw = await readRawDataset(FIXTURE_SITE, process.cwd());
    const relay = validateDataset(raw, reference, { today: '2026-03-01' }).dataset!.places.find((place) => place.id === 'relais-fictif-du-moulin')!;
    expect(relay.services).toEqual([]);
    expect(relay.hours).toEqual({ openingHours: null, closures: [] });
    expect(relay.access.fees).toEqual([]);
  });
});

describe('invalid data: each problem has an exact, fix-it message', () => {
  test.each([
    [
      'swapped-coordinates',
      'tests/fixtures/invalid/swapped-coordinates.yaml › location.lat = 7.75\n' + '    la latitude 7.75 ressemble à une longitude : lat et lon sont-ils inversés ? Essayez lat: 48.58 et lon: 7.75.',
    ],
    [
      'outside-france',
      'tests/fixtures/invalid/outside-france.yaml › location = {"lat":40.4168,"lon":-3.7038}\n' +
        '    ce point n’est ni en France métropolitaine ni dans un territoire d’outre-mer : vérifiez la latitude et la longitude',
    ],
    [
      'far-from-commune',
      'tests/fixtures/invalid/far-from-commune.yaml › location = {"lat":48.58,"lon":7.75}\n' + '    ce point est à 408 km du centre de Lille : vérifiez les coordonnées ou la commune (address.insee)',
    ],
    [
      'unknown-service',
      'tests/fixtures/invalid/unknown-service.yaml › services.1 = "recharge"\n' +
        '    service inconnu : vouliez-vous écrire « recharges-solidaires » ? Services connus : aide-demarches, recharges-solidaires, usage-quotidien, acces-internet-materiel.',
    ],
    [
      'bad-hours',
      'tests/fixtures/invalid/bad-hours.yaml › hours.openingHours = "Lu-Ve 9h-12h"\n' +
        '    horaires mal écrits : écrivez « Mo-Fr 09:00-12:00 » (Veuillez utiliser l\'abréviation anglaise "Mo" pour "lu".)',
    ],
    [
      'postcode-not-of-commune',
      'tests/fixtures/invalid/postcode-not-of-commune.yaml › address.postcode = "59100"\n' +
        '    ce code postal n’est pas celui de Strasbourg (67482). Codes postaux de Strasbourg : 67000, 67100, 67200. Vérifiez le code postal ou le code INSEE.',
    ],
    ['postcode-as-insee', 'tests/fixtures/invalid/postcode-as-insee.yaml › address.insee = "67000"\n' + '    ce code ressemble à un code postal. Le code INSEE est différent : Strasbourg = "67482"'],
    [
      'javascript-url',
      'tests/fixtures/invalid/javascript-url.yaml › contacts.website = "javascript:alert(1)"\n' + '    adresse web refusée : elle doit commencer par https:// (ou http://) et être complète',
    ],
    ['comma-decimal', 'tests/fixtures/invalid/comma-decimal.yaml › location.lat = "48,58"\n' + '    nombre écrit avec une virgule : écrivez 48.58 (avec un point, sans guillemets)'],
    ['unknown-kind', 'tests/fixtures/invalid/unknown-kind.yaml › kind = "relais"\n' + '    valeur inconnue : vouliez-vous écrire « relay » ? Valeurs possibles : solidarity-space, relay, other.'],
    [
      'wrong-file-name',
      'tests/fixtures/invalid/wrong-file-name.yaml › id = "another-name"\n' +
        '    l’identifiant doit être le nom du fichier : écrivez « wrong-file-name », ou renommez le fichier « another-name.yaml »',
    ],
    [
      'bad-phone',
      'tests/fixtures/invalid/bad-phone.yaml › contacts.phone = "01 23 45"\n' + '    numéro de téléphone illisible : écrivez 10 chiffres (ex. : 01 23 45 67 89) ou +33 suivi de 9 chiffres',
    ],
    [
      'broken-yaml',
      'tests/fixtures/invalid/broken-yaml.yaml\n' +
        '    le fichier n’est pas du YAML valide (ligne 3) : le nombre d’espaces en début de ligne n’est pas le bon, ou un crochet [ ] n’est pas fermé. ' +
        'Vérifiez l’indentation (des espaces, pas de tabulation), les crochets [ ] et les guillemets.',
    ],
  ])('rejects %s', async (name, message) => {
    expect(await messagesFor(invalid(name))).toEqual([message]);
  });

  test('rejects a misspelt key and suggests the right one', async () => {
    expect(await messagesFor(invalid('misspelt-key'))).toEqual([
      'tests/fixtures/invalid/misspelt-key.yaml › address\n    champ obligatoire manquant : ajoutez « address »',
      'tests/fixtures/invalid/misspelt-key.yaml › adress\n' +
        '    clé inconnue « adress » : vouliez-vous écrire « address » ? Clés possibles ici : id, name, kind, operator, description, programmes, address, location, contacts, hours, services, publics, support, access, accessibility, languages, national, sources, verified, delisted.',
    ]);
  });

  test('rejects a duplicate id, naming the file that has it first', async () => {
    expect(await messagesFor('tests/fixtures/invalid/duplicate/a/twin.yaml', 'tests/fixtures/invalid/duplicate/b/twin.yaml')).toEqual([
      'tests/fixtures/invalid/duplicate/b/twin.yaml › id = "twin"\n' + '    identifiant déjà utilisé par tests/fixtures/invalid/duplicate/a/twin.yaml : chaque lieu doit avoir son propre identifiant',
    ]);
  });

  test('lists every problem of every file at once', async () => {
    const issues = await issuesFor(invalid('swapped-coordinates'), invalid('bad-hours'), invalid('javascript-url'), invalid('misspelt-key'));
    expect(issues.map((issue) => `${issue.file.split('/').at(-1)} ${issue.field}`)).toEqual([
      'swapped-coordinates.yaml location.lat',
      'bad-hours.yaml hours.openingHours',
      'javascript-url.yaml contacts.website',
      'misspelt-key.yaml address',
      'misspelt-key.yaml adress',
    ]);
    const error = new DataError(issues);
    expect(error.message).toMatch(/^Les données ont 5 problèmes\. Rien n’est publié/);
  });
});

describe('loading a data folder', () => {
  test('a folder with problems stops with every one listed, a missing file among them', async () => {
    const error = await loadData({ dataDir: 'tests/fixtures/invalid-site', referenceDataDir: 'data', today: '2026-03-01' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    const issues = (error as DataError).issues;
    expect(issues).toContainEqual(expect.objectContaining({ file: 'tests/fixtures/invalid-site/charter.yaml', message: 'fichier introuvable : il doit exister' }));
    expect(issues.map((issue) => issue.file)).toContain('tests/fixtures/invalid-site/places/swapped-coordinates.yaml');
  });

  test('a file that cannot be read says why, and only that', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'donnees-fictives-'));
    try {
      await cp('tests/fixtures/site', dir, { recursive: true });
      for (const name of ['charter.yaml', 'services.yaml']) {
        await rm(join(dir, name));
        await mkdir(join(dir, name));
      }
      const error = (await loadData({ dataDir: dir, referenceDataDir: 'data', today: '2026-03-01', root: dir }).catch((caught: unknown) => caught)) as DataError;
      // Only these two: the places' services and the communes' commitments are not called unknown against lists that could not be read.
      expect(error.issues).toEqual([
        expect.objectContaining({ file: 'services.yaml', message: 'fichier illisible (EISDIR)' }),
        expect.objectContaining({ file: 'charter.yaml', message: 'fichier illisible (EISDIR)' }),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the date the site is built for', () => {
  test('today in Paris, not in the machine’s time zone', () => {
    expect(todayIso(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(todayIso(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
    expect(todayIso(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  test('BUILD_DATE when it is a date, else today in Paris', () => {
    try {
      vi.stubEnv('BUILD_DATE', '2031-05-06');
      expect(buildDate()).toBe('2031-05-06');
      for (const wrong of ['2031-5-6', 'demain', ' 2031-05-06', '2031-05-06 ', '', 'x2031-05-06']) {
        vi.stubEnv('BUILD_DATE', wrong);
        expect(buildDate()).toBe(todayIso());
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
