/**
 * The accessibility statement's self-assessment: the 106 criteria of the RGAA 4.1.2, numbered as
 * the RGAA numbers them, each with a status and how it was checked; the state it declares is
 * "non conforme" while any criterion is unchecked, and follows the RGAA's thresholds once all are.
 */
import { describe, expect, test } from 'vitest';
import axe from 'axe-core';
import { readAudit, rgaaNumbers, summarize, type RgaaStatus } from '../../src/lib/accessibility/rgaa.ts';

const audit = readAudit();
const statuses = (list: Partial<Record<RgaaStatus, number>>) => Object.entries(list).flatMap(([status, count]) => Array.from({ length: count }, () => ({ status: status as RgaaStatus })));

describe('the self-assessment file', () => {
  test('has exactly the 106 criteria of the RGAA 4.1.2, in its order (9 images … 12 consultation)', () => {
    expect(audit.criteria).toHaveLength(106);
    expect(audit.criteria.map((criterion) => criterion.number)).toEqual(rgaaNumbers());
    expect(rgaaNumbers().filter((number) => number.startsWith('4.'))).toHaveLength(13);
    expect(rgaaNumbers().at(-1)).toBe('13.12');
  });

  test('gives each criterion a status and a way it was checked', () => {
    for (const criterion of audit.criteria) {
      expect(['conforme', 'non-conforme', 'non-applicable', 'non-verifie'], criterion.number).toContain(criterion.status);
      expect(criterion.axe.length + criterion.tests.length + (criterion.manual ? 1 : 0), criterion.number).toBeGreaterThan(0);
    }
  });

  test('cites only axe-core rules that exist and that axe-core maps to that very criterion', () => {
    const rules = new Map(axe.getRules(['RGAAv4']).map((rule) => [rule.ruleId, rule.tags]));
    for (const criterion of audit.criteria) {
      for (const id of criterion.axe) {
        expect(rules.has(id), `${criterion.number}: ${id}`).toBe(true);
        expect(
          rules.get(id)!.some((tag) => tag.startsWith(`RGAA-${criterion.number}.`)),
          `${criterion.number}: ${id}`,
        ).toBe(true);
      }
    }
  });

  test('says by hand why a criterion does not apply, and names no passing test for an unchecked one', () => {
    for (const criterion of audit.criteria) {
      if (criterion.status === 'non-applicable') expect(criterion.manual, criterion.number).toBeTruthy();
      if (criterion.status === 'non-verifie') expect(criterion.tests, criterion.number).toEqual([]);
    }
  });

  test('declares the site non conforme, with no rate, since criteria remain unchecked', () => {
    const summary = summarize(audit.criteria);
    expect(summary.counts['non-verifie']).toBeGreaterThan(0);
    expect(summary).toMatchObject({ state: 'non', rate: null });
    expect(Object.values(summary.counts).reduce((sum, count) => sum + count, 0)).toBe(106);
  });
});

describe('the conformity state', () => {
  test('stays non conforme while one criterion is unchecked, even if all others conform', () => {
    expect(summarize(statuses({ conforme: 105, 'non-verifie': 1 }))).toMatchObject({ state: 'non', rate: null });
  });

  test('is totalement conforme when every criterion conforms or does not apply', () => {
    expect(summarize(statuses({ conforme: 60, 'non-applicable': 46 }))).toMatchObject({ state: 'totalement', rate: 100 });
  });

  test('follows the RGAA thresholds once all 106 are assessed: partiellement from 50 %, non conforme below', () => {
    // The national map v5's published audit: 37 conformes, 15 non conformes, 54 non applicables → 71.15 %.
    expect(summarize(statuses({ conforme: 37, 'non-conforme': 15, 'non-applicable': 54 }))).toMatchObject({ state: 'partiellement', rate: 71.15 });
    expect(summarize(statuses({ conforme: 20, 'non-conforme': 20, 'non-applicable': 66 }))).toMatchObject({ state: 'partiellement', rate: 50 });
    expect(summarize(statuses({ conforme: 19, 'non-conforme': 21, 'non-applicable': 66 }))).toMatchObject({ state: 'non', rate: 47.5 });
  });

  test('gives no rate for a list that is not the 106 criteria', () => {
    expect(summarize(statuses({ conforme: 10 }))).toMatchObject({ state: 'non', rate: null });
  });
});
