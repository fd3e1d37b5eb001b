/** The service catalogue (data/services.yaml): what a person can get in a place, in plain words. */
import { z } from 'astro/zod';
import { STANDARD_SERVICES } from '../vocab.ts';
import { slugId, sourcesSchema } from './common.ts';

export const serviceSchema = z.strictObject({
  id: slugId.describe('Identifiant, aussi utilisé dans l’adresse de la page du service'),
  label: z.string().min(3).describe('Nom court, en mots simples'),
  description: z.string().min(10).describe('Une ou deux phrases simples'),
  keywords: z.array(z.string()).default([]).describe('Mots que les gens tapent pour chercher ce service'),
  standard: z
    .array(z.enum(STANDARD_SERVICES))
    .min(1, { error: 'indiquez au moins une valeur du standard national (services)' })
    .describe('Valeurs du champ services du standard national v1.0.2'),
  network: z.enum(['emmaus-connect']).nullable().optional().describe('Offre propre à un réseau'),
  sources: sourcesSchema.optional(),
});

export const servicesFileSchema = z.strictObject({
  services: z.array(serviceSchema).min(1),
});

export type Service = z.infer<typeof serviceSchema>;
