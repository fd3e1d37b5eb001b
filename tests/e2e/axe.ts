/**
 * The one accessibility check of the e2e tests: axe-core with the WCAG 2.1 A and AA rules and
 * the rules it maps to the RGAA 4 (the `RGAAv4` tag, in axe-core since 4.11). axe-core leaves
 * its experimental rules out of a tag run; the RGAA-mapped ones are turned on here by name
 * (label-content-name-mismatch is RGAA 6.1.5), so that the run covers every rule the RGAA
 * statement cites (src/content/accessibility/rgaa.yaml).
 */
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4'];

/** The experimental rules axe-core maps to an RGAA criterion. */
export const EXPERIMENTAL_RGAA_RULES = axe
  .getRules(['RGAAv4'])
  .filter((rule) => rule.tags.includes('experimental'))
  .map((rule) => rule.ruleId);

/** Each violation as one readable line: rule, impact, RGAA tests, and the elements at fault. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: 'tag', values: AXE_TAGS },
      rules: Object.fromEntries(EXPERIMENTAL_RGAA_RULES.map((id) => [id, { enabled: true }])),
    })
    .analyze();
  return results.violations.map((violation) => {
    const rgaa = violation.tags.filter((tag) => tag.startsWith('RGAA-')).join(' ');
    const nodes = violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`);
    return `${violation.id} [${violation.impact ?? '?'}${rgaa ? `, ${rgaa}` : ''}]: ${nodes.join('; ')}`;
  });
}
