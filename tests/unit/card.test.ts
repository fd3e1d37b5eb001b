/** One card of a place: the same lines on a page (from the directory) and in the browser (from its search row). */
import { describe, expect, it, test } from 'vitest';
import { fr } from '../../src/i18n/fr.ts';
import { statusLabel, STATUS_WORDS } from '../../src/i18n/hours-status.ts';
import { weekSummary } from '../../src/i18n/hours.ts';
import { t } from '../../src/i18n/index.ts';
import { createTranslator, pick } from '../../src/i18n/translate.ts';
import { placeCard, whereLine } from '../../src/lib/card.ts';
import { buildSearchFiles, cardPlaceOf } from '../../src/lib/search/build.ts';
import { decodePlace } from '../../src/lib/search/row.ts';
import { BUILD_DATE, directoryOf, place } from './world.ts';

const places = [
  place('Médiathèque fictive des Tilleuls', {
    contacts: { phone: '04 00 00 00 01' },
    access: { referral: 'required', appointment: 'walk-in', fees: ['free'] },
  }),
  place('AG_CHRS_FICTIF_0001', { address: { street: null, postcode: null, insee: '69266' }, location: { lat: 45.77, lon: 4.88, precision: 'commune' } }),
  place('Permanence fictive du Mail', {
    address: { street: null, complement: 'Maison fictive des quartiers', postcode: null, insee: '69266' },
    location: { lat: 45.77, lon: 4.88, precision: 'commune' },
  }),
];
const directory = directoryOf(places);
const files = buildSearchFiles(directory, BUILD_DATE);
const rows = [...files.shards.values()].flatMap((shard) => shard.places.map((row) => decodePlace(row, shard)));

describe('the one card of a place', () => {
  it('says the same from the directory (pages) and from the search row (browser)', () => {
    for (const entry of directory.places) {
      const row = rows.find((candidate) => candidate.id === entry.id)!;
      expect(placeCard(t, row)).toEqual(placeCard(t, cardPlaceOf(entry)));
    }
  });

  it('gives the phone as a link, and what a person must know before going, in one line', () => {
    const card = placeCard(t, cardPlaceOf(directory.placesById.get('mediatheque-fictive-des-tilleuls')!));
    expect(card.name).toBe('Médiathèque fictive des Tilleuls');
    expect(card.head.map((line) => line.class)).toEqual(['kind', 'where']);
    expect(card.tail).toEqual([
      { class: 'phone', text: 'Téléphone : ', link: { href: 'tel:+33400000001', text: '04 00 00 00 01' } },
      { class: 'conditions', text: 'Il faut être orienté par un travailleur social · Sans rendez-vous · Gratuit' },
    ]);
  });

  it('names a place whose name reads as a code, keeps its name as written, and says when its point is only the commune', () => {
    const card = placeCard(t, cardPlaceOf(directory.placesById.get('ag-chrs-fictif-0001')!), { km: 2.4 });
    expect(card.name).not.toBe('AG_CHRS_FICTIF_0001');
    expect(card.head[0]).toEqual({ class: 'muted', text: 'Nom dans les données : AG_CHRS_FICTIF_0001' });
    expect(card.head.find((line) => line.class === 'where')!.text).toMatch(/^Villeurbanne · environ 2,4 km/);
    expect(card.tail.some((line) => line.class === 'phone')).toBe(false);
  });

  it('gives the building named in the address when the street is not known: where to go, on lists, paper and messages', () => {
    const card = placeCard(t, cardPlaceOf(directory.placesById.get('permanence-fictive-du-mail')!));
    expect(card.head.find((line) => line.class === 'where')!.text).toMatch(/^Maison fictive des quartiers, Villeurbanne/);
  });

  it('says to call before coming when hours are unknown only to a place that has a phone number', () => {
    expect(weekSummary(t, null, true)).toBe('Horaires non renseignés : appelez avant de venir.');
    expect(weekSummary(t, null, false)).toBe('Horaires non renseignés.');
  });

  it('writes a distance given as text (a template’s slot) as it writes a number', () => {
    const where = { street: '1 rue Fictive', commune: 'Villeurbanne', flags: 1024 };
    expect(whereLine(t, where, { written: '⟦km⟧' })).toBe('1 rue Fictive, Villeurbanne · à ⟦km⟧');
    expect(whereLine(t, where, { km: 0.9 })).toBe('1 rue Fictive, Villeurbanne · à 900 m');
    expect(whereLine(t, where, { km: 0.9, inCommune: true })).toBe('1 rue Fictive, Villeurbanne · Dans la commune');
    expect(whereLine(t, where)).toBe('1 rue Fictive, Villeurbanne');
  });

  it('says a distance is rough when the point is the commune’s centre, and that the address is unknown only when its street is', () => {
    const nbsp = (text: string) => text.replaceAll('\u00a0', ' ');
    expect(nbsp(whereLine(t, { street: '1 rue Fictive', commune: 'Villeurbanne', flags: 0 }, { km: 0.9 }))).toBe('1 rue Fictive, Villeurbanne · environ 900 m');
    expect(nbsp(whereLine(t, { street: '', commune: 'Villeurbanne', flags: 0 }, { km: 0.9 }))).toBe('Villeurbanne · environ 900 m (adresse exacte inconnue)');
  });
});

describe('the words « ouvert maintenant » is given', () => {
  const words = createTranslator(pick(fr, STATUS_WORDS));
  test.each([
    { state: 'moves' },
    { state: 'unknown', reason: 'no-hours' },
    { state: 'unknown', reason: 'outside-window' },
    { state: 'open', closesAt: 17 * 60 + 30, closesInDays: 0 },
    { state: 'open', closesAt: 0, closesInDays: 1 },
    { state: 'open', closesAt: 2 * 60, closesInDays: 2 },
    { state: 'closed', next: null },
    { state: 'closed', next: { date: '2026-03-03', inDays: 0, opensAt: 14 * 60 } },
    { state: 'closed', next: { date: '2026-03-04', inDays: 1, opensAt: 9 * 60 + 15 } },
    { state: 'closed', next: { date: '2026-03-06', inDays: 3, opensAt: 9 * 60 } },
    { state: 'closed', next: { date: '2026-04-01', inDays: 29, opensAt: 9 * 60 } },
  ] as const)('are enough for %o, and say it as the whole dictionary does', (status) => {
    expect(statusLabel(words, status)).toBe(statusLabel(t, status));
  });
});
