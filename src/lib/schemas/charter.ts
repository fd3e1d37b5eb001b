/** The mayors' charter (data/charter.yaml) and the communes that signed it (data/municipalities/). */
import { z } from 'astro/zod';
import { message } from './message.ts';
import { COMMITMENT_STATUS_IDS } from '../vocab.ts';
import { isoDate, safeText, slugId, sourcesSchema, TEXT_MAX, webUrl } from './common.ts';

export const commitmentSchema = z.strictObject({
  id: slugId,
  label: z.string().min(3).describe(message('field.commitment.label')),
  description: z.string().min(10),
  origin: z.string().nullable().optional().describe(message('field.commitment.origin')),
  sources: sourcesSchema,
});

export const charterSchema = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(10),
  note: z.string().nullable().optional().describe(message('field.charter.note')),
  sources: sourcesSchema,
  commitments: z.array(commitmentSchema).min(1),
});

export const commitmentFollowUpSchema = z.strictObject({
  commitment: z.string().describe(message('field.commitmentFollowUp.commitment')),
  status: z.enum(COMMITMENT_STATUS_IDS).describe(message('field.commitmentFollowUp.status')),
  date: isoDate.describe(message('field.commitmentFollowUp.date')),
  evidence: webUrl.nullable().optional().describe(message('field.commitmentFollowUp.evidence')),
  note: safeText(TEXT_MAX.note).nullable().optional(),
});

export const municipalitySchema = z.strictObject({
  insee: z.string().regex(/^(?:\d{5}|2[AB]\d{3})$/, { error: message('editor.rule.municipalityInsee') }),
  signed: isoDate.describe(message('field.municipality.signed')),
  evidence: webUrl.nullable().optional().describe(message('field.municipality.evidence')),
  commitments: z.array(commitmentFollowUpSchema).default([]),
  sources: sourcesSchema,
  verified: isoDate,
});

export type Charter = z.infer<typeof charterSchema>;
export type Municipality = z.infer<typeof municipalitySchema>;

/** Dates of a commune's file that cannot be in the future: the signature, the check, each commitment's. Used by check:data and the form. */
export function futureDates(municipality: Pick<z.input<typeof municipalitySchema>, 'signed' | 'verified' | 'commitments'>, today: string): { field: string; value: string }[] {
  const dates: [string, string | undefined][] = [
    ['signed', municipality.signed],
    ['verified', municipality.verified],
    ...(municipality.commitments ?? []).map((followUp, index): [string, string] => [`commitments.${index}.date`, followUp.date]),
  ];
  return dates.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] > today).map(([field, value]) => ({ field, value }));
}
