/** The service catalogue (data/services.yaml): what a person can get in a place, in plain words. */
import { z } from 'astro/zod';
import { message } from './message.ts';
import { STANDARD_SERVICES } from '../interop/standard.ts';
import { slugId, sourcesSchema } from './common.ts';

export const serviceSchema = z.strictObject({
  id: slugId.describe(message('field.service.id')),
  label: z.string().min(3).describe(message('field.service.label')),
  description: z.string().min(10).describe(message('field.service.description')),
  keywords: z.array(z.string()).default([]).describe(message('field.service.keywords')),
  standard: z
    .array(z.enum(STANDARD_SERVICES))
    .min(1, { error: message('editor.rule.standardServices') })
    .describe(message('field.service.standard')),
  network: z.enum(['emmaus-connect']).nullable().optional().describe(message('field.service.network')),
  sources: sourcesSchema.optional(),
});

export const servicesFileSchema = z.strictObject({
  services: z.array(serviceSchema).min(1),
});

export type Service = z.infer<typeof serviceSchema>;
