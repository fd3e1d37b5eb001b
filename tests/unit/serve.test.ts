/** scripts/serve.ts: the site with its host's headers, whatever the request's path. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFile } from '../../integrations/headers.ts';
import { serve, sitePath } from '../../scripts/serve.ts';

const work = mkdtempSync(join(tmpdir(), 'serve-'));
const root = join(work, 'site');
let server: Server;
const PORT = 4391;

beforeAll(async () => {
  for (const [path, text] of [
    ['index.html', 'accueil'],
    ['404.html', 'introuvable'],
    ['corriger/index.html', 'formulaire de correction'],
    ['integrer/59350-lille/index.html', 'liste à intégrer'],
  ] as const) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(
    join(root, '_headers'),
    headersFile([
      { name: 'index.html', folder: false },
      { name: '404.html', folder: false },
      { name: 'corriger', folder: true },
      { name: 'integrer', folder: true },
    ]),
  );
  // A sibling folder whose name starts like the site's: the previous build, never served.
  mkdirSync(join(work, 'site.previous'));
  writeFileSync(join(work, 'site.previous/secret.txt'), 'ancien site');
  server = await serve(root, PORT);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** A request with its path sent exactly as written (fetch would normalise it first). */
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: PORT, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  test('a bad percent-encoding gets 400, with headers, and the server goes on', async () => {
    const bad = await get('/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-frame-options']).toBe('DENY');
    expect((await get('/')).body).toBe('accueil');
  });

  test('an encoded way out of the widgets is the page it leads to, with that page’s framing rules', async () => {
    const sneaky = await get('/integrer%2F..%2Fcorriger%2F');
    expect(sneaky.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(sneaky.headers['x-frame-options']).toBe('DENY');
    const widget = await get('/integrer/59350-lille/');
    expect(widget.headers['content-security-policy']).toBe('frame-ancestors * file:');
    expect(widget.body).toBe('liste à intégrer');
  });

  test('a page that does not exist is a 404 that refuses framing like every page', async () => {
    const missing = await get('/lieux/inconnu/');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('introuvable');
    expect(missing.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  test.each(['/../site.previous/secret.txt', '/%2E%2E/site.previous/secret.txt', '/..%2Fsite.previous%2Fsecret.txt'])('never serves a sibling folder: %s', async (path) => {
    const response = await get(path);
    expect(response.body).not.toContain('ancien site');
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  test.each([
    ['/integrer%2F..%2Fcorriger%2F', '/corriger/'],
    ['/a/./b/../c', '/a/c'],
    ['/%E0%A4%A', null],
    ['/a%00b', null],
    ['/a%5Cb', null],
  ])('reads %s as %s', (url, expected) => {
    expect(sitePath(url)).toBe(expected);
  });
});
