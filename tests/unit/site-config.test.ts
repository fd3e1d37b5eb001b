/** Where the site lives (site.yaml): read once, checked, and never a placeholder for the build that goes online. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { forgeEditLink, forgeIssueLink, FORGE_LINK_MAX, isPlaceholderUrl } from '../../src/lib/forge.ts';
import { publishProblem, readSiteConfig, SiteConfigError } from '../../src/site/config.ts';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'site-config-')), 'site.yaml');
  writeFileSync(file, text);
  return file;
}

describe('site.yaml', () => {
  test('the repository says nothing it does not know: no public address, no report address, no forge', () => {
    expect(readSiteConfig({}, 'site.yaml')).toEqual({ publicUrl: null, reportEmail: null, forge: null });
  });

  test('reads the three settings, with a trailing slash on the address and none on the forge', () => {
    const file = configFile('publicUrl: https://aide.mairie-fictive.fr\nreportEmail: corrections@mairie-fictive.fr\nforge: { kind: gitlab, url: "https://gitlab.fictif.fr/collectif/annuaire/" }\n');
    expect(readSiteConfig({}, file)).toEqual({
      publicUrl: 'https://aide.mairie-fictive.fr/',
      reportEmail: 'corrections@mairie-fictive.fr',
      forge: { kind: 'gitlab', url: 'https://gitlab.fictif.fr/collectif/annuaire', branch: 'main' },
    });
  });

  test('environment variables win over the file, for a trial build', () => {
    const file = configFile('publicUrl: https://aide.mairie-fictive.fr\nreportEmail: null\nforge: null\n');
    expect(
      readSiteConfig({ SITE_URL: 'https://essai.fictif.fr', PUBLIC_REPORT_EMAIL: 'essai@fictif.fr', FORGE_URL: 'https://github.com/collectif-fictif/annuaire', FORGE_BRANCH: 'essai' }, file),
    ).toEqual({
      publicUrl: 'https://essai.fictif.fr/',
      reportEmail: 'essai@fictif.fr',
      forge: { kind: 'github', url: 'https://github.com/collectif-fictif/annuaire', branch: 'essai' },
    });
  });

  test('every wrong value is listed with its field, and an example', () => {
    const file = configFile('publicUrl: javascript:alert(1)\nreportEmail: pas-un-mail\nforge: { kind: svn, url: http://forge.fictif.fr }\nunknown: 1\n');
    let message = '';
    try {
      readSiteConfig({}, file);
    } catch (error) {
      expect(error).toBeInstanceOf(SiteConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('- publicUrl : "javascript:alert(1)" n’est pas valable.');
    expect(message).toContain('- reportEmail : "pas-un-mail" n’est pas valable.');
    expect(message).toContain('- forge.kind : "svn" n’est pas valable.');
    expect(message).toContain('- forge.url : "http://forge.fictif.fr" n’est pas valable.');
    expect(message).toContain('Exemple : publicUrl: https://');
  });

  test('an unreadable file says which, and what it must hold', () => {
    expect(() => readSiteConfig({}, '/nowhere/site.yaml')).toThrow(/\/nowhere\/site.yaml : fichier illisible .* publicUrl, reportEmail et forge/);
  });
});

describe('the build that goes online', () => {
  test.each([
    ['https://aide-numerique.example.org/', true],
    ['https://example.com/', true],
    ['https://site.example/', true],
    ['https://annuaire.invalid/', true],
    ['http://aide.mairie-fictive.fr/', true],
    ['https://localhost:4321/', true],
    ['https://127.0.0.1/', true],
    ['https://intranet/', true],
    ['https://aide.mairie-fictive.fr/', false],
    ['https://aide-numerique.gouv.fr/annuaire/', false],
  ])('%s is a placeholder: %s', (url, placeholder) => {
    expect(isPlaceholderUrl(url)).toBe(placeholder);
  });

  test('refuses a missing or placeholder address, in words that say what to do', () => {
    expect(publishProblem({ publicUrl: null, reportEmail: null, forge: null })).toMatch(/n’a pas d’adresse publique\. Écrivez-la dans site\.yaml/);
    expect(publishProblem({ publicUrl: 'https://aide-numerique.example.org/', reportEmail: null, forge: null })).toMatch(
      /« https:\/\/aide-numerique\.example\.org\/ » n’est pas une vraie adresse publique/,
    );
    // A way to receive corrections: an e-mail address, or the forge.
    expect(publishProblem({ publicUrl: 'https://aide.mairie-fictive.fr/', reportEmail: null, forge: null })).toMatch(/ni adresse qui reçoit les corrections \(reportEmail\) ni forge/);
    expect(publishProblem({ publicUrl: 'https://aide.mairie-fictive.fr/', reportEmail: 'corrections@mairie-fictive.fr', forge: null })).toBeNull();
    expect(
      publishProblem({ publicUrl: 'https://aide.mairie-fictive.fr/', reportEmail: null, forge: { kind: 'github', url: 'https://github.com/collectif-fictif/annuaire', branch: 'main' } }),
    ).toBeNull();
  });
});

describe('links to the forge', () => {
  const github = { kind: 'github', url: 'https://github.com/collectif-fictif/annuaire', branch: 'main' } as const;
  const gitlab = { kind: 'gitlab', url: 'https://gitlab.fictif.fr/collectif/annuaire', branch: 'principale' } as const;

  test('edit a file', () => {
    expect(forgeEditLink(github, 'data/places/lieu-fictif.yaml')).toBe('https://github.com/collectif-fictif/annuaire/edit/main/data/places/lieu-fictif.yaml');
    expect(forgeEditLink(gitlab, 'data/places/lieu-fictif.yaml')).toBe('https://gitlab.fictif.fr/collectif/annuaire/-/edit/principale/data/places/lieu-fictif.yaml');
  });

  test('an issue with the change already written', () => {
    const on = new URL(forgeIssueLink(github, 'Correction : Lieu fictif', 'Téléphone : 03 → 04\n& plus'));
    expect(on.pathname).toBe('/collectif-fictif/annuaire/issues/new');
    expect([on.searchParams.get('title'), on.searchParams.get('body')]).toEqual(['Correction : Lieu fictif', 'Téléphone : 03 → 04\n& plus']);
    const lab = new URL(forgeIssueLink(gitlab, 'Titre', 'Texte'));
    expect(lab.pathname).toBe('/collectif/annuaire/-/issues/new');
    expect([lab.searchParams.get('issue[title]'), lab.searchParams.get('issue[description]')]).toEqual(['Titre', 'Texte']);
  });

  test('a long text is cut to fit the address browsers accept, keeping its beginning', () => {
    const link = forgeIssueLink(github, 'Titre', `Début. ${'é'.repeat(20_000)}`);
    expect(link.length).toBeLessThanOrEqual(FORGE_LINK_MAX);
    expect(new URL(link).searchParams.get('body')!.startsWith('Début. éé')).toBe(true);
  });
});
