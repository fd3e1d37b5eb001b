/**
 * A small static server that sends the host's headers (`_headers`, see
 * integrations/headers.ts), as the real host does: `astro preview` ignores that file. Used by
 * the tests that frame the widget from another origin.
 *
 * Usage: node scripts/serve.ts [folder] [port]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
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

export function serve(root: string, port: number): Promise<Server> {
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeaders(readFileSync(headersPath, 'utf8')) : [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    const body = found ? readFileSync(file) : existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'Not found';
    response.writeHead(found ? 200 : 404, {
      'Content-Type': TYPES[found ? extname(file) : '.html'] ?? 'application/octet-stream',
      ...Object.fromEntries(headersFor(path, rules)),
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
