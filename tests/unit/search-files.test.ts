/** The static files() of the search, built from the fictitious fixtures and every commune of France. */
import { describe, expect, test } from 'vitest';
import { decodePlace } from '../../src/lib/search/row.ts';
import { directoryOf, fixtures, perTest, searchFilesOf } from './world.ts';

const files = perTest(() => searchFilesOf(fixtures.dataset.places, fixtures.dataset.labels, fixtures.reference));

describe('the search files()', () => {
  test('communes by first letter, postcodes by their first two digits, places by département', () => {
    expect(files().communes.get('l')!.find((row) => row[0] === '59350')).toEqual(['59350', 'Lille', 50.631, 3.047]);
    expect(files().postcodes.get('59')!.filter((row) => row[0] === '59000')).toEqual([['59000', '59350', 'l']]);
    expect([...files().shards.keys()].sort()).toEqual(['38', '59', '67', '75']);
  });

  test('an arrondissement’s postcode carries its centre and official name', () => {
    expect(files().postcodes.get('75')!.find((row) => row[0] === '75019')).toEqual(['75019', '75056', 'p', 48.886, 2.383, 'Paris 19e Arrondissement']);
    expect(files().postcodes.get('75')!.find((row) => row[0] === '75001')).toEqual(['75001', '75056', 'p']);
  });

  test('a place’s row reads back as the place', () => {
    const shard = files().shards.get('38')!;
    const france = shard.places.map((row) => decodePlace(row, shard)).find((place) => place.name === 'France services fictive de Grenoble')!;
    const aide = files().meta.services.findIndex((service) => service.id === 'aide-demarches');
    expect(france).toMatchObject({ id: 'france-services-fictive-grenoble', commune: 'Grenoble', street: '5 rue Fictive', phone: '04 00 00 00 02', services: [], offers: [aide], title: '' });
    expect(france.schedule?.week[0]).toEqual([540, 720]);
  });

  test('meta: every département with its places, its neighbours and its centre; services with their words; the files()', () => {
    expect(files().meta.departements['59']).toMatchObject({ name: 'Nord', places: 3 });
    expect(files().meta.departements['59']!.neighbours).toContain('62');
    expect(files().meta.departements['59']!.neighbours).not.toContain('67');
    expect(files().meta.departements['23']).toMatchObject({ places: 0 });
    expect(files().meta.services.find((service) => service.id === 'recharges-solidaires')!.keywords).toEqual(['recharges de telephone a petit prix', 'recharge', 'telephone']);
    expect(files().meta.languages.ar).toBe('Arabe');
    expect(files().meta.files).toContain(`/recherche/lieux/59.json?v=${files().meta.version}`);
    expect(files().meta.files).toHaveLength(files().communes.size + files().postcodes.size + files().shards.size);
  });

  test('the version changes when the data changes', () => {
    const fewer = searchFilesOf(fixtures.dataset.places.slice(1), fixtures.dataset.labels, fixtures.reference);
    expect(fewer.meta.version).not.toBe(files().meta.version);
    expect(searchFilesOf(fixtures.dataset.places, fixtures.dataset.labels, fixtures.reference).meta.version).toBe(files().meta.version);
  });
});

describe('the directory()', () => {
  const directory = perTest(() => directoryOf(fixtures.dataset.places, fixtures.dataset.labels));
  test('groups places by commune, département, région and service (label offers included)', () => {
    expect(directory().communesByInsee.get('59350')!.places.map((place) => place.id)).toEqual(['point-fictif-de-la-colline', 'relais-fictif-du-moulin']);
    expect(directory().departements.get('59')!.placeCount).toBe(3);
    expect(directory().regions.find((region) => region.region.code === '32')!.placeCount).toBe(3);
    expect(directory().placesByService.get('aide-demarches')!.map((place) => place.id).sort()).toEqual(['espace-fictif-des-hirondelles', 'france-services-fictive-grenoble']);
    expect(directory().placesById.get('france-services-fictive-grenoble')!.labelOffers).toEqual([{ service: 'aide-demarches', label: 'france-services' }]);
    expect(directory().communesByInsee.get('59350')!.municipality?.insee).toBe('59350');
  });
});
