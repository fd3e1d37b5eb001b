/**
 * What a network or a label offers in all its places (data/labels.yaml), with its source: an
 * Emmaüs Connect solidarity space sells top-ups; a France Services helps with procedures.
 */
import { z } from 'astro/zod';
import { message } from './message.ts';
import { KIND_IDS, PROGRAMME_IDS } from '../vocab.ts';
import { slugId, sourcesSchema, webUrl } from './common.ts';

export const labelSchema = z.strictObject({
  id: slugId,
  places: z.union([z.strictObject({ kind: z.enum(KIND_IDS) }), z.strictObject({ programme: z.enum(PROGRAMME_IDS) })]).describe(message('field.label.places')),
  services: z.array(z.string()).default([]).describe(message('field.label.services')),
  contact: z
    .strictObject({
      name: z.string().min(2).describe(message('field.label.contact.name')),
      website: webUrl.describe(message('field.label.contact.website')),
      postal: z.string().min(5).nullable().optional().describe(message('field.label.contact.postal')),
      sources: sourcesSchema,
    })
    .optional()
    .describe(message('field.label.contact')),
  sources: sourcesSchema,
});

export const labelsFileSchema = z.strictObject({ labels: z.array(labelSchema) });

export type Label = z.infer<typeof labelSchema>;
