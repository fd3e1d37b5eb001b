/**
 * Where the site lives, read once from `site.yaml` at the project's root (the one place that
 * says it), with environment variables for a trial build. Nothing is invented: what is not set
 * stays null, and the pages say so, or use the address they are served at
 * (`src/components/site-url.ts`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { t } from '../i18n/index.ts';
import { isPlaceholderUrl, type SiteConfig } from '../lib/forge.ts';

export type { Forge, SiteConfig } from '../lib/forge.ts';

const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

const configSchema = z.strictObject({
  publicUrl: z.preprocess(emptyToNull, z.url({ protocol: /^https?$/ }).nullable()),
  reportEmail: z.preprocess(emptyToNull, z.email().nullable()),
  forge: z.preprocess(
    emptyToNull,
    z
      .strictObject({
        kind: z.enum(['github', 'gitlab']),
        url: z.url({ protocol: /^https$/ }),
        branch: z.string().min(1).default('main'),
      })
      .nullable(),
  ),
});

export class SiteConfigError extends Error {}

/** Reads and checks the configuration; environment variables win over the file. */
export function readSiteConfig(env: Record<string, string | undefined> = process.env, file = resolve(env.SITE_CONFIG ?? 'site.yaml')): SiteConfig {
  let raw: Record<string, unknown>;
  try {
    raw = (parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null) ?? {};
  } catch (error) {
    throw new SiteConfigError(t('config.unreadable', { file, reason: (error as Error).message }));
  }
  const forgeUrl = env.FORGE_URL;
  const merged: Record<string, unknown> = {
    publicUrl: env.SITE_URL ?? raw.publicUrl ?? null,
    reportEmail: env.PUBLIC_REPORT_EMAIL ?? raw.reportEmail ?? null,
    forge: forgeUrl ? { kind: env.FORGE_KIND ?? (forgeUrl.includes('gitlab') ? 'gitlab' : 'github'), url: forgeUrl, branch: env.FORGE_BRANCH ?? 'main' } : (raw.forge ?? null),
  };
  for (const key of Object.keys(raw)) if (!(key in merged)) merged[key] = raw[key];
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      t('config.problem', {
        field: issue.path.join('.') || '?',
        value: JSON.stringify(issue.path.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key as string], merged)) ?? '',
      }),
    );
    throw new SiteConfigError([`${file} :`, ...problems, t('config.example')].join('\n'));
  }
  const { publicUrl, reportEmail, forge } = parsed.data;
  return {
    publicUrl: publicUrl ? publicUrl.replace(/\/?$/, '/') : null,
    reportEmail,
    forge: forge ? { ...forge, url: forge.url.replace(/\/+$/, '') } : null,
  };
}

/** The build meant to be put online refuses a missing or placeholder public address: the message, or null when it may go. */
export function publishProblem(config: SiteConfig): string | null {
  if (!config.publicUrl) return t('config.publish.missing');
  if (isPlaceholderUrl(config.publicUrl)) return t('config.publish.placeholder', { url: config.publicUrl });
  // The correction, new-place and charter forms would end with a file and nobody to send it to.
  if (!config.reportEmail && !config.forge) return t('config.publish.noReport');
  return null;
}

/** The configuration of this build, read once. */
export const SITE: SiteConfig = readSiteConfig();

/** The absolute address of a path on the public site, or null while there is none. */
export function publicHref(path: string): string | null {
  return SITE.publicUrl ? new URL(path, SITE.publicUrl).href : null;
}
