import { z } from 'astro/zod';
import { t } from '../../i18n/index.ts';
import { FACT_GROUP_IDS } from '../vocab.ts';

/** Links shown to users may only be web pages: no `javascript:`, `data:` or other scheme. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const webUrl = z
  .string()
  .refine(isWebUrl, {
    error: t('editor.rule.url'),
  })
  .describe(t('field.webUrl'));

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isoDate = z
  .string({ error: t('editor.rule.dateType') })
  .refine(isIsoDate, { error: t('editor.rule.date') })
  .describe(t('field.isoDate'));

export const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: t('editor.rule.slug'),
  });

/** Where a fact comes from. Every record cites at least one source. */
export const sourceSchema = z.strictObject({
  name: z.string().min(2).describe(t('field.source.name')),
  url: webUrl.nullable().optional().describe(t('field.source.url')),
  date: isoDate.nullable().describe(t('field.source.date')),
  record: z.string().nullable().optional().describe(t('field.source.record')),
  covers: z
    .array(z.enum(FACT_GROUP_IDS))
    .optional()
    .describe(t('field.source.covers')),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesSchema = z
  .array(sourceSchema)
  .min(1, { error: t('editor.rule.sources') });
