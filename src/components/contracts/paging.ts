/** The previous / next controls under the table, shown only when there is more than one page. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import type { ListView } from './view.js';

/** What the controls change: the list's page (the list controller). */
export interface PagedList {
  goTo(page: number): void;
}

export function pagingView(
  m: Messages,
  view: ListView,
  list: PagedList,
): TemplateResult | typeof nothing {
  if (view.pages <= 1) return nothing;
  return html`<nav part="pagination" class="pages" aria-label=${m.pagination}>
    <button
      part="button previous"
      class="btn quiet"
      ?disabled=${view.page === 0}
      @click=${() => list.goTo(view.page - 1)}
    >
      ${m.previous}
    </button>
    <span>${m.pageOf(view.page + 1, view.pages)}</span>
    <button
      part="button next"
      class="btn quiet"
      ?disabled=${view.page >= view.pages - 1}
      @click=${() => list.goTo(view.page + 1)}
    >
      ${m.next}
    </button>
  </nav>`;
}
