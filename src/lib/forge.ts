/**
 * Where the site lives, as values (see `site.yaml` and `src/site/config.ts`): the public
 * address, and the forge's links that a correction can use. Pure: used by pages and forms.
 */
export type ForgeKind = 'github' | 'gitlab';

export interface Forge {
  kind: ForgeKind;
  /** The repository's web address, without a trailing slash. */
  url: string;
  branch: string;
}

export interface SiteConfig {
  /** The public address, with a trailing slash; null until the site is published. */
  publicUrl: string | null;
  reportEmail: string | null;
  forge: Forge | null;
}

/** Hosts that are placeholders or local: a site published there would send people nowhere. */
export function isPlaceholderUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return true;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol !== 'https:' ||
    /(^|\.)(example|invalid|test|localhost|local|internal)$/.test(host) ||
    /(^|\.)example\.(org|com|net|fr)$/.test(host) ||
    /^(\d+\.){3}\d+$/.test(host) ||
    host.startsWith('[') ||
    !host.includes('.')
  );
}

/** Links to the forge: edit a file, open an issue prefilled with a title and a text. */
export function forgeEditLink(forge: Forge, file: string): string {
  return forge.kind === 'gitlab' ? `${forge.url}/-/edit/${forge.branch}/${file}` : `${forge.url}/edit/${forge.branch}/${file}`;
}

/** Browsers and forges refuse very long addresses: the text is cut, the file is then attached by hand. */
export const FORGE_LINK_MAX = 7000;

export function forgeIssueLink(forge: Forge, title: string, body: string): string {
  const make = (text: string) =>
    forge.kind === 'gitlab'
      ? `${forge.url}/-/issues/new?issue[title]=${encodeURIComponent(title)}&issue[description]=${encodeURIComponent(text)}`
      : `${forge.url}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`;
  let text = body;
  while (make(text).length > FORGE_LINK_MAX && text.length > 0) text = text.slice(0, Math.floor(text.length * 0.9));
  return make(text);
}
