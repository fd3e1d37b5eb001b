/** One national record to one place: each safe correction said, each unsafe value left out. */
import { describe, expect, test } from 'vitest';
import type { NationalRecord } from '../../src/lib/interop/record.ts';
import { toNationalRecord } from '../../src/lib/interop/record.ts';
import { importContext, recordToPlace } from '../../src/lib/interop/toPlace.ts';
import { fixtures } from './world.ts';

const context = importContext(fixtures.reference, fixtures.dataset.services);
const source = { key: 'fictif', name: 'Source fictive', url: null, date: '2024-01-01' };

/** A clean record in Lille, changed by `overrides`. */
function record(overrides: Partial<Record<keyof NationalRecord, unknown>> = {}): NationalRecord {
  return toNationalRecord(
    {
      id: 'r1',
      nom: 'Espace fictif',
      commune: 'Lille',
      code_postal: '59000',
      code_insee: '59350',
      adresse: '1 rue Fictive',
      latitude: 50.6311,
      longitude: 3.0469,
      date_maj: '2023-05-01',
      ...overrides,
    },
    [],
  ).record;
}

function convert(overrides: Partial<Record<keyof NationalRecord, unknown>> = {}) {
  const outcome = recordToPlace(record(overrides), source, context);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('a clean record', () => {
  test('becomes a place with its point, its source and its date, and no correction', () => {
    const { place, normalized } = convert();
    expect(normalized).toEqual([]);
    expect(place).toMatchObject({
      name: 'Espace fictif',
      kind: 'other',
      address: { street: '1 rue Fictive', postcode: '59000', insee: '59350' },
      location: { lat: 50.6311, lon: 3.0469, precision: 'address' },
      sources: [{ name: 'Source fictive', url: null, date: '2023-05-01', record: 'fictif:r1' }],
      verified: '2023-05-01',
    });
    expect(place.id).toMatch(/^espace-fictif-[0-9a-z]{7}$/);
  });
});

describe('the commune', () => {
  test.each([
    ['an arrondissement code', { code_insee: '75119', code_postal: '75019', commune: 'Paris', latitude: 48.886, longitude: 2.383 }, '75056', 'code INSEE d’arrondissement 75119 → 75056'],
    ['an unknown code, a postcode of one commune', { code_insee: '59999' }, '59350', 'code INSEE 59999 inconnu : commune trouvée par le code postal'],
    ['no code, a postcode shared by several communes: by name', { code_insee: '', code_postal: '59100', commune: 'Roubaix', latitude: 50.69, longitude: 3.18 }, '59512', null],
    ['no code, an unknown postcode: by name and point', { code_insee: '', code_postal: '00999' }, '59350', 'commune « Lille » trouvée par son nom et la position (code postal « 00999 » inconnu)'],
  ])('%s', (_, overrides, insee, message) => {
    const { place, normalized } = convert(overrides);
    expect(place.address.insee).toBe(insee);
    if (message) expect(normalized).toContain(message);
  });

  test.each([
    ['an unknown postcode, no code, no point', { code_insee: '', code_postal: '00999', latitude: null, longitude: null }, 'commune introuvable : code postal « 00999 » inconnu et pas de code INSEE'],
    [
      'an unknown code and postcode',
      { code_insee: '00001', code_postal: '00999', latitude: null, longitude: null },
      'commune introuvable : ni le code INSEE 00001 ni le code postal « 00999 » ne sont dans le référentiel',
    ],
    ['no name', { nom: '' }, 'nom manquant'],
    ['a place closed to the public', { modalites_acces: "Ce lieu n'accueille pas de public" }, 'le lieu n’accueille pas de public'],
  ])('rejects %s', (_, overrides, reason) => {
    const outcome = recordToPlace(record(overrides), source, context);
    expect(outcome).toMatchObject({ ok: false, reason });
  });

  test('a postcode of another commune is replaced by the commune’s only one, or removed', () => {
    expect(convert({ code_insee: '59512', code_postal: '59000', commune: 'Roubaix', latitude: 50.69, longitude: 3.18 }).place.address.postcode).toBe('59100');
    const { place, normalized } = convert({ code_postal: '59100' });
    expect(place.address.postcode).toBeNull();
    expect(normalized).toContain('code postal « 59100 » qui n’est pas celui de Lille : retiré');
  });
});

describe('the point', () => {
  test.each([
    ['swapped coordinates are put back', { latitude: 3.0469, longitude: 50.6311 }, { lat: 50.6311, lon: 3.0469, precision: 'address' }, 'latitude et longitude inversées : remises dans l’ordre'],
    ['a point far from the commune goes to its centre', { latitude: 48.58, longitude: 7.75 }, { precision: 'commune' }, 'coordonnées hors de la commune : point placé au centre de la commune'],
    ['no point: the commune’s centre', { latitude: null, longitude: null }, { precision: 'commune' }, 'pas de coordonnées : point placé au centre de la commune'],
  ])('%s', (_, overrides, location, message) => {
    const { place, normalized } = convert(overrides);
    expect(place.location).toMatchObject(location);
    expect(normalized).toContain(message);
  });
});

describe('contacts, hours, dates', () => {
  test.each([
    ['a phone written another way', { telephone: '+33123456789' }, 'téléphone remis au format 01 23 45 67 89'],
    ['an unreadable phone', { telephone: '12' }, 'téléphone illisible « 12 » : retiré'],
    ['an invalid e-mail', { courriels: 'pas-un-mail' }, 'adresse e-mail invalide retirée'],
    ['two e-mails', { courriels: 'a@exemple.fr|b@exemple.fr' }, '1 adresse(s) e-mail en plus non gardée(s)'],
    ['an invalid website', { site_web: 'javascript:alert(1)' }, 'site internet invalide retiré'],
    ['a website whose user part hides another site', { site_web: 'https://www.caf.fr@evil.example/' }, 'site internet invalide retiré'],
    [
      'hidden characters in the name and the summary',
      { nom: 'Espace\u200B fictif\u202E', presentation_resume: 'Un lieu\u0000 fictif' },
      'caractères invisibles ou de contrôle retirés (nom, presentation_resume)',
    ],
    ['an invalid booking link', { prise_rdv: 'pas un lien' }, 'lien de prise de rendez-vous invalide retiré'],
    ['hours written another way', { horaires: 'Mo-Fr 9:00-12:00' }, 'horaires remis au format canonique'],
    ['unreadable hours', { horaires: 'le matin' }, 'horaires illisibles : gardés en note, sans deviner'],
    ['a placeholder date', { date_maj: '1970-01-01' }, 'date de mise à jour 1970-01-01 : date fictive, traitée comme inconnue'],
    ['an unreadable date', { date_maj: '01/05/2023' }, 'date de mise à jour illisible « 01/05/2023 » : inconnue'],
    ['a date after the export', { date_maj: '2025-01-01' }, 'date de mise à jour 2025-01-01 après la date de l’export : ramenée au 2024-01-01'],
    ['a service the catalogue lacks', { services: 'Loisirs et créations numériques' }, 'service « Loisirs et créations numériques » sans équivalent dans le catalogue : ignoré'],
    ['a programme the standard lacks', { dispositif_programmes_nationaux: 'Programme fictif' }, 'dispositif « Programme fictif » inconnu du standard : ignoré'],
    ['a name in capitals', { nom: 'ESPACE FICTIF' }, 'nom en majuscules remis en minuscules'],
    ['a street in capitals', { adresse: '1 RUE FICTIVE' }, 'adresse en majuscules remise en minuscules'],
  ])('%s is said', (_, overrides, message) => {
    expect(convert(overrides).normalized).toContain(message);
  });

  test('keeps what it can read, in the directory’s words', () => {
    const { place } = convert({
      telephone: '03 20 00 00 00',
      courriels: 'a@exemple.fr|b@exemple.fr',
      site_web: 'https://exemple.fr',
      prise_rdv: 'https://exemple.fr/rdv',
      horaires: 'Mo-Fr 9:00-12:00',
      services: 'Aide aux démarches administratives',
      dispositif_programmes_nationaux: 'Emmaüs Connect|France Services',
      frais_a_charge: 'Gratuit|Payant',
      publics_specifiquement_adresses: 'Jeunes',
      prise_en_charge_specifique: 'Surdité',
      modalites_acces: 'Se présenter|Envoyer un mail avec une fiche de prescription',
      formations_labels: 'Étapes numériques(La Poste)',
      pivot: '12345678900011',
      presentation_resume: '<p>Un lieu <b>fictif</b></p>',
      date_maj: '1970-01-01',
    });
    expect(place).toMatchObject({
      kind: 'solidarity-space',
      programmes: ['emmaus-connect', 'france-services'],
      contacts: { phone: '03 20 00 00 00', email: 'a@exemple.fr', website: 'https://exemple.fr', appointmentUrl: 'https://exemple.fr/rdv' },
      hours: { openingHours: 'Mo-Fr 09:00-12:00', note: null },
      services: ['aide-demarches'],
      access: { fees: ['free', 'paid'], referral: 'required' },
      publics: ['jeunes'],
      support: ['surdite'],
      description: 'Un lieu fictif',
      verified: null,
      national: { pivot: '12345678900011', acces: ['Se présenter', 'Envoyer un mail avec une fiche de prescription'], formations: ['Étapes numériques (La Poste)'] },
    });
    expect(convert({ dispositif_programmes_nationaux: 'Relais numérique (Emmaüs Connect)' }).place.kind).toBe('relay');
    expect(convert({ pivot: '00000000000000' }).place.national?.pivot).toBeNull();
    expect(convert({ nom: 'Espace\u200B fictif\u202E' }).place.name).toBe('Espace fictif');
    expect(convert({ site_web: 'https://www.caf.fr@evil.example/' }).place.contacts?.website).toBeUndefined();
    expect(convert({ horaires: 'le <b>matin</b>' }).place.hours).toMatchObject({ openingHours: null, note: 'Horaires donnés par la source : le matin' });
  });
});

describe('hours that cannot be right', () => {
  test.each([
    [
      'a placeholder beside real periods is dropped, and said',
      'We 00:00-00:00,09:00-12:00',
      { openingHours: 'We 09:00-12:00', note: null },
      'horaires « We 00:00-00:00,09:00-12:00 » lus « We 09:00-12:00 » (« 00:00-00:00 » commence et finit à la même heure, à côté des vraies heures du jour : ce n’est pas une heure d’ouverture)',
    ],
    [
      'a day of placeholders only sets the hours aside, and says so',
      'Mo 09:00-12:00; Fr 00:00-00:00',
      { openingHours: null, note: 'Les horaires donnés par la source ne peuvent pas être justes : ils ne sont pas affichés.' },
      'horaires « Mo 09:00-12:00; Fr 00:00-00:00 » mis de côté, inconnus (un jour n’a que « 00:00-00:00 », qui commence et finit à la même heure : cela ne dit pas quand le lieu ouvre ce jour-là)',
    ],
    [
      'a period that ends before it starts sets the hours aside',
      'Fr 17:00-12:00',
      { openingHours: null },
      'horaires « Fr 17:00-12:00 » mis de côté, inconnus (« 17:00-12:00 » finit avant de commencer)',
    ],
  ])('%s', (_, horaires, hours, said) => {
    const { place, normalized } = convert({ horaires });
    expect(place.hours).toMatchObject(hours);
    expect(normalized).toEqual([said]);
  });
});

describe('the commune, when the postcode is shared or wrong', () => {
  test('by name among the communes of the postcode', () => {
    const { place, normalized } = convert({ code_insee: '', code_postal: '59390', commune: 'LYS LEZ LANNOY', latitude: null, longitude: null });
    expect(place.address.insee).toBe('59367');
    expect(normalized.filter((message) => message.startsWith('commune'))).toEqual([]);
  });

  test('by the point, the nearest commune of the postcode', () => {
    const { place, normalized } = convert({ code_insee: '', code_postal: '59390', commune: 'Nom fictif', latitude: 50.661, longitude: 3.232 });
    expect(place.address.insee).toBe('59598');
    expect(normalized).toContain('commune « Nom fictif » choisie par la position parmi les communes du 59390');
  });

  test('by name and point outside the postcode, when the point is far from all its communes', () => {
    const { place, normalized } = convert({ code_insee: '', code_postal: '59390', commune: 'Douai', latitude: 50.3785, longitude: 3.1004 });
    expect(place.address.insee).toBe('59178');
    expect(normalized).toContain('commune « Douai » trouvée par son nom et la position, hors du code postal 59390');
  });

  test('rejected when neither name nor point says which', () => {
    expect(recordToPlace(record({ code_insee: '', code_postal: '59390', commune: 'Nulle Part', latitude: null, longitude: null }), source, context)).toMatchObject({
      ok: false,
      reason: 'commune introuvable : « Nulle Part » n’est pas une des communes du code postal 59390',
    });
  });

  test.each([
    ['LILLE CEDEX', '59035', 50.6311, 3.0469, '59350'],
    ['Paris 19e Arrondissement', '75999', 48.886, 2.383, '75056'],
    ['Lille 2eme', '59999', 50.6311, 3.0469, '59350'],
  ])('« %s » with the unknown postcode %s: by name and point', (commune, postcode, latitude, longitude, insee) => {
    const { place, normalized } = convert({ code_insee: '', code_postal: postcode, commune, latitude, longitude });
    expect(place.address.insee).toBe(insee);
    expect(normalized).toContain(`commune « ${commune} » trouvée par son nom et la position (code postal « ${postcode} » inconnu)`);
  });

  test('a namesake further than 20 km from the point is not taken', () => {
    expect(recordToPlace(record({ code_insee: '', code_postal: '00999', latitude: 50.3785, longitude: 3.1004 }), source, context)).toMatchObject({ ok: false });
  });
});

describe('what is said only when something changed', () => {
  test('a clean phone, one e-mail, canonical hours, the export’s own date: no message', () => {
    const { place, normalized } = convert({ telephone: '03 20 00 00 00', courriels: 'a@exemple.fr', horaires: 'Mo-Fr 09:00-12:00', date_maj: '2024-01-01' });
    expect(normalized).toEqual([]);
    expect(place.hours?.openingHours).toBe('Mo-Fr 09:00-12:00');
    expect(place.verified).toBe('2024-01-01');
  });

  test('no e-mail and no website: no empty field written', () => {
    const { place } = convert();
    expect(Object.keys(place.contacts ?? {})).toEqual([]);
  });

  test('a description’s HTML becomes plain text', () => {
    const { place } = convert({ presentation_resume: '<p>Un lieu</p><ul><li>fictif</li><li>pour&nbsp;tous</li></ul><br/>Fin' });
    expect(place.description).toBe('Un lieu fictif pour tous Fin');
  });

  test('HTML entities of a source become their characters (named, decimal and hexadecimal)', () => {
    const { place } = convert({ presentation_resume: 'Cours en fran&ccedil;ais &bull; &laquo;&#160;Atelier&#xA0;&raquo; &amp; pr&#234;t&hellip;' });
    expect(place.description).toBe('Cours en français • « Atelier » & prêt…');
  });

  test('a pivot is kept only when it is 9 to 14 letters or digits, not all zeros', () => {
    expect(convert({ pivot: '12345678900011' }).place.national?.pivot).toBe('12345678900011');
    expect(convert({ pivot: '123456789000111' }).place.national?.pivot ?? null).toBeNull();
    expect(convert({ pivot: 'x12345678900011' }).place.national?.pivot ?? null).toBeNull();
    expect(convert({ pivot: '00000000000000' }).place.national?.pivot ?? null).toBeNull();
    expect(convert({ pivot: '12345678' }).place.national?.pivot ?? null).toBeNull();
  });

  test('values outside the standard are named with their column', () => {
    const { normalized } = convert({ modalites_acces: 'Par pigeon', itinerance: 'Volant', modalites_accompagnement: 'Par télépathie', formations_labels: 'Label inventé' });
    expect(normalized).toEqual(
      expect.arrayContaining([
        'modalites_acces « Par pigeon » inconnu du standard : ignoré',
        'itinerance « Volant » inconnu du standard : ignoré',
        'modalites_accompagnement « Par télépathie » inconnu du standard : ignoré',
        'formations_labels « Label inventé » inconnu du standard : ignoré',
      ]),
    );
  });

  test('an accessibility sheet is kept when it is a web address', () => {
    expect(convert({ fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/fictif/' }).place.accessibility).toMatchObject({ acceslibreUrl: 'https://acceslibre.beta.gouv.fr/app/fictif/' });
    expect(convert({ fiche_acces_libre: 'javascript:alert(1)' }).place.accessibility).toMatchObject({ acceslibreUrl: null });
  });

  test('a service named twice is kept once', () => {
    expect(convert({ services: 'Aide aux démarches administratives|Aide aux démarches administratives' }).place.services).toEqual(['aide-demarches']);
  });
});
