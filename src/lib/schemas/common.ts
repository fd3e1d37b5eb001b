import { z } from 'astro/zod';
import { message } from './message.ts';
import { FACT_GROUP_IDS } from '../vocab.ts';

/** Why a link cannot be shown to users, or null when it can. */
export function webUrlProblem(value: string): 'invalid' | 'userinfo' | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return 'invalid';
  // "https://www.caf.fr@evil.example/" goes to evil.example: a user part hides the real site.
  if (url.username || url.password) return 'userinfo';
  return null;
}

/** Links shown to users may only be web pages: no `javascript:`, `data:` or other scheme, no user part. */
export function isWebUrl(value: string): boolean {
  return webUrlProblem(value) === null;
}

export const webUrl = z
  .string()
  .refine(isWebUrl, {
    error: (issue) => {
      const value = String(issue.input);
      if (webUrlProblem(value) !== 'userinfo') return message('editor.rule.url');
      const url = new URL(value);
      return message('editor.rule.urlUserinfo', { user: decodeURIComponent(url.username) + (url.password ? ':…' : ''), host: url.hostname });
    },
  })
  // For editors (JSON Schema): the same rule, as far as a pattern can say it.
  .meta({ pattern: '^https?://[^\\s/?#]+\\.[^\\s]*$' })
  .describe(message('field.webUrl'));

/**
 * Characters that no one types and that change what a text shows: control characters (NUL…),
 * zero-width ones, and the direction marks that can turn a name around (U+202E). Tabs and line
 * breaks are text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
export const HIDDEN_CHARACTERS = new RegExp(HIDDEN.source, 'g');

/** The first hidden character of a text, as U+XXXX with its position (1 for the first), or null. */
export function hiddenCharacter(value: string): { code: string; position: number } | null {
  const match = HIDDEN.exec(value);
  return match ? { code: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, position: match.index + 1 } : null;
}

/**
 * An HTML entity written out (&ccedil;, &amp;, &#233;): a reader would see the code, not the
 * character. Found in texts copied from web pages or national exports.
 */
const HTML_ENTITY = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/;

/** The first HTML entity of a text with its position (1 for the first), or null. */
export function htmlEntity(value: string): { entity: string; position: number } | null {
  const match = HTML_ENTITY.exec(value);
  return match ? { entity: match[0], position: match.index + 1 } : null;
}

/** Longest texts, far above what the real data holds (descriptions: 499 characters; details: 4,335). */
export const TEXT_MAX = { short: 300, note: 1_000, description: 2_000, detail: 10_000 } as const;

/** A text a person reads: trimmed, not empty, no hidden character, and not past `max` characters. */
export function safeText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max, { error: (issue) => message('editor.rule.tooLong', { length: (issue.input as string).length, maximum: max }) })
    .refine((value) => !hiddenCharacter(value), { error: (issue) => message('editor.rule.hidden', hiddenCharacter(String(issue.input))!) })
    .refine((value) => !htmlEntity(value), { error: (issue) => message('editor.rule.htmlEntity', htmlEntity(String(issue.input))!) });
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isoDate = z
  .string({ error: message('editor.rule.dateType') })
  .refine(isIsoDate, { error: message('editor.rule.date') })
  .describe(message('field.isoDate'));

export const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: message('editor.rule.slug'),
});

/** Where a fact comes from. Every record cites at least one source. */
export const sourceSchema = z.strictObject({
  name: safeText(TEXT_MAX.short, 2).describe(message('field.source.name')),
  url: webUrl.nullable().optional().describe(message('field.source.url')),
  date: isoDate.nullable().describe(message('field.source.date')),
  record: safeText(TEXT_MAX.short).nullable().optional().describe(message('field.source.record')),
  covers: z.array(z.enum(FACT_GROUP_IDS)).optional().describe(message('field.source.covers')),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesSchema = z.array(sourceSchema).min(1, { error: message('editor.rule.sources') });
