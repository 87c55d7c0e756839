/** The premium summary above the table: what the running policies cost per month together. */
import { html, nothing, type TemplateResult } from 'lit';
import { termMonths, termPremium, type Formatter } from '../../format/index.js';
import type { Row } from './rows.js';

export interface PremiumSummary {
  monthly: number;
  /** The other terms converted to one month, shortest first (`[3, 12]`). */
  converted: number[];
  /** Running policies with a premium but a term that is no number of months: not in the total. */
  uncounted: number;
}

/** Running policies' premiums per month, which terms were converted, and what was left out. */
export function premiumSummary(rows: Row[]): PremiumSummary | undefined {
  const running = rows.filter((row) => row.status.key === 'active');
  const counted = running.filter((row) => row.monthly !== undefined);
  if (!counted.length) return undefined;
  const terms = new Set(counted.map((row) => termMonths(row.contract)!));
  terms.delete(1);
  return {
    monthly: counted.reduce((sum, row) => sum + row.monthly!, 0),
    converted: [...terms].sort((a, b) => a - b),
    uncounted: running.filter(
      (row) => row.monthly === undefined && termPremium(row.contract) !== undefined,
    ).length,
  };
}

export function summaryView(f: Formatter, rows: Row[]): TemplateResult | typeof nothing {
  const summary = premiumSummary(rows);
  if (!summary) return nothing;
  const m = f.messages;
  // `per kwartaal en per jaar`, in the customer's language.
  const terms = summary.converted.map((months) => m.term(months, f.months(months)));
  const converted = terms.length ? f.list(terms) : undefined;
  return html`<p part="summary" class="summary">
    <strong>${m.premiumTotal(f.money(summary.monthly))}</strong>
    <span class="muted">${m.premiumBasis(converted, summary.uncounted)}</span>
  </p>`;
}
