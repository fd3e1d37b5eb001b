import { z } from 'astro/zod';
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
    error: 'adresse web refusée : elle doit commencer par https:// (ou http://) et être complète',
  })
  .describe('Adresse web complète, qui commence par https://');

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isoDate = z
  .string({ error: 'date attendue, au format AAAA-MM-JJ (par exemple 2026-03-31)' })
  .refine(isIsoDate, { error: 'date invalide : écrivez-la au format AAAA-MM-JJ (par exemple 2026-03-31)' })
  .describe('Date au format AAAA-MM-JJ');

export const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'identifiant invalide : lettres minuscules sans accent, chiffres et tirets seulement (ex. : espace-lille)',
  });

/** Where a fact comes from. Every record cites at least one source. */
export const sourceSchema = z.strictObject({
  name: z.string().min(2).describe('Nom de la source (site, document, base de données)'),
  url: webUrl.nullable().optional().describe('Adresse de la source, si elle est en ligne'),
  date: isoDate.nullable().describe('Date de la source (publication ou mise à jour); null si elle n’est pas connue'),
  record: z.string().nullable().optional().describe('Identifiant de la fiche dans la source, si elle en a un'),
  covers: z
    .array(z.enum(FACT_GROUP_IDS))
    .optional()
    .describe('Les informations que cette source donne (adresse, horaires…); toutes si absent'),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesSchema = z
  .array(sourceSchema)
  .min(1, { error: 'au moins une source est obligatoire : d’où viennent ces informations ?' });
