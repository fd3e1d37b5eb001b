/**
 * The host's headers file (`_headers`, the format of Netlify and Cloudflare Pages): a
 * `<meta>` Content-Security-Policy cannot say who may frame a page, so this file does.
 * Only the widgets (`/integrer/…`) may be framed by other sites; every other page refuses to
 * be framed. Rules never overlap (hosts add up the headers of every matching rule), so the
 * file lists the site's top-level folders and files, read from the finished build.
 * `scripts/serve.ts` reads the same file, so tests see what the host sends.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The nginx version of the rules, beside `_headers`. */
export const NGINX_FILE = '_nginx.conf';

/** Framed on other sites: the widgets' folder. */
export const FRAMEABLE = 'integrer';

const COMMON = ['X-Content-Type-Options: nosniff', 'Referrer-Policy: no-referrer'];
const REFUSE_FRAMING = ["Content-Security-Policy: frame-ancestors 'none'", 'X-Frame-Options: DENY', ...COMMON];
// « file: »: a town hall's page tried out from a file on a computer, before it is published (« * » is every web address only).
const ALLOW_FRAMING = ['Content-Security-Policy: frame-ancestors * file:', ...COMMON];
/** Scripts and styles named by their content's hash never change: a phone keeps them, the next page asks nothing again. */
export const ASSETS = '_astro';
const IMMUTABLE = [...REFUSE_FRAMING, 'Cache-Control: public, max-age=31536000, immutable'];

/** The headers file for a site whose top level holds these entries. */
export function headersFile(entries: readonly { name: string; folder: boolean }[]): string {
  const rules: [string, string[]][] = [['/', REFUSE_FRAMING]];
  for (const { name, folder } of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (name === '_headers' || name === NGINX_FILE) continue;
    rules.push([folder ? `/${name}/*` : `/${name}`, folder && name === FRAMEABLE ? ALLOW_FRAMING : folder && name === ASSETS ? IMMUTABLE : REFUSE_FRAMING]);
  }
  return `# Written by integrations/headers.ts at each build.\n${rules.map(([path, headers]) => `${path}\n${headers.map((header) => `  ${header}`).join('\n')}`).join('\n')}\n`;
}

/** The same rules for nginx (public bodies often host there), with the 404 page and precompressed files. */
export function nginxConfig(entries: readonly { name: string; folder: boolean }[]): string {
  const directives = (headers: readonly string[]) =>
    headers.map((header) => {
      const at = header.indexOf(':');
      // `always`: the headers go with every answer, 404 included.
      return `add_header ${header.slice(0, at)} "${header.slice(at + 1).trim()}" always;`;
    });
  const framed = entries.some(({ name, folder }) => folder && name === FRAMEABLE);
  const assets = entries.some(({ name, folder }) => folder && name === ASSETS);
  return [
    '# Written by integrations/headers.ts at each build: the rules of _headers for nginx.',
    '# Include it in a server block whose root is this folder: `root /srv/site; include /srv/site/_nginx.conf;`.',
    'index index.html;',
    'error_page 404 /404.html;',
    // Files the build precompressed (.gz, integrations/precompress.ts) go as they are; pages are compressed on the fly.
    'gzip_static on;',
    'gzip on;',
    'gzip_types text/css application/javascript application/json image/svg+xml text/csv application/geo+json application/manifest+json;',
    // An add_header in a location replaces every inherited one: each location says all of its own.
    'location / {',
    ...directives(REFUSE_FRAMING).map((line) => `  ${line}`),
    '  try_files $uri $uri/ =404;',
    '}',
    ...(framed ? [`location /${FRAMEABLE}/ {`, ...directives(ALLOW_FRAMING).map((line) => `  ${line}`), '  try_files $uri $uri/ =404;', '}'] : []),
    ...(assets ? [`location /${ASSETS}/ {`, ...directives(IMMUTABLE).map((line) => `  ${line}`), '  try_files $uri =404;', '}'] : []),
    'location = /404.html {',
    ...directives(REFUSE_FRAMING).map((line) => `  ${line}`),
    '  internal;',
    '}',
    '',
  ].join('\n');
}

export type HeaderRules = { pattern: string; headers: [string, string][] }[];

export function parseHeaders(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers a host sends for a path: those of every matching rule (`*` matches anything). */
export function headersFor(path: string, rules: HeaderRules): [string, string][] {
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return rules.filter(({ pattern }) => new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`).test(path)).flatMap(({ headers }) => headers);
}

export function hostHeaders(): AstroIntegration {
  return {
    name: 'host-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const entries = (await readdir(root, { withFileTypes: true })).map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
        await writeFile(`${root}/_headers`, headersFile(entries));
        await writeFile(`${root}/${NGINX_FILE}`, nginxConfig(entries));
        logger.info(`_headers: only /${FRAMEABLE}/ may be framed by other sites`);
      },
    },
  };
}
