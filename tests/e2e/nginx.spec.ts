/**
 * The built site served by Debian's real nginx with the configuration the build writes
 * (`_nginx.conf`, from the same rules as `_headers`): the same framing rules on every path,
 * encoded tricks and 404s included, and the precompressed files sent as they are.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { headersFor, parseHeaders } from '../../integrations/headers.ts';
import { expect, test } from './fixtures.ts';

const NGINX = '/usr/sbin/nginx';
/** Beside the test site's own port (E2E_PORT), so that two checkouts testing on one machine do not collide. */
const PORT = Number(process.env.E2E_PORT ?? 4329) + 23;
const SITE = resolve('dist-test');
let nginx: ChildProcess | undefined;
let work = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  expect(existsSync(NGINX), 'nginx is installed by .ci/run (apt-get install nginx)').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'nginx-'));
  for (const folder of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(work, folder));
  writeFileSync(
    join(work, 'nginx.conf'),
    `worker_processes 1;
error_log ${work}/error.log;
pid ${work}/nginx.pid;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${PORT};
    root ${SITE};
    include ${SITE}/_nginx.conf;
  }
}
`,
  );
  nginx = spawn(NGINX, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off; user root;'], { stdio: 'inherit' });
  for (let tries = 0; tries < 100; tries++) {
    if (
      await get('/').then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`nginx did not start: ${readFileSync(join(work, 'error.log'), 'utf8')}`);
});

test.afterAll(() => {
  nginx?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

/** A request with its path exactly as written, and its raw body. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: PORT, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const rules = () => parseHeaders(readFileSync(join(SITE, '_headers'), 'utf8'));

test('nginx sends the framing rules of _headers on every page: the widgets may be framed, nothing else', async () => {
  for (const path of ['/', '/lieux/espace-fictif-des-hirondelles/', '/corriger/', '/charte/signer/', '/integrer/59350-lille/', '/recherche/']) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    const expected = Object.fromEntries(headersFor(path, rules()).map(([name, value]) => [name.toLowerCase(), value]));
    for (const [name, value] of Object.entries(expected)) expect(response.headers[name], `${path} ${name}`).toBe(value);
    if (!path.startsWith('/integrer/')) expect(response.headers['x-frame-options'], path).toBe('DENY');
  }
  const widget = await get('/integrer/59350-lille/');
  expect(widget.headers['content-security-policy']).toBe('frame-ancestors * file:');
  expect(widget.headers['content-type']).toBe('text/html');
});

test('an encoded way out of the widgets, and a page that does not exist, refuse framing', async () => {
  const sneaky = await get('/integrer%2F..%2Fcorriger%2F');
  expect(sneaky.headers['content-security-policy']).toBe("frame-ancestors 'none'");
  const missing = await get('/nulle-part/');
  expect(missing.status).toBe(404);
  expect(missing.body.toString('utf8')).toContain('Page introuvable');
  expect(missing.headers['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(missing.headers['x-frame-options']).toBe('DENY');
});

test('the precompressed files are sent as they are to a browser that takes gzip, and plain to one that does not', async () => {
  const assets = readdirSync(join(SITE, '_astro')).filter((name) => name.endsWith('.js.gz'));
  expect(assets.length).toBeGreaterThan(0);
  const name = assets[0]!.replace(/\.gz$/, '');
  const packed = await get(`/_astro/${name}`, { 'Accept-Encoding': 'gzip' });
  expect(packed.headers['content-encoding']).toBe('gzip');
  expect(packed.body.equals(readFileSync(join(SITE, '_astro', `${name}.gz`)))).toBe(true);
  const plain = await get(`/_astro/${name}`);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBe(statSync(join(SITE, '_astro', name)).size);
});
