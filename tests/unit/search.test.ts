import { describe, expect, test } from 'vitest';
import { departementIn, NO_FILTERS, type Filters, type SearchEngine, type SearchOutcome } from '../../src/lib/search/engine.ts';
import { normalize } from '../../src/lib/search/normalize.ts';
import { compactId, decodePlace, encodePlace, expandId } from '../../src/lib/search/row.ts';
import { departementPage } from '../../src/components/search/departement-page.ts';
import { departementUrl } from '../../src/lib/routes.ts';
import { engineOver, fixtures, perTest, place, searchFilesOf } from './world.ts';

const files = perTest(() => searchFilesOf(fixtures.dataset.places));
const engine = () => engineOver(files());

const NOW = new Date('2026-03-03T10:00:00+01:00'); // a Tuesday morning

async function search(q: string, extra: Partial<Parameters<SearchEngine['search']>[0]> = {}): Promise<SearchOutcome> {
  return engine().search({ q, filters: NO_FILTERS, now: NOW, ...extra });
}

/** The commune a query's results are around, or the outcome's type when none. */
async function origin(q: string): Promise<string> {
  const outcome = await search(q);
  return outcome.type === 'results' && outcome.origin.kind === 'commune' ? outcome.origin.commune.name : outcome.type;
}

function names(outcome: SearchOutcome): string[] {
  return outcome.type === 'results' || outcome.type === 'by-name' ? outcome.results.map((result) => result.name) : [];
}

describe('normalization', () => {
  test.each([
    ['Saint-Denis', 'saint denis'],
    ['st-denis', 'saint denis'],
    ['ST DENIS', 'saint denis'],
    ['Ste-Geneviève', 'sainte genevieve'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['l’Île-Bouchard', 'l ile bouchard'],
    ['  Emmaüs   LILLE ', 'emmaus lille'],
    ['Œuilly', 'oeuilly'],
  ])('%s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });
});

describe('finding places', () => {
  test('a commune lists its own places first, the most helpful first, then the nearest around', async () => {
    const outcome = await search('Lille');
    expect(outcome.type).toBe('results');
    // The Colline has a street address and hours; the Moulin neither, although it is nearer the centre.
    expect(names(outcome)).toEqual(['Point fictif de la Colline', 'Relais fictif du Moulin', 'Atelier fictif du Canal']);
    if (outcome.type !== 'results') return;
    expect(outcome.origin).toMatchObject({ kind: 'commune', commune: { name: 'Lille' } });
    expect(outcome.results.map((result) => [Math.round(result.km!), result.inCommune])).toEqual([
      [1, true],
      [0, true],
      [11, false],
    ]);
    expect(outcome.counts).toEqual({ total: 3, confirmed: 3, toCheck: 0 });
  });

  test('shows the first results and counts them all', async () => {
    const outcome = await search('Lille', { limit: 1 });
    expect(outcome.type === 'results' && [outcome.results.length, outcome.counts.total]).toEqual([1, 3]);
  });

  test('a postcode finds its commune', async () => {
    expect(names(await search('59100'))[0]).toBe('Atelier fictif du Canal');
  });

  test('a commune written with its postcode is that commune, not a place’s name', async () => {
    // « France services fictive de Grenoble » has the commune in its name: read as a name, « grenoble 38000 » found only it.
    const alone = names(await search('grenoble'));
    expect(alone.length).toBeGreaterThan(5);
    for (const q of ['grenoble 38000', 'Grenoble (38000)', '38000 grenobel', 'aide papiers grenoble 38000', 'echirolles 38130']) {
      const outcome = await search(q);
      expect(outcome.type === 'results' && outcome.origin, q).toMatchObject({ kind: 'commune', commune: { name: q.includes('echirolles') ? 'Échirolles' : 'Grenoble' } });
      expect(outcome.type === 'results' && outcome.reading.name, q).toEqual([]);
    }
    expect(names(await search('grenoble 38000'))).toEqual(alone);
    // A place's own name still counts.
    expect(names(await search('france services 38000'))[0]).toBe('France services fictive de Grenoble');
    expect(names(await search('canal 59100'))).toEqual(['Atelier fictif du Canal']);
  });

  test('namesakes: the département’s number chooses among them', async () => {
    const both = await search('saint denis');
    expect(both.type === 'choose' && both.communes.map((commune) => commune.departement).sort()).toEqual(expect.arrayContaining(['93', '974']));
    for (const [q, departement] of [
      ['saint denis 93', '93'],
      ['93 saint-denis', '93'],
      ['saint denis 974', '974'],
    ] as const) {
      const outcome = await search(q);
      expect(outcome.type === 'results' && outcome.origin, q).toMatchObject({ kind: 'commune', commune: { name: 'Saint-Denis', departement } });
    }
    // A number that is no namesake's département changes nothing.
    expect((await search('saint denis 59')).type).toBe('choose');
  });

  test('a misspelt commune is understood', async () => {
    const outcome = await search('strasbourgg');
    expect(outcome.type === 'results' && outcome.origin).toMatchObject({ kind: 'commune', commune: { name: 'Strasbourg' } });
    expect(names(outcome)).toEqual(['Espace fictif des Hirondelles']);
  });

  test('a commune with no help point still gets its nearest ones', async () => {
    const outcome = await search('Roncq');
    expect(outcome.type === 'results' && outcome.origin).toMatchObject({ kind: 'commune', commune: { name: 'Roncq' } });
    expect(names(outcome)[0]).toBe('Atelier fictif du Canal');
  });

  test.each([
    ['Grigny', ['Grigny (62)', 'Grigny (69)', 'Grigny (91)']],
    ['Saint Denis', ['Saint-Denis (11)', 'Saint-Denis (30)', 'Saint-Denis (93)', 'Saint-Denis (974)']],
    ['st-denis', ['Saint-Denis (11)', 'Saint-Denis (30)', 'Saint-Denis (93)', 'Saint-Denis (974)']],
  ])('an ambiguous name (%s) offers the choice, with the département', async (q, expected) => {
    const outcome = await search(q);
    expect(outcome.type).toBe('choose');
    if (outcome.type !== 'choose') return;
    expect(outcome.communes.map((commune) => `${commune.name} (${commune.departement})`).sort()).toEqual(expected);
  });

  test('the chosen homonym gives results around it', async () => {
    const outcome = await search('Grigny', { commune: '91286' });
    expect(outcome.type === 'results' && outcome.origin).toMatchObject({ kind: 'commune', commune: { insee: '91286' } });
  });

  test('a name and a commune: the place, near that commune', async () => {
    expect(names(await search('colline lille'))).toEqual(['Point fictif de la Colline']);
    expect(names(await search('fictif hirondelles'))).toEqual(['Espace fictif des Hirondelles']);
  });

  test('a need without a place asks where, and remembers the need', async () => {
    const outcome = await search('recharge téléphone');
    expect(outcome.type === 'need-location' && outcome.filters.services).toEqual(['recharges-solidaires']);
  });

  test('a need and a commune: the places that meet it', async () => {
    const outcome = await search('recharge téléphone strasbourg');
    expect(names(outcome)).toEqual(['Espace fictif des Hirondelles']);
    expect(outcome.type === 'results' && outcome.filters.services).toEqual(['recharges-solidaires']);
    expect(outcome.type === 'results' && outcome.results[0]!.needs).toEqual([{ id: 'recharges-solidaires', byLabel: false }]);
  });

  test('around a position from the device', async () => {
    const outcome = await search('', { near: { lat: 50.69, lon: 3.17 } });
    expect(names(outcome)[0]).toBe('Atelier fictif du Canal');
    expect(outcome.type === 'results' && outcome.origin).toEqual({ kind: 'position' });
    const area = await search('', { near: { lat: 50.69, lon: 3.17 }, nearKind: 'map-area' });
    expect(area.type === 'results' && area.origin).toEqual({ kind: 'map-area' });
  });

  test('an unknown word says so', async () => {
    expect(await search('zzqqxx')).toEqual({ type: 'none', query: 'zzqqxx', filters: NO_FILTERS });
  });
});

describe('other ways in', () => {
  test('an empty query, a stray number, a postcode of no commune', async () => {
    expect(await search('')).toEqual({ type: 'empty' });
    expect(await search('12')).toEqual({ type: 'none', query: '12', filters: NO_FILTERS });
    expect(await search('99999')).toEqual({ type: 'none', query: '99999', filters: NO_FILTERS });
  });

  test('an arrondissement’s postcode is searched from its own centre, under its official name', async () => {
    const outcome = await search('75019');
    expect(outcome.type === 'results' && outcome.origin).toMatchObject({
      kind: 'commune',
      commune: { insee: '75056', arrondissement: 'Paris 19e Arrondissement', lat: 48.886, lon: 2.383 },
    });
    // No place with a street address there: the city's centre, and no arrondissement name.
    const first = await search('75001');
    expect(first.type === 'results' && first.origin).toMatchObject({ kind: 'commune', commune: { insee: '75056', lat: 48.859, lon: 2.347 } });
    expect(first.type === 'results' && first.origin.kind === 'commune' && first.origin.commune.arrondissement).toBeUndefined();
  });

  test('a wrong first letter is understood; a short unknown word is not a commune', async () => {
    const outcome = await search('frenoble');
    expect(outcome.type === 'results' && outcome.origin).toMatchObject({ kind: 'commune', commune: { name: 'Grenoble' } });
    expect((await search('xqzw')).type).toBe('none');
  });

  test('a name written by ear is the commune that sounds so (« dransi » is Drancy, « turkoin » Tourcoing)', async () => {
    expect(await origin('kalai')).toBe('Calais');
    expect(await origin('dransi')).toBe('Drancy');
    expect(await origin('turkoin')).toBe('Tourcoing');
    expect(await origin('vilerbane')).toBe('Villeurbanne');
    // A guess is marked, so that the page names its département (« Calais (Pas-de-Calais) »); a name written as it is, not.
    const guessed = async (q: string) => {
      const outcome = await search(q);
      return outcome.type === 'results' && outcome.origin.kind === 'commune' && outcome.origin.guessed === true;
    };
    expect([await guessed('kalai'), await guessed('grenobel'), await guessed('Calais'), await guessed('59100')]).toEqual([true, true, false, false]);
    // Several communes sound so: the person chooses, the largest first.
    const saintDenis = await search('sin deni');
    expect(saintDenis.type === 'choose' && saintDenis.communes.map((commune) => `${commune.name} (${commune.departement})`).slice(0, 2)).toEqual(['Saint-Denis (974)', 'Saint-Denis (93)']);
  });

  test('a town typed in Cyrillic is found as it sounds, with a need in Russian or Ukrainian; a word not understood is said as typed', async () => {
    expect(await origin('Париж')).toBe('Paris');
    expect(await origin('Лион')).toBe('Lyon');
    // Read from Cyrillic, even a commune's exact name is a guess: the page names its département (« Lyon (Rhône) »).
    const lyon = await search('Лион');
    expect(lyon.type === 'results' && lyon.origin.kind === 'commune' && lyon.origin.guessed).toBe(true);
    expect(await origin('Гренобль')).toBe('Grenoble');
    expect(await origin('Клермон-Ферран')).toBe('Clermont-Ferrand');
    const roubaix = await search('Рубе');
    expect(roubaix.type === 'choose' && roubaix.communes[0]!.name).toBe('Roubaix');
    const saintDenis = await search('Сен-Дени');
    expect(saintDenis.type === 'choose' && saintDenis.communes.map((commune) => commune.name).slice(0, 2)).toEqual(['Saint-Denis', 'Saint-Denis']);
    // The needs' words in Russian (src/i18n/locales/ru.ts gives them to the real build).
    const russian = engineOver(searchFilesOf(fixtures.dataset.places, [], undefined, { 'acces-internet-materiel': ['принтер', 'печать'], '(fillers)': ['помощь', 'в'] }));
    const inRussian = (q: string) => russian.search({ q, filters: NO_FILTERS, now: NOW });
    const outcome = await inRussian('принтер Гренобль');
    expect(outcome.type === 'results' && [outcome.origin.kind === 'commune' && outcome.origin.commune.name, outcome.reading.needs]).toEqual(['Grenoble', ['acces-internet-materiel']]);
    // A need misspelt in Cyrillic is a need, not a commune's name read in Latin letters.
    const misspelt = await inRussian('пичать Лион');
    expect(misspelt.type === 'results' && [misspelt.origin.kind === 'commune' && misspelt.origin.commune.name, misspelt.reading.needs]).toEqual(['Lyon', ['acces-internet-materiel']]);
    const lost = await inRussian('Лион абвгдж');
    expect(lost.type === 'results' && lost.reading.unknown).toEqual(['абвгдж']);
    // « в Лионе »: « в » is a small word (read « v », it kept the places named « V… »), and « Лионе » is Lyon said after it.
    const inLyon = await inRussian('помощь в Лионе');
    expect(inLyon.type === 'results' && [inLyon.origin.kind === 'commune' && inLyon.origin.commune.name, inLyon.reading.name, inLyon.reading.unknown]).toEqual(['Lyon', [], []]);
    // A word we lack before the town (« факс »: fax): the town alone, the word said not understood, never a name to look for.
    for (const q of ['факс Гренобль', 'Гренобль факс']) {
      const fax = await inRussian(q);
      expect(fax.type === 'results' && [fax.origin.kind === 'commune' && fax.origin.commune.name, fax.reading.name, fax.reading.unknown], q).toEqual(['Grenoble', [], ['факс']]);
    }
    // A name's words typed apart stay together when they name the town (« Клермон Ферран » is not Ferran, in Aude).
    expect(await origin('Клермон Ферран')).toBe('Clermont-Ferrand');
    // A word not understood is said as typed, capitals and all.
    const typedSo = await inRussian('Гренобль Абвгдж');
    expect(typedSo.type === 'results' && typedSo.reading.unknown).toEqual(['Абвгдж']);
  });

  test('a town written as people write it in another language is that town (the languages’ `towns`), a need with it', async () => {
    const towns = engineOver(
      searchFilesOf(fixtures.dataset.places, [], undefined, {
        '(town) Lyon': ['ليون', 'Lyons'],
        '(town) Clermont-Ferrand': ['كليرمون فيران'],
        'acces-internet-materiel': ['طباعة'],
        '(fillers)': ['في'],
      }),
    );
    const where = async (q: string) => {
      const outcome = await towns.search({ q, filters: NO_FILTERS, now: NOW });
      return outcome.type === 'results' && outcome.origin.kind === 'commune' ? [outcome.origin.commune.name, outcome.reading.needs, outcome.reading.unknown] : outcome.type;
    };
    expect(await where('ليون')).toEqual(['Lyon', [], []]);
    expect(await where('Lyons')).toEqual(['Lyon', [], []]);
    expect(await where('طباعة في كليرمون فيران')).toEqual(['Clermont-Ferrand', ['acces-internet-materiel'], []]);
    // Without the dictionaries' names, none is found (Arabic letters are not read as they sound: most vowels are not written).
    expect(await origin('ليون')).toBe('none');
  });

  test('a misspelt name that ends « sur » a département’s name is a commune: the département is part of it', async () => {
    // Read as the Ain and the Isère, the words left offered other Neuville and Saint-Quentin (Saint-Quantin-de-Rançanne on the real data).
    expect(await origin('neuvile sur ain')).toBe('Neuville-sur-Ain');
    expect(await origin('saint quantin sur isere')).toBe('Saint-Quentin-sur-Isère');
    // « en » is not such a join: « emmaus en isere » still looks in the Isère.
    expect(departementIn(['emmaus', 'en', 'isere'], new Set(), await engine().meta())).toMatchObject({ code: '38' });
    expect(departementIn(['neuvile', 'sur', 'ain'], new Set(), await engine().meta())).toBeNull();
    // « sur » after a need or a small word, or alone, says where: « aide sur nord » is the Nord.
    for (const q of ['aide sur nord', 'sur nord', 'aide sur seine saint denis']) {
      const outcome = await search(q);
      expect(outcome.type === 'none' && outcome.departement?.code, q).toBe(q.endsWith('nord') ? '59' : '93');
    }
    // And when no commune's name ends so after all, the département it is (« emmaus sur nord »).
    const ids = async (q: string) => {
      const outcome = await search(q);
      return outcome.type === 'by-name' ? outcome.results.map((result) => result.id) : outcome.type;
    };
    const inNord = await ids('fictif nord');
    expect(await ids('fictif sur nord')).toEqual(inNord);
    expect((await ids('fictif')).length).toBeGreaterThan(inNord.length);
  });

  test('a three-letter name said like a city’s offers it first (« lan »: Lens; « kan » is Caen on the real data)', async () => {
    const outcome = await search('lan');
    expect(outcome.type === 'choose' && outcome.communes.map((commune) => commune.name).slice(0, 2)).toEqual(['Lens', 'Lent']);
  });

  test('a village’s exact name said like a city’s offers both, the city first; a town’s name as written stays that town', async () => {
    const choices = async (q: string) => {
      const outcome = await search(q);
      return outcome.type === 'choose' ? outcome.communes.map((commune) => `${commune.name} (${commune.departement})`) : outcome.type;
    };
    // Lent (Ain, 1,512 people) and Lens (32,920): the same but for a silent final letter. On the real data: « vanne » Vannes, « rene » Rennes.
    expect(await choices('lent')).toEqual(['Lens (62)', 'Lent (01)']);
    // Said alike, written otherwise: each village is itself (Meyssiez, 671 people, is not Meyzieu; Sommaing, 397, not Somain).
    expect(await choices('meyssiez')).toBe('results');
    expect(await choices('sommaing')).toBe('results');
    // A city's name said by ear that ends with a village's: Clermont-Ferrand, not Ferran (Aude, 100 people) and « klermon » left over.
    const clermont = await search('klermon ferran');
    expect(
      clermont.type === 'results' && [clermont.origin.kind === 'commune' && clermont.origin.commune.name, clermont.origin.kind === 'commune' && clermont.origin.guessed, clermont.reading.unknown],
    ).toEqual(['Clermont-Ferrand', true, []]);
    // Lens is the city: « lens » is Lens, not a choice.
    const lens = await search('lens');
    expect(lens.type === 'results' && lens.origin.kind === 'commune' && lens.origin.commune.name).toBe('Lens');
    // The village chosen from the list: its own places.
    const lent = await search('lent', { commune: '01211' });
    expect(lent.type === 'results' && lent.origin.kind === 'commune' && lent.origin.commune.name).toBe('Lent');
  });

  test('a département named or numbered where no commune is: the outcome names it, to lead to its page', async () => {
    const isere = { code: '38', name: 'Isère' };
    expect(await search('isere')).toEqual({ type: 'none', query: 'isere', filters: NO_FILTERS, departement: isere });
    const need = await search('recharge telephone 38');
    expect(need.type === 'need-location' && need.departement).toEqual(isere);
    // Its name's words are not a commune's: not Saint-Denis, nor Selles-Saint-Denis misspelt.
    const seineSaintDenis = await search('seine saint denis');
    expect(seineSaintDenis.type === 'none' && seineSaintDenis.departement).toEqual({ code: '93', name: 'Seine-Saint-Denis' });
    // A commune found keeps the number for its homonyms, and a commune's name stays a commune's.
    const grenoble = await search('grenoble 38');
    expect(grenoble.type === 'results' && grenoble.origin.kind === 'commune' && grenoble.origin.commune.name).toBe('Grenoble');
    const saintDenis = await search('saint denis 93');
    expect(saintDenis.type === 'results' && saintDenis.origin.kind === 'commune' && saintDenis.origin.commune.insee).toBe('93066');
    expect(await search('xqzw')).toEqual({ type: 'none', query: 'xqzw', filters: NO_FILTERS });
    // A name with a département: its places only.
    const fictif = await search('fictif isere');
    expect(fictif.type === 'by-name' && [...new Set(fictif.results.map((result) => result.departement))]).toEqual(['38']);
  });

  test('a commune chosen among those a name written by ear offers keeps all its places: the words named it', async () => {
    const chosen = await search('lil', { commune: '59350' });
    const lille = await search('Lille');
    expect(lille.type === 'results' && lille.counts.total).toBe(3);
    expect(chosen.type === 'results' && [chosen.origin.kind === 'commune' && chosen.origin.commune.name, chosen.counts.total, chosen.reading]).toEqual([
      'Lille',
      3,
      { needs: [], franceServices: false, name: [], unknown: [] },
    ]);
    const saintDenis = await search('aide papiers sin deni', { commune: '93066' });
    expect(saintDenis.type === 'results' && saintDenis.reading).toEqual({ needs: ['aide-demarches'], franceServices: false, name: [], unknown: [] });
  });

  test('a commune chosen by its code (a shared link) even when the words do not name it', async () => {
    const outcome = await search('papiers', { commune: '59512' });
    expect(outcome.type === 'results' && outcome.origin).toMatchObject({ kind: 'commune', commune: { insee: '59512', name: 'Roubaix' } });
    expect(await engine().commune('59512')).toMatchObject({ name: 'Roubaix', departement: '59' });
    expect(await engine().commune('00000')).toBeUndefined();
    expect((await search('papiers', { commune: '00000' })).type).toBe('need-location');
  });

  test('the places of a selection, in its order; null for one no longer in its file', async () => {
    const places = await engine().placesOf([
      { departement: '59', id: 'relais-fictif-du-moulin' },
      { departement: '59', id: 'lieu-fictif-disparu' },
      { departement: '23', id: 'lieu-fictif-creuse' },
      { departement: '38', id: 'france-services-fictive-grenoble' },
    ]);
    expect(places.map((item) => item?.name ?? null)).toEqual(['Relais fictif du Moulin', null, null, 'France services fictive de Grenoble']);
  });
});

describe('filters: unknown is not no', () => {
  // One commune; each place has exactly one thing known about it. A filter keeps first the place
  // that surely meets it, drops the one that surely does not, and keeps the others, "à vérifier".
  const world = [
    place('Lieu fictif Gratuit', { access: { fees: ['free'] } }),
    place('Lieu fictif Payant', { access: { fees: ['paid'] } }),
    place('Lieu fictif Sans Orientation', { access: { fees: [], referral: 'not-required' } }),
    place('Lieu fictif Orientation Requise', { access: { fees: [], referral: 'required' } }),
    place('Lieu fictif Sans Rendez-vous', { access: { fees: [], appointment: 'walk-in' } }),
    place('Lieu fictif Sur Rendez-vous', { access: { fees: [], appointment: 'required' } }),
    place('Lieu fictif Fauteuil', { accessibility: { wheelchair: 'yes' } }),
    place('Lieu fictif Sans Fauteuil', { accessibility: { wheelchair: 'no' } }),
    place('Lieu fictif Emmaüs', { programmes: ['emmaus-connect'] }),
    place('Lieu fictif Samedi', { hours: { openingHours: 'Sa 09:00-12:00', closures: [] } }),
    place('Lieu fictif Mardi Matin', { hours: { openingHours: 'Tu 09:00-12:00', closures: [] } }),
    place('Lieu fictif Arabe', { languages: ['ar'] }),
    place('Lieu fictif Anglais', { languages: ['en'] }),
    place('Lieu fictif Démarches', { services: ['aide-demarches'] }),
    place('Lieu fictif Apprendre', { services: ['usage-quotidien'] }),
  ];
  const worldEngine = perTest(() => engineOver(searchFilesOf(world)));
  const find = async (filters: Partial<Filters>) => {
    const outcome = await worldEngine().search({ q: 'Villeurbanne', filters: { ...NO_FILTERS, ...filters }, now: NOW, limit: 50 });
    if (outcome.type !== 'results') throw new Error(outcome.type);
    const shown = outcome.results.map((result) => result.name);
    return {
      confirmed: outcome.results.filter((result) => result.toCheck.length === 0).map((result) => result.name),
      first: shown[0],
      dropped: world
        .map((item) => item.name)
        .filter((name) => !shown.includes(name))
        .sort(),
      counts: outcome.counts,
    };
  };
  const everyone = world.map((item) => item.name);

  test('without a filter, every place, all sure', async () => {
    const { confirmed, dropped } = await find({});
    expect(confirmed.sort()).toEqual([...everyone].sort());
    expect(dropped).toEqual([]);
  });

  test.each<[string, Partial<Filters>, string, string[]]>([
    ['free', { free: true }, 'Lieu fictif Gratuit', ['Lieu fictif Payant']],
    ['no referral', { noReferral: true }, 'Lieu fictif Sans Orientation', ['Lieu fictif Orientation Requise']],
    ['walk-in', { walkIn: true }, 'Lieu fictif Sans Rendez-vous', ['Lieu fictif Sur Rendez-vous']],
    ['wheelchair', { wheelchair: true }, 'Lieu fictif Fauteuil', ['Lieu fictif Sans Fauteuil']],
    ['open on Saturday', { when: { day: 5, half: null } }, 'Lieu fictif Samedi', ['Lieu fictif Mardi Matin']],
    ['open now (a Tuesday at 10:00)', { openNow: true }, 'Lieu fictif Mardi Matin', ['Lieu fictif Samedi']],
    ['open today in the afternoon', { when: { day: 'today', half: 'afternoon' } }, '', ['Lieu fictif Mardi Matin', 'Lieu fictif Samedi']],
    ['open next Tuesday morning', { when: { day: 1, half: 'morning' } }, 'Lieu fictif Mardi Matin', ['Lieu fictif Samedi']],
    ['a language', { language: 'ar' }, 'Lieu fictif Arabe', ['Lieu fictif Anglais']],
    ['a need', { services: ['aide-demarches'] }, 'Lieu fictif Démarches', ['Lieu fictif Apprendre']],
  ])('%s: the sure place first, the sure "no" dropped, the unknown kept to check', async (_, filters, sure, no) => {
    const { confirmed, first, dropped, counts } = await find(filters);
    expect(confirmed).toEqual(sure ? [sure] : []);
    if (sure) expect(first).toBe(sure);
    expect(dropped).toEqual(no.sort());
    expect(counts).toEqual({ total: world.length - no.length, confirmed: sure ? 1 : 0, toCheck: world.length - no.length - (sure ? 1 : 0) });
  });

  test('the network is known for every place: the others are dropped', async () => {
    const { confirmed, dropped } = await find({ emmaus: true });
    expect(confirmed).toEqual(['Lieu fictif Emmaüs']);
    expect(dropped).toEqual(everyone.filter((name) => name !== 'Lieu fictif Emmaüs').sort());
  });

  test('two filters: sure of both first, each unknown kept, each "no" dropped', async () => {
    const both = [place('Lieu fictif Gratuit et Arabe', { access: { fees: ['free'] }, languages: ['ar'] }), ...world];
    const outcome = await engineOver(searchFilesOf(both)).search({ q: 'Villeurbanne', filters: { ...NO_FILTERS, free: true, language: 'ar' }, now: NOW, limit: 50 });
    expect(outcome.type === 'results' && outcome.results[0]!.name).toBe('Lieu fictif Gratuit et Arabe');
    expect(outcome.type === 'results' && outcome.results.find((result) => result.name === 'Lieu fictif Gratuit')!.toCheck).toEqual(['language']);
    expect(names(outcome)).not.toContain('Lieu fictif Anglais');
    expect(names(outcome)).not.toContain('Lieu fictif Payant');
  });

  test('results carry today’s hours, the status and the phone', async () => {
    const outcome = await search('Lille');
    const colline = outcome.type === 'results' ? outcome.results.find((result) => result.name === 'Point fictif de la Colline')! : undefined;
    expect(colline?.status).toEqual({ state: 'open', closesAt: 18 * 60, closesInDays: 0 });
    expect(colline?.today).toEqual([10 * 60, 18 * 60]);
    expect(colline?.dial).toBe('+33300000000');
  });
});

describe('the row codec', () => {
  test('reads back what it wrote', () => {
    const shard = { departement: '59', communes: ['Lille', 'Roubaix'], schedules: [] };
    const source = {
      id: 'lieu-fictif-abc1234',
      name: 'Lieu fictif',
      kind: 'relay' as const,
      lat: 50.123456,
      lon: 3.987654,
      communeIndex: 1,
      phone: '01 23 45 67 89',
      flags: 5,
      services: [2, 0],
      offers: [3],
      languages: ['ar'],
      scheduleIndex: -1,
      street: '1 rue Fictive',
      title: '',
    };
    expect(decodePlace(encodePlace(source), shard)).toEqual({
      id: 'lieu-fictif-abc1234',
      departement: '59',
      name: 'Lieu fictif',
      kind: 'relay',
      lat: 50.1235,
      lon: 3.9877,
      commune: 'Roubaix',
      phone: '01 23 45 67 89',
      flags: 5,
      services: [2, 0],
      offers: [3],
      languages: ['ar'],
      schedule: null,
      street: '1 rue Fictive',
      title: '',
    });
  });
});

describe('compact ids', () => {
  test.each([
    ['espace-fictif-du-belvedere-0wnxhby', 'Espace fictif du Belvédère', '~0wnxhby'],
    ['emmaus-connect-lille', 'Emmaüs Connect Lille', 'emmaus-connect-lille'],
    ['lieu-a2', 'Lieu', '~a2'],
  ])('%s ↔ %s', (id, name, compact) => {
    expect(compactId(id, name)).toBe(compact);
    expect(expandId(compactId(id, name), name)).toBe(id);
  });
});

test('the search links a département it names to the page the build writes for it, for every département', () => {
  const departements = [...fixtures.reference.departements.values()];
  expect(departements.length).toBeGreaterThanOrEqual(101);
  for (const departement of departements) expect(departementPage(departement.code, departement.name)).toBe(departementUrl(departement));
});
