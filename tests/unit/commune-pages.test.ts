/** The pages of communes without a place, made from templates: every placeholder filled, every value escaped. */
import { describe, expect, test, vi } from 'vitest';
import { compile, escapeHtml, fill, Fragments, readFragments, valuesOf } from '../../integrations/commune-pages.ts';
import type { PlacelessCommune } from '../../src/site/placeless.ts';
import { nearestTo, placelessOf, PLACELESS_FALLBACK } from '../../src/site/placeless.ts';
import { territoriesOf } from '../../src/site/territories.ts';
import { COMMUNE_AROUND } from '../../src/site/pages.ts';
import { directoryOf, place } from './world.ts';

describe('templates', () => {
  test('fill every placeholder, as many times as it appears', () => {
    expect(fill('<h1>⟦name⟧</h1><a href="⟦path⟧">⟦name⟧</a>', { name: 'Florac', path: '/communes/48061-florac-trois-rivieres/' })).toBe(
      '<h1>Florac</h1><a href="/communes/48061-florac-trois-rivieres/">Florac</a>',
    );
  });

  test('a placeholder without a value stops the build: it is never left on a page', () => {
    expect(() => compile('<p>⟦name⟧ ⟦missing⟧</p>')({ name: 'Florac' })).toThrow('no value for ⟦missing⟧');
  });

  test('values are escaped for text and attributes', () => {
    expect(escapeHtml(`L'Haÿ-les-Roses <b> & "x"`)).toBe('L&#39;Haÿ-les-Roses &#60;b&#62; &#38; &#34;x&#34;');
  });

  test('the fragments of each place are read by kind', () => {
    const fragments = readFragments('<template data-card="a"><li>A ⟦km⟧</li></template><template data-poster="a"><li class="⟦only⟧">P</li></template><template data-widget="b"><li>W</li></template>');
    expect(fragments.fill('card', 'a', { km: '3 km', only: '' })).toBe('<li>A 3 km</li>');
    expect(fragments.fill('poster', 'a', { km: '', only: 'a3-only' })).toBe('<li class="a3-only">P</li>');
    expect(fragments.ids('widget')).toEqual(['b']);
    expect(() => fragments.fill('widget', 'a', {})).toThrow('no widget fragment for a');
  });

  test('fragments read from several parts keep their letters, and compiled ones can be forgotten', () => {
    const fragments = new Fragments();
    fragments.add('<template data-card="a"><li>Lieu fictif d’Évry · à ⟦km⟧</li></template>');
    fragments.add('<template data-card="b"><li>Ĺieu fictif 東 · ⟦km⟧</li></template><template data-card="c"><li>C</li></template>');
    expect(fragments.fill('card', 'b', { km: '2 km' })).toBe('<li>Ĺieu fictif 東 · 2 km</li>');
    fragments.forget();
    expect(fragments.fill('card', 'a', { km: '1 km' })).toBe('<li>Lieu fictif d’Évry · à 1 km</li>');
    expect(fragments.fill('card', 'c', {})).toBe('<li>C</li>');
  });
});

describe('a commune without a place', () => {
  const commune: PlacelessCommune = {
    insee: '48019',
    slug: 'barre-des-cevennes',
    name: 'Barre-des-Cévennes',
    postcodes: '48400',
    departement: { code: '48', name: 'Lozère', href: '/departements/48-lozere/', area: '/collectivites/departements/48-lozere/' },
    region: { name: 'Occitanie', href: '/regions/76-occitanie/' },
    reach: 'Depuis le centre de Barre-des-Cévennes, le lieu d’aide le plus proche est à 12 km à vol d’oiseau.',
    epci: null,
    around: [
      ['lieu-fictif-a', '12 km'],
      ['lieu-fictif-b', '15 km'],
    ],
    poster: {
      cards: [
        ['lieu-fictif-a', '12 km'],
        ['lieu-fictif-b', '15 km'],
      ],
      a4: { count: 1, more: 0 },
      a3: { more: 0 },
    },
    widget: [['lieu-fictif-a', '12 km']],
  };
  const fragments = readFragments(
    ['a', 'b']
      .map(
        (id) =>
          `<template data-card="lieu-fictif-${id}"><li>${id} · à ⟦km⟧</li></template><template data-poster="lieu-fictif-${id}"><li class="⟦only⟧">${id}</li></template><template data-widget="lieu-fictif-${id}"><li>${id}</li></template>`,
      )
      .join(''),
  );

  test('its values: the nearest places with their distance; A4 prints the first of the poster, A3 the others too', () => {
    const values = valuesOf(commune, fragments);
    expect(values.around).toBe('<li>a · à 12 km</li><li>b · à 15 km</li>');
    expect(values.poster).toBe('<li class="">a</li><li class="a3-only">b</li>');
    expect(values.widget).toBe('<li>a</li>');
    expect(values.epci).toBe('');
    expect(values.name).toBe('Barre-des-Cévennes');
  });

  test('a script Astro wrote in each fragment comes once, after the list', () => {
    const script = '<script type="module" src="/_astro/OpenStatus.x.js"></script>';
    const card = (id: string) => `<template data-card="lieu-fictif-${id}"><li>${id}${script}<p>⟦km⟧</p></li></template>`;
    const fragments = readFragments(
      card('a') +
        card('b') +
        '<template data-widget="lieu-fictif-a"><li>a</li></template><template data-poster="lieu-fictif-a"><li>a</li></template><template data-poster="lieu-fictif-b"><li>b</li></template>',
    );
    const values = valuesOf({ ...commune, poster: { ...commune.poster, a4: { count: 2, more: 0 } } }, fragments);
    expect(values.around).toBe(`<li>a<p>12 km</p></li><li>b<p>15 km</p></li>${script}`);
    expect(values.widget).toBe('<li>a</li>');
    expect(values.poster).toBe('<li>a</li><li>b</li>');
    expect(valuesOf({ ...commune, around: [], poster: { ...commune.poster, cards: [] }, widget: [] }, fragments).around).toBe('');
  });

  test('the list is made once per directory, and the build’s two copies of the code share it (no JSON between them)', async () => {
    const directory = directoryOf([place('Lieu fictif du Causse', { lat: 44.25, lon: 3.65, insee: '48095' })]);
    let asked = 0;
    const territories = () => (asked++, territoriesOf(directory));
    const list = placelessOf(directory, territories);
    expect(list.length).toBeGreaterThan(30_000);
    expect(list.find((item) => item.insee === '48019')?.around[0]?.[0]).toBe(directory.places[0]!.id);
    // Another copy of the module, as Astro's config has: it finds the list its pages made.
    vi.resetModules();
    const copy = await import('../../src/site/placeless.ts');
    expect(copy.placelessOf).not.toBe(placelessOf);
    expect(copy.placelessOf(directory, territories)).toBe(list);
    expect(asked).toBe(1);
    const other = directoryOf([place('Lieu fictif du Causse', { lat: 44.25, lon: 3.65, insee: '48095' })]);
    expect(placelessOf(other, () => territoriesOf(other))).not.toBe(list);
  });

  test('its nearest places: within 50 km, else the few nearest within 200 km, never across the sea', () => {
    const near = place('Lieu fictif proche', { lat: 44.25, lon: 3.65, insee: '48095' });
    const far = place('Lieu fictif lointain', { lat: 45.19, lon: 5.72, insee: '38185' });
    const barre = { lat: 44.24, lon: 3.65 };
    expect(nearestTo(directoryOf([near, far]), barre).map(({ item }) => item.name)).toEqual(['Lieu fictif proche']);
    // Nothing within 50 km: the nearest within 200 km (Grenoble is about 190 km away).
    expect(nearestTo(directoryOf([far]), barre).map(({ item }) => item.name)).toEqual(['Lieu fictif lointain']);
    expect(nearestTo(directoryOf([far]), { lat: 4.9, lon: -52.3 })).toEqual([]);
    expect([COMMUNE_AROUND.km, PLACELESS_FALLBACK.km]).toEqual([50, 200]);
  });
});

describe('French around a name', () => {
  test('a template joins « de » and « à » to the name as t() does: d’Évry, au Havre, des Mureaux', () => {
    const page = compile('<h1>Aide au numérique à ⟦name⟧</h1><p>Depuis le centre de ⟦name⟧, à ⟦km⟧.</p>');
    expect(page({ name: 'Le Havre', km: '3 km' })).toBe('<h1>Aide au numérique au Havre</h1><p>Depuis le centre du Havre, à 3 km.</p>');
    expect(page({ name: 'Évry', km: '3 km' })).toBe('<h1>Aide au numérique à Évry</h1><p>Depuis le centre d’Évry, à 3 km.</p>');
    expect(page({ name: 'Les Mureaux', km: '3 km' })).toBe('<h1>Aide au numérique aux Mureaux</h1><p>Depuis le centre des Mureaux, à 3 km.</p>');
    expect(page({ name: 'Lille', km: '3 km' })).toBe('<h1>Aide au numérique à Lille</h1><p>Depuis le centre de Lille, à 3 km.</p>');
    // Starting a sentence: « Au Havre, ces lieux… ».
    expect(compile('<p>À ⟦name⟧, ces lieux peuvent vous aider.</p>')({ name: 'Le Havre' })).toBe('<p>Au Havre, ces lieux peuvent vous aider.</p>');
  });
});
