import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, test } from 'vitest';
import { exportRows, fixtures, perTest, place } from './world.ts';
import { parseCsvRecords } from '../../src/lib/interop/csv.ts';
import { summary, toCsv, toJson, toStandardRow, type StandardRow } from '../../src/lib/interop/export.ts';
import { STANDARD_COLUMNS } from '../../src/lib/interop/standard.ts';
import { refusedByNationalMap, schema, violations } from './standard-checks.ts';

describe('export to the national standard v1.0.2', () => {
  let rows: StandardRow[] = [];
  let left: ReturnType<typeof exportRows>['left'] = [];
  // Exported before each test (not once at collection), so that mutation testing sees it run.
  beforeEach(() => {
    ({ rows, left } = exportRows(fixtures.dataset, fixtures.reference));
  });

  test('has the schema’s columns, in its order', () => {
    expect([...STANDARD_COLUMNS]).toEqual(schema.fields.map((field) => field.name));
    const csv = parse(toCsv(rows), { columns: false });
    expect(csv[0]).toEqual(schema.fields.map((field) => field.name));
    expect(csv).toHaveLength(rows.length + 1);
  });

  test('meets every constraint read from the schema file', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((row) => violations(row).map((text) => `${row.id} ${text}`))).toEqual([]);
  });

  test('fills multi-valued fields with | and standard values', () => {
    const row = rows.find((item) => item.id === 'espace-fictif-des-hirondelles')!;
    expect(row.services).toBe('Aide aux démarches administratives|Accès internet et matériel informatique');
    expect(row.prise_en_charge_specifique).toBe('Surdité|Illettrisme|Langues étrangères (autres)');
    expect(row.modalites_acces).toBe('Se présenter|Téléphoner|Envoyer un mail avec une fiche de prescription');
    expect(row.telephone).toBe('+33123456789');
    // Spelt one way by the schema, another by the national map: in the free-text column, both accept it.
    expect(row.formations_labels).toBe(null);
    expect(row.autres_formations_labels).toBe('Étapes numériques (La Poste)|Label fictif');
  });

  test('leaves out, with the reason, a place the standard cannot hold', () => {
    expect(left).toEqual([
      ['bus-fictif-isere', 'street'],
      ['relais-fictif-du-moulin', 'street'],
    ]);
  });

  test('is accepted by the national map’s own model library', () => {
    expect(refusedByNationalMap(rows)).toEqual([]);
  });

  test('writes JSON without empty fields', () => {
    const json = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(json).toHaveLength(rows.length);
    expect(Object.values(json[0]!)).not.toContain(null);
  });
});

describe('export of awkward values', () => {
  const services = new Map(fixtures.dataset.services.map((service) => [service.id, service]));
  const exportable = (item: ReturnType<typeof place>) => ({ ...item, commune: fixtures.reference.communes.get(item.address.insee)! });
  const long = `${'Un lieu fictif pour apprendre le numérique avec une personne patiente. '.repeat(6)}Fin.`;
  const awkward = place('=HYPERLINK("http://exemple.invalid","Cliquez")', {
    insee: '58062',
    lat: 47.066,
    lon: 3.9261,
    address: { street: "-2+3+cmd|' /C calc'!A0\t8 grand ‘rue", postcode: '58120', insee: '58062' },
    description: long,
    national: { typologie: ['PE', 'ASSO'] },
  });
  const brest = place('@Lieu fictif de Brest', { insee: '29019', lat: 48.39, lon: -4.49, address: { street: '1 rue Fictive', postcode: '29200', insee: '29019' } });
  const rows = perTest(() => [awkward, brest].map((item) => toStandardRow(exportable(item), services)));

  test('fit every constraint of the schema and the national map’s library', () => {
    expect(rows().flatMap((row) => violations(row).map((text) => `${row.id} ${text}`))).toEqual([]);
    expect(refusedByNationalMap(rows())).toEqual([]);
    expect(rows()[0]).toMatchObject({
      commune: 'Château-Chinon Ville',
      adresse: "-2+3+cmd|' /C calc' A0 8 grand ’rue",
      typologie: 'FT|ASSO',
      presentation_detail: long,
    });
  });

  test('a summary over 280 characters is cut at a word, with the whole text kept in the detail', () => {
    const cut = rows()[0]!.presentation_resume as string;
    expect(cut.length).toBeLessThanOrEqual(280);
    expect(cut.endsWith('…')).toBe(true);
    // Cut between two words: the original goes on with a space where the summary stops.
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long[cut.length - 1]).toBe(' ');
    expect(cut.length).toBeGreaterThan(250);
    expect(summary('Court.')).toBe('Court.');
    expect(summary('x'.repeat(300))).toBe(`${'x'.repeat(279)}…`);
  });

  test.each([
    ['a bullet at the start is left out of the summary: no formula guard, no stray quote', `- ${'Aide aux démarches. '.repeat(15)}`, 'Aide aux démarches. '],
    ['a bullet on a short text too', '• Aide aux démarches.', 'Aide aux démarches.'],
    ['the formula guard’s quote counts in the 280 characters', `+${'Aide aux démarches. '.repeat(15)}`, "'+Aide aux démarches. "],
  ])('%s', (_, description, start) => {
    const row = toStandardRow(exportable(place('Lieu fictif du résumé', { description, address: { street: '1 rue Fictive', postcode: '69100', insee: '69266' } })), services);
    const [cells] = parse<Record<string, string>>(toCsv([row]), { columns: true });
    expect(cells!.presentation_resume!.startsWith(start)).toBe(true);
    expect(cells!.presentation_resume!.length).toBeLessThanOrEqual(280);
    expect(violations(row)).toEqual([]);
    // Nothing is lost: the whole text, bullet included, is the detail.
    expect(row.presentation_detail).toBe(description.trim());
  });

  test('cells that a spreadsheet would run as formulas are neutralised; numbers stay numbers; reading restores them', () => {
    const csv = toCsv(rows());
    const cells = parse<Record<string, string>>(csv, { columns: true });
    expect(cells[0]!.nom).toBe('\'=HYPERLINK("http://exemple.invalid","Cliquez")');
    expect(cells[0]!.adresse).toBe("'-2+3+cmd|' /C calc' A0 8 grand ’rue");
    expect(cells[1]!.nom).toBe("'@Lieu fictif de Brest");
    expect(cells[1]!.longitude).toBe('-4.49');
    expect(cells[1]!.telephone).toBe('');
    const restored = parseCsvRecords(csv);
    expect(restored[0]!.nom).toBe('=HYPERLINK("http://exemple.invalid","Cliquez")');
    expect(restored[0]!.adresse).toBe(rows()[0]!.adresse);
    expect(restored[1]!.longitude).toBe('-4.49');
  });
});
