import { css } from 'lit';
import { base } from '../../shared/styles.js';

export const styles = [
  base,
  css`
    :host {
      display: inline-block;
      /* Top-aligned, its line is as tall as its box in every state: no room for a descender that comes and goes. */
      vertical-align: top;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    /* A name stays on one line: shortened with an ellipsis where the bar has no room for it. */
    .name {
      font-weight: 600;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .name,
    .name * {
      white-space: nowrap;
    }
    /* On paper there is nobody to sign in or out. */
    @media print {
      :host {
        display: none;
      }
    }
    .btn-sk {
      width: 7rem;
      /* A button's height: its line, padding and border, at least its minimum. */
      height: max(2.5rem, 2.3em + 2px);
    }
  `,
];
