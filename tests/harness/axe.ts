/**
 * Accessibility checks with axe-core inside a real page: the extension's popup and options pages,
 * or only Backstory's own parts of a streaming page (its shadow roots), never the site's markup.
 */
import axe from 'axe-core';
import type { Page } from 'puppeteer-core';

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** The failing elements, as axe names them (shadow paths included), with its summary. */
  nodes: { target: string; summary: string }[];
}

/**
 * What axe finds on the page, or inside `within` (CSS selectors; a shadow path as an array, e.g.
 * ['backstory-panel', '[data-backstory="panel"]']). WCAG 2.0/2.1/2.2 A and AA and best practices.
 */
export async function axeFindings(page: Page, within?: string | string[]): Promise<AxeFinding[]> {
  // Evaluated as source text, so it also works on extension pages whose CSP forbids inline scripts.
  await page.evaluate(axe.source);
  return page.evaluate(async (scope: string | string[] | null) => {
    type Result = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    type Axe = { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> };
    const runner = (globalThis as unknown as { axe: Axe }).axe;
    const context = scope === null ? document : { include: [Array.isArray(scope) ? { fromShadowDom: scope } : scope] };
    const { violations } = await runner.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: JSON.stringify(node.target), summary: node.failureSummary ?? '' })),
    }));
  }, within ?? null);
}

/** A readable report for a failing expectation: each rule with the elements that break it. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((finding) => `${finding.id} (${finding.impact}): ${finding.help}\n${finding.nodes.map((node) => `  ${node.target}\n    ${node.summary.replace(/\n/g, '\n    ')}`).join('\n')}`).join('\n');
}
