// axe-core on a live page: the violations a person with assistive technology would hit hardest.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);

/** Violations of impact serious or critical on the page as it is now. */
export async function blockingViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
}

/** One entry per rule, naming the elements it caught: a failure message a person can act on. */
export function describeViolations(violations: Violation[]): string[] {
  return violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
    return `[${violation.impact}] ${violation.id} (${violation.helpUrl}) ${violation.help}\n${nodes.join('\n')}`;
  });
}
