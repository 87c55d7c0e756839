/** The pending view of every data widget, with its one sentence for a slow answer. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';

/**
 * The placeholder, and *Dit duurt langer dan normaal* over it once the answer
 * is slow. The sentence lies over the placeholder, so it moves nothing when it
 * comes or goes; its live region is there from the start, empty, so screen
 * readers announce the sentence when it appears.
 */
export function waitingView(m: Messages, slow: boolean, pending: unknown): TemplateResult {
  return html`<div class="waiting" ?data-slow=${slow}>
    ${pending}
    <p class="slow" role="status" lang=${m.locale}>${slow ? m.slowAnswer : nothing}</p>
  </div>`;
}
