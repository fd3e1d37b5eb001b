/**
 * A small static server that sends the host's headers (`_headers`, see
 * integrations/headers.ts), as the real host does: `astro preview` ignores that file. Used by
 * the tests that frame the widget from another origin.
 *
 * Usage: node scripts/serve.ts [folder] [port]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeaders } from '../integrations/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The site path a request asks for, decoded and normalised (`/integrer%2F..%2Fcorriger/` is
 * `/corriger/`), or null when it cannot be read (bad percent-encoding, a NUL) or leaves the site.
 */
export function sitePath(url: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const normalised = posix.normalize(decoded);
  return normalised.startsWith('/') && !normalised.startsWith('/..') ? normalised : null;
}

/** The types the host compresses (nginx's gzip_types, and HTML). */
const COMPRESSED = /^(text\/|application\/(javascript|json|geo\+json|manifest\+json)|image\/svg)/;
const gzipped = new Map<string, Buffer>();

/** The file gzipped: its precompressed copy when the build wrote one, else compressed once here. */
function compressed(file: string): Buffer {
  let body = gzipped.get(file);
  if (!body) gzipped.set(file, (body = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(readFileSync(file), { level: 6 })));
  return body;
}

export function serve(root: string, port: number): Promise<Server> {
  const rootPath = resolve(root);
  const headersPath = join(rootPath, '_headers');
  const rules = existsSync(headersPath) ? parseHeaders(readFileSync(headersPath, 'utf8')) : [];
  const notFound = join(rootPath, '404.html');
  const server = createServer((request, response) => {
    const path = sitePath(request.url ?? '/');
    // Every answer, errors included, carries the rules of the path it was asked as (the root's for a refused one).
    const headers = (forPath: string) => Object.fromEntries(headersFor(forPath, rules));
    if (path === null) {
      response.writeHead(400, { 'Content-Type': TYPES['.txt']!, ...headers('/') }).end('Bad request');
      return;
    }
    let file = join(rootPath, path);
    // Inside the site folder only: `dist.previous/` starts like `dist` but is another folder.
    const inside = relative(rootPath, file);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      response.writeHead(403, headers('/')).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/`, ...headers(path) }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    // As nginx does: the file's date, and "not modified" when the browser has it already.
    const modified = found ? statSync(file).mtime.toUTCString() : null;
    if (modified && request.headers['if-modified-since'] === modified) {
      response.writeHead(304, { 'Last-Modified': modified, ...headers(path) }).end();
      return;
    }
    const sent = found ? file : existsSync(notFound) ? notFound : null;
    const type = TYPES[found ? extname(file) : '.html'] ?? 'application/octet-stream';
    // Compressed as the host does (_nginx.conf): the build's `.gz` as it is, other text on the fly.
    const gzip = sent !== null && COMPRESSED.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = sent === null ? 'Not found' : gzip ? compressed(sent) : readFileSync(sent);
    response.writeHead(found ? 200 : 404, {
      'Content-Type': type,
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      ...(modified ? { 'Last-Modified': modified } : {}),
      // A missing page gets the 404 page, with its rules (every path has no rule of its own).
      ...headers(found ? path : '/404.html'),
    });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '4322'] = process.argv.slice(2);
  await serve(root, Number(port));
  console.log(`http://127.0.0.1:${port}/ (${root}, with its _headers)`);
}
