/**
 * The RGAA self-assessment (src/content/accessibility/rgaa.yaml): one entry per criterion of the
 * RGAA 4.1.2, its status and how it was checked, and the state the statement declares. The
 * state follows the RGAA: a rate exists only when every criterion was assessed; "totalement"
 * at 100 % of the applicable criteria, "partiellement" from 50 %, "non conforme" below, or
 * while any criterion is not yet checked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';

/** The number of criteria of each of the RGAA 4.1.2's 13 topics, in order. */
export const RGAA_TOPICS = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12] as const;

export const RGAA_STATUSES = ['conforme', 'non-conforme', 'non-applicable', 'non-verifie'] as const;
export type RgaaStatus = (typeof RGAA_STATUSES)[number];

/** The page types of the sample, each named in the dictionaries (`a11y.sample.<page>`). */
export const SAMPLE_PAGES = ['home', 'search', 'place', 'commune', 'departement', 'orient', 'selection', 'correction', 'offline', 'languages', 'statement', 'otherLanguages'] as const;

const criterionSchema = z
  .strictObject({
    number: z.string().regex(/^\d{1,2}\.\d{1,2}$/),
    /** The official French text. */
    title: z.string().min(10),
    status: z.enum(RGAA_STATUSES),
    /** axe-core rules (tagged with this criterion) that ran without a violation on every sampled page. */
    axe: z.array(z.string().regex(/^[a-z-]+$/)).default([]),
    /** Names of the e2e tests that check it. */
    tests: z.array(z.string().min(5)).default([]),
    /** What was done by hand, in French; or why it is not yet checked. */
    manual: z.string().min(5).optional(),
  })
  .refine((criterion) => criterion.axe.length + criterion.tests.length > 0 || criterion.manual !== undefined, { message: 'each criterion says how it was checked' });

export const auditSchema = z.strictObject({
  assessed: z.iso.date(),
  /** The Défenseur des droits' ways to be reached, as DINUM's model statement lists them. */
  defenseurDesDroits: z.strictObject({ form: z.url({ protocol: /^https$/ }), delegates: z.url({ protocol: /^https$/ }), address: z.array(z.string().min(2)).min(2) }),
  sample: z.array(z.strictObject({ page: z.enum(SAMPLE_PAGES), path: z.string().startsWith('/').optional() })).min(1),
  criteria: z.array(criterionSchema),
});

export type RgaaCriterion = z.infer<typeof criterionSchema>;
export type RgaaAudit = z.infer<typeof auditSchema>;

export const AUDIT_FILE = 'src/content/accessibility/rgaa.yaml';

let read: RgaaAudit | undefined;
/** The self-assessment, read and checked once. */
export function readAudit(file = resolve(AUDIT_FILE)): RgaaAudit {
  if (read && file === resolve(AUDIT_FILE)) return read;
  // The YAML parser reads unquoted dates as strings by default (yaml 2, core schema).
  const audit = auditSchema.parse(parse(readFileSync(file, 'utf8')));
  if (file === resolve(AUDIT_FILE)) read = audit;
  return audit;
}

/** Criteria numbers in the RGAA's order: 1.1 … 1.9, 2.1 … 13.12. */
export function rgaaNumbers(): string[] {
  return RGAA_TOPICS.flatMap((count, topic) => Array.from({ length: count }, (_, index) => `${topic + 1}.${index + 1}`));
}

export type ConformityState = 'totalement' | 'partiellement' | 'non';

export interface AuditSummary {
  counts: Record<RgaaStatus, number>;
  state: ConformityState;
  /** Conformes over applicable criteria, in %, rounded to two decimals; null while any criterion is unchecked. */
  rate: number | null;
}

export function summarize(criteria: readonly Pick<RgaaCriterion, 'status'>[]): AuditSummary {
  const counts = Object.fromEntries(RGAA_STATUSES.map((status) => [status, criteria.filter((criterion) => criterion.status === status).length])) as Record<RgaaStatus, number>;
  const complete = criteria.length === rgaaNumbers().length && counts['non-verifie'] === 0;
  const applicable = counts.conforme + counts['non-conforme'];
  const rate = complete ? (applicable === 0 ? 100 : Math.round((counts.conforme / applicable) * 10_000) / 100) : null;
  const state: ConformityState = rate === null || rate < 50 ? 'non' : rate === 100 ? 'totalement' : 'partiellement';
  return { counts, state, rate };
}

/** Criteria grouped by topic (1 to 13). */
export function byTopic<T extends Pick<RgaaCriterion, 'number'>>(criteria: readonly T[]): { topic: number; criteria: T[] }[] {
  return RGAA_TOPICS.map((_, index) => ({ topic: index + 1, criteria: criteria.filter((criterion) => criterion.number.split('.')[0] === String(index + 1)) }));
}

/** The versions of the tools the statement names, as installed. */
export function toolVersions(): { axe: string; playwright: string } {
  const version = (name: string) => (JSON.parse(readFileSync(resolve('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return { axe: version('axe-core'), playwright: version('@axe-core/playwright') };
}
