/**
 * A commune that signed the mayors' charter, as a data file (data/municipalities/*.yaml): the
 * signing form's answers, checked with the build's own schema (schemas/charter.ts).
 */
import type { z } from 'astro/zod';
import { futureDates, municipalitySchema } from '../schemas/charter.ts';
import { slugify } from '../text.ts';

export interface FollowUpAnswer {
  commitment: string;
  /** '' when the commune says nothing yet about this commitment. */
  status: string;
  date: string;
  evidence: string;
}

export interface SigningAnswers {
  insee: string;
  communeName: string;
  signed: string;
  evidence: string;
  commitments: FollowUpAnswer[];
  sourceName: string;
  sourceUrl: string;
  author: string;
}

export type MunicipalityInput = z.input<typeof municipalitySchema>;

/** data/municipalities/59350-lille.yaml */
export const municipalityFile = (insee: string, name: string): string => `data/municipalities/${insee}-${slugify(name)}.yaml`;

/**
 * The file the answers make. For a commune that already has a file, its commitments that the
 * answers say nothing about are kept, and its sources too: the form never erases what is
 * tracked.
 */
export function municipalityRecord(answers: SigningAnswers, today: string, existing: MunicipalityInput | null = null): MunicipalityInput {
  const text = (value: string) => value.trim() || null;
  const answered = answers.commitments.filter((item) => item.status).map((item) => ({ commitment: item.commitment, status: item.status as 'planned', date: item.date, evidence: text(item.evidence) }));
  const kept = (existing?.commitments ?? []).filter((followUp) => !answered.some((item) => item.commitment === followUp.commitment));
  return {
    insee: answers.insee,
    signed: answers.signed,
    evidence: text(answers.evidence),
    verified: today,
    commitments: [...kept, ...answered],
    sources: [...(existing?.sources ?? []), { name: answers.sourceName.trim(), url: text(answers.sourceUrl), date: answers.signed || null }],
  };
}

export interface SigningProblem {
  /** The form control to go to. */
  field: string;
  kind: 'commune' | 'signed' | 'evidence' | 'date' | 'future' | 'source' | 'sourceUrl' | 'author';
}

/** What stops the file from being valid, by form field (the schema decides, the form says it in plain words). */
export function signingProblems(record: MunicipalityInput, answers: SigningAnswers, today: string): SigningProblem[] {
  const problems: SigningProblem[] = [];
  // The same rule as check:data: no date in the future.
  for (const { field } of futureDates(record, today)) {
    const [head, index] = field.split('.');
    if (head === 'signed') problems.push({ field: 'signed', kind: 'future' });
    else if (head === 'commitments') problems.push({ field: `date-${record.commitments?.[Number(index)]?.commitment ?? ''}`, kind: 'future' });
  }
  if (!answers.insee) problems.push({ field: 'insee', kind: 'commune' });
  const parsed = municipalitySchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index, key] = issue.path;
      if (head === 'insee' && answers.insee) problems.push({ field: 'insee', kind: 'commune' });
      else if (head === 'signed') problems.push({ field: 'signed', kind: 'signed' });
      else if (head === 'evidence') problems.push({ field: 'evidence', kind: 'evidence' });
      else if (head === 'commitments') {
        const commitment = record.commitments?.[Number(index)]?.commitment ?? '';
        problems.push({ field: `${key === 'evidence' ? 'evidence' : 'date'}-${commitment}`, kind: key === 'evidence' ? 'evidence' : 'date' });
      } else if (head === 'sources') problems.push({ field: key === 'url' ? 'sourceUrl' : 'sourceName', kind: key === 'url' ? 'sourceUrl' : 'source' });
    }
  }
  if (answers.author.trim().length < 2) problems.push({ field: 'author', kind: 'author' });
  return problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
}
