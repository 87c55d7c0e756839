/** The premium summary above the table: what the running policies cost per month together. */
import { html, nothing, type TemplateResult } from 'lit';
import { termMonths, type Formatter } from '../../format/index.js';
import type { Row } from './rows.js';

export interface PremiumSummary {
  monthly: number;
  /** True when a premium of another term was converted to one month. */
  converted: boolean;
}

/** Running policies' premiums per month, and whether other terms were converted. */
export function premiumSummary(rows: Row[]): PremiumSummary | undefined {
  const running = rows.filter((row) => row.status.key === 'active' && row.monthly !== undefined);
  if (!running.length) return undefined;
  return {
    monthly: running.reduce((sum, row) => sum + row.monthly!, 0),
    converted: running.some((row) => termMonths(row.contract) !== 1),
  };
}

export function summaryView(f: Formatter, rows: Row[]): TemplateResult | typeof nothing {
  const summary = premiumSummary(rows);
  if (!summary) return nothing;
  const m = f.messages;
  return html`<p part="summary" class="summary">
    <strong>${m.premiumTotal(f.money(summary.monthly))}</strong>
    <span class="muted">${m.premiumBasis(summary.converted)}</span>
  </p>`;
}
