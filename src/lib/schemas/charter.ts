/** The mayors' charter (data/charter.yaml) and the communes that signed it (data/municipalities/). */
import { z } from 'astro/zod';
import { COMMITMENT_STATUS_IDS } from '../vocab.ts';
import { isoDate, slugId, sourcesSchema, webUrl } from './common.ts';

export const commitmentSchema = z.strictObject({
  id: slugId,
  label: z.string().min(3).describe('L’engagement, en une phrase courte'),
  description: z.string().min(10),
  origin: z.string().nullable().optional().describe('Texte d’où vient l’engagement'),
  sources: sourcesSchema,
});

export const charterSchema = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(10),
  note: z.string().nullable().optional().describe('Ce qu’on ne sait pas encore, dit clairement'),
  sources: sourcesSchema,
  commitments: z.array(commitmentSchema).min(1),
});

export const commitmentFollowUpSchema = z.strictObject({
  commitment: z.string().describe('Identifiant d’un engagement de data/charter.yaml'),
  status: z.enum(COMMITMENT_STATUS_IDS).describe('planned, in-progress ou done'),
  date: isoDate.describe('Date du dernier changement de statut'),
  evidence: webUrl.nullable().optional().describe('Lien qui le prouve (délibération, article, page de la mairie)'),
  note: z.string().nullable().optional(),
});

export const municipalitySchema = z.strictObject({
  insee: z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/, { error: 'code INSEE invalide (5 caractères, ex. : "59350")' }),
  signed: isoDate.describe('Date de signature de la charte'),
  evidence: webUrl.nullable().optional().describe('Lien vers la preuve de la signature'),
  commitments: z.array(commitmentFollowUpSchema).default([]),
  sources: sourcesSchema,
  verified: isoDate,
});

export type Charter = z.infer<typeof charterSchema>;
export type Municipality = z.infer<typeof municipalitySchema>;
