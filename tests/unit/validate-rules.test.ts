/** Rules of the data check beyond the invalid fixture files: each exact message a data editor reads. */
import { describe, expect, test } from 'vitest';
import { readRawDataset } from '../../src/lib/dataset.ts';
import { DataError, formatIssue, validateDataset, type RawDataset, type RawFile } from '../../src/lib/validate.ts';
import { FIXTURE_SITE, reference } from './helpers.ts';

const site = await readRawDataset(FIXTURE_SITE, process.cwd());
const place = (data: Record<string, unknown>, file = 'data/places/lieu-fictif.yaml'): RawFile => ({
  file,
  data: {
    id: file.split('/').at(-1)!.replace('.yaml', ''),
    name: 'Lieu fictif',
    kind: 'other',
    address: { street: null, postcode: null, insee: '59350' },
    location: { lat: 50.63, lon: 3.06, precision: 'commune' },
    sources: [{ name: 'Source fictive', date: '2026-01-01' }],
    verified: '2026-01-01',
    ...data,
  },
});
const messages = (raw: Partial<RawDataset>) => validateDataset({ ...site, ...raw }, reference, { today: '2026-03-01' }).issues.map(formatIssue);

describe('a place', () => {
  test.each([
    [{ address: { street: null, postcode: null, insee: '75119' } }, 'data/places/lieu-fictif.yaml › address.insee = "75119"\n    code INSEE d’arrondissement : pour Paris, écrivez "75056"'],
    [{ address: { street: null, postcode: null, insee: '69383' } }, 'data/places/lieu-fictif.yaml › address.insee = "69383"\n    code INSEE d’arrondissement : pour Lyon, écrivez "69123"'],
    [{ address: { street: null, postcode: null, insee: '13205' } }, 'data/places/lieu-fictif.yaml › address.insee = "13205"\n    code INSEE d’arrondissement : pour Marseille, écrivez "13055"'],
    [
      { address: { street: null, postcode: null, insee: '00001' } },
      'data/places/lieu-fictif.yaml › address.insee = "00001"\n    aucune commune n’a ce code INSEE. Cherchez le bon code sur https://www.insee.fr (code officiel géographique)',
    ],
    [{ verified: '2026-03-02' }, 'data/places/lieu-fictif.yaml › verified = "2026-03-02"\n    date de vérification dans le futur (aujourd’hui : 2026-03-01)'],
    [{ sources: [{ name: 'Source fictive', date: '2027-01-01' }] }, 'data/places/lieu-fictif.yaml › sources.0.date = "2027-01-01"\n    date de source dans le futur (aujourd’hui : 2026-03-01)'],
    [
      { hours: { openingHours: 'Mo 09:00-12:00', closures: [{ from: '2026-05-10', to: '2026-05-01' }] } },
      'data/places/lieu-fictif.yaml › hours.closures.0.to = "2026-05-01"\n    la fin de la fermeture est avant son début (2026-05-10) : inversez les deux dates',
    ],
    [{ name: 42 }, 'data/places/lieu-fictif.yaml › name = 42\n    attendu : du texte, trouvé : un nombre'],
    [{ programmes: 'emmaus-connect' }, 'data/places/lieu-fictif.yaml › programmes = "emmaus-connect"\n    attendu : une liste (lignes qui commencent par « - »), trouvé : du texte'],
    [{ verified: null, sources: [] }, 'data/places/lieu-fictif.yaml › sources = []\n    au moins une source est obligatoire : d’où viennent ces informations ?'],
    [
      { location: { lat: true, lon: 3.06, precision: 'commune' } },
      'data/places/lieu-fictif.yaml › location.lat = true\n    latitude attendue : un nombre avec un point, par exemple 50.6249 ; attendu : un nombre, trouvé : vrai/faux',
    ],
    [{ sources: [{ name: 'S', date: null }] }, 'data/places/lieu-fictif.yaml › sources.0.name = "S"\n    texte trop court : écrivez au moins 2 caractères'],
    [{ contacts: { email: 'pas-un-mail' } }, 'data/places/lieu-fictif.yaml › contacts.email = "pas-un-mail"\n    adresse e-mail invalide (ex. : contact@exemple.fr)'],
    [
      { contacts: { website: 'https://www.caf.fr@evil.example/' } },
      'data/places/lieu-fictif.yaml › contacts.website = "https://www.caf.fr@evil.example/"\n    adresse web refusée : « www.caf.fr@ » avant le nom du site cache la vraie adresse, qui mène à evil.example. Écrivez l’adresse du site, sans rien avant « @ ».',
    ],
    [
      { sources: [{ name: 'Source fictive', url: 'https://user:secret@exemple.fr/', date: null }] },
      'data/places/lieu-fictif.yaml › sources.0.url = "https://user:secret@exemple.fr/"\n    adresse web refusée : « user:…@ » avant le nom du site cache la vraie adresse, qui mène à exemple.fr. Écrivez l’adresse du site, sans rien avant « @ ».',
    ],
    [
      { name: 'Lieu \u202Eeuqitcif' },
      'data/places/lieu-fictif.yaml › name = "Lieu \\u202Eeuqitcif"\n    caractère invisible ou de contrôle (U+202E, 6e caractère) : retirez-le. Il peut cacher ou retourner le texte à l’écran.',
    ],
    [
      { name: 'Lieu\u0000 fictif' },
      'data/places/lieu-fictif.yaml › name = "Lieu\\u0000 fictif"\n    caractère invisible ou de contrôle (U+0000, 5e caractère) : retirez-le. Il peut cacher ou retourner le texte à l’écran.',
    ],
    [
      { operator: 'Association\u200B fictive' },
      'data/places/lieu-fictif.yaml › operator = "Association\\u200B fictive"\n    caractère invisible ou de contrôle (U+200B, 12e caractère) : retirez-le. Il peut cacher ou retourner le texte à l’écran.',
    ],
    [
      { description: 'Cours en fran&ccedil;ais' },
      'data/places/lieu-fictif.yaml › description = "Cours en fran&ccedil;ais"\n    code HTML « &ccedil; » (14e caractère) : écrivez le caractère lui-même (« &ccedil; » est « ç », « &amp; » est « & »).',
    ],
    [
      { name: 'Lieu fictif &#233;t&#xE9;' },
      'data/places/lieu-fictif.yaml › name = "Lieu fictif &#233;t&#xE9;"\n    code HTML « &#233; » (13e caractère) : écrivez le caractère lui-même (« &ccedil; » est « ç », « &amp; » est « & »).',
    ],
    [{ description: 'a'.repeat(2001) }, `data/places/lieu-fictif.yaml › description = "${'a'.repeat(2001)}"\n    texte trop long : 2\u00a0001 caractères, 2\u00a0000 au plus. Raccourcissez-le.`],
    [
      { services: ['zzz'] },
      'data/places/lieu-fictif.yaml › services.0 = "zzz"\n    service inconnu. Services connus : aide-demarches, recharges-solidaires, usage-quotidien, acces-internet-materiel.',
    ],
  ])('%o', (data, message) => {
    expect(messages({ places: [place(data)] })).toEqual([message]);
  });
});

describe('the whole folder', () => {
  test('a service id used twice, a municipality twice, an unknown commitment, a future signature', () => {
    const services = { file: 'data/services.yaml', data: { services: [...(site.services.data as { services: unknown[] }).services, (site.services.data as { services: unknown[] }).services[0]] } };
    const municipality = (file: string, commitment: string, signed: string): RawFile => ({
      file,
      data: { insee: '59350', signed, verified: '2026-02-01', commitments: [{ commitment, status: 'done', date: '2026-02-01' }], sources: [{ name: 'Source fictive', date: '2026-01-15' }] },
    });
    expect(messages({ places: [], services, municipalities: [municipality('m/a.yaml', 'accueil-fictif', '2026-01-15'), municipality('m/b.yaml', 'accueil-fictiff', '2026-04-01')] })).toEqual([
      'data/services.yaml › services.4.id = "aide-demarches"\n    identifiant de service en double',
      'm/b.yaml › insee = "59350"\n    cette commune a déjà un fichier : m/a.yaml',
      'm/b.yaml › commitments.0.commitment = "accueil-fictiff"\n    engagement inconnu : vouliez-vous écrire « accueil-fictif » ? Engagements de la charte : accueil-fictif, lieux-fictifs.',
      'm/b.yaml › signed = "2026-04-01"\n    date dans le futur (aujourd’hui : 2026-03-01)',
    ]);
  });

  test('a label offering an unknown service', () => {
    expect(
      messages({
        places: [],
        labels: { file: 'data/labels.yaml', data: { labels: [{ id: 'fictif', places: { kind: 'relay' }, services: ['recharge'], sources: [{ name: 'Source fictive', date: null }] }] } },
      }),
    ).toEqual([
      'data/labels.yaml › labels.0.services.0 = "recharge"\n    service inconnu : vouliez-vous écrire « recharges-solidaires » ? Services connus : aide-demarches, recharges-solidaires, usage-quotidien, acces-internet-materiel.',
    ]);
  });

  test('a YAML file with two documents is explained in French, not in the library’s English', async () => {
    const { parseYaml } = await import('../../src/lib/dataset.ts');
    const raw = parseYaml('id: lieu-fictif\n---\nid: autre\n', 'data/places/lieu-fictif.yaml');
    expect(messages({ places: [raw] })).toEqual([
      'data/places/lieu-fictif.yaml\n    le fichier n’est pas du YAML valide (ligne 2) : le fichier contient plusieurs documents (une ligne « --- » au milieu) : un fichier décrit une seule chose. Vérifiez l’indentation (des espaces, pas de tabulation), les crochets [ ] et les guillemets.',
    ]);
  });

  test('counts one problem in the singular', () => {
    expect(new DataError([{ file: 'f.yaml', field: '', message: 'm' }]).message).toBe('Les données ont 1 problème. Rien n’est publié tant qu’il n’est pas corrigé :\n\nf.yaml\n    m');
  });
});
