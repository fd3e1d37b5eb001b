/**
 * What people type, read against the real catalogue of services (data/services.yaml): the
 * words of a need find the service that places offer, not a rarer one, and one need is read as
 * one. Found by walking the site on the real data (5 December 2026).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/lib/dataset.ts';
import { matchNeeds, queryWords } from '../../src/lib/search/query.ts';
import { needsMeta } from './needs.ts';

const { services } = parseYaml(readFileSync('data/services.yaml', 'utf8'), 'data/services.yaml').data as {
  services: { id: string; label: string; keywords: string[] }[];
};
const meta = needsMeta(services);

describe('needs on the real catalogue', () => {
  test.each([
    // Top-ups for a phone that goes on the internet: one need, not « a computer on site » as well.
    ['recharge internet lille', ['recharges-solidaires']],
    ['internet pas cher', ['recharges-solidaires']],
    ['forfait pas cher', ['recharges-solidaires']],
    ['recharge telephone', ['recharges-solidaires']],
    // Learning the basics: the service thousands of places offer, not one network's workshops only.
    ['cours informatique lille', ['usage-quotidien']],
    ['initiation informatique', ['usage-quotidien']],
    ['cours', ['usage-quotidien']],
    ['apprendre l ordinateur', ['usage-quotidien']],
    ['mot de passe oublie', ['usage-quotidien']],
    ['atelier', ['ateliers-initiation']],
    ['materiel informatique pas cher', ['materiel-prix-solidaire']],
    ['imprimer un document', ['acces-internet-materiel']],
    ['arnaque', ['securite']],
  ])('« %s » → %o', (q, needs) => {
    expect(matchNeeds(queryWords(q), meta, { typos: true }).services).toEqual(needs);
  });
});
