/** The contract's title block: what it is, the insured object, its number once, its status, the broker's forms. */
import { html, nothing, type TemplateResult } from 'lit';
import type { BranchKind } from '../../i18n/messages.js';
import type { ContractStatus, Formatter } from '../../format/index.js';
import { branchIcon, statusBadge } from '../../shared/views.js';

export interface TitleFacts {
  kind: BranchKind;
  title: string;
  object?: string;
  number: string;
  status: ContractStatus;
  /** Links to the broker's change and claim forms, when their templates are set. */
  change?: string;
  claim?: string;
}

export function titleView(f: Formatter, facts: TitleFacts): TemplateResult {
  const m = f.messages;
  const { kind, title, object, number, status, change, claim } = facts;
  return html`<header part="header" class="header">
    ${branchIcon(kind, m.branches[kind])}
    <div class="heading">
      <h2 part="title">${title}</h2>
      ${object ? html`<p part="object" class="subtitle">${object}</p>` : nothing}
      <p part="number" class="muted">${m.fields.contractNumber} ${number}</p>
    </div>
    ${status.text ? statusBadge(status) : nothing}
    ${
      change || claim
        ? html`<p part="actions" class="actions">
            ${change ? html`<a part="button change" class="btn quiet" href=${change}>${m.change}</a>` : nothing}
            ${claim ? html`<a part="button claim" class="btn quiet" href=${claim}>${m.claim}</a>` : nothing}
          </p>`
        : nothing
    }
  </header>`;
}
