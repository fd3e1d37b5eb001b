/** The host's headers file: only the widgets may be framed, and no two rules ever match one path. */
import { describe, expect, test } from 'vitest';
import { headersFile, headersFor, parseHeaders } from '../../integrations/headers.ts';

const entries = [
  { name: 'index.html', folder: false },
  { name: 'lieux', folder: true },
  { name: 'integrer', folder: true },
  { name: '_astro', folder: true },
  { name: 'sw.js', folder: false },
];

describe('the headers file', () => {
  const rules = parseHeaders(headersFile(entries));
  const csp = (path: string) =>
    headersFor(path, rules)
      .filter(([name]) => name === 'Content-Security-Policy')
      .map(([, value]) => value);

  test('a widget may be framed by any site', () => {
    expect(csp('/integrer/59350-lille/')).toEqual(['frame-ancestors * file:']);
    expect(headersFor('/integrer/59350-lille/', rules).map(([name]) => name)).not.toContain('X-Frame-Options');
  });

  test('every other page refuses to be framed, the home page included', () => {
    for (const path of ['/', '/index.html', '/lieux/point-fictif/', '/sw.js']) {
      expect(csp(path), path).toEqual(["frame-ancestors 'none'"]);
      expect(headersFor(path, rules), path).toContainEqual(['X-Frame-Options', 'DENY']);
    }
  });

  test('hashed scripts and styles are kept for a year; pages and search files are asked again', () => {
    expect(headersFor('/_astro/a.js', rules)).toContainEqual(['Cache-Control', 'public, max-age=31536000, immutable']);
    for (const path of ['/', '/recherche/', '/recherche/meta.json', '/sw.js'])
      expect(
        headersFor(path, rules).some(([name]) => name === 'Cache-Control'),
        path,
      ).toBe(false);
  });

  test('one rule per path: hosts add up the headers of every rule that matches', () => {
    for (const path of ['/', '/integrer/x/', '/lieux/x/', '/_astro/a.js', '/sw.js']) {
      expect(
        rules.filter((rule) => headersFor(path, [rule]).length > 0),
        path,
      ).toHaveLength(1);
    }
  });

  test('a pattern matches the whole path; a star matches anything', () => {
    const [rule] = parseHeaders('/a/*\n  X-Test: 1\n');
    expect(headersFor('/a/b/c', [rule!])).toEqual([['X-Test', '1']]);
    expect(headersFor('/ab', [rule!])).toEqual([]);
    expect(headersFor('/x/a/b', [rule!])).toEqual([]);
    expect(parseHeaders('# comment\n\n/\n  A: b: c\n')).toEqual([{ pattern: '/', headers: [['A', 'b: c']] }]);
  });
});
