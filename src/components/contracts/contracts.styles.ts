import { css } from 'lit';
import { policyStyles } from '../../shared/policy.styles.js';
import { base, container } from '../../shared/styles.js';
import { print } from './print.styles.js';

export const styles = [
  base,
  container,
  policyStyles,
  css`
    .toolbar {
      min-height: 4rem;
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 0.75em 1em;
      margin-block-end: 0.75em;
    }
    .control {
      display: grid;
      gap: 0.2em;
      font-size: 0.875em;
      font-weight: 600;
    }
    input,
    select {
      min-height: 2.5rem;
      min-width: 12em;
      padding: 0.3em 0.6em;
      border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
      border-radius: var(--_radius);
      background: transparent;
      font-size: 1rem;
      font-weight: 400;
    }
    option {
      color: initial;
    }
    /* The quieter lines: the count, a contract's number, the sort hint of the cards. */
    .count,
    .number,
    .sort-hint {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .count {
      margin-inline-start: auto;
    }
    th,
    td {
      padding: 0.6em 0.5em;
    }
    th {
      white-space: nowrap;
    }
    .number {
      display: block;
      font-weight: 400;
      font-variant-numeric: tabular-nums;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25em 0.75em;
      margin-block-end: 0.75em;
    }
    .sort-hint {
      display: none;
    }
    table:focus-visible {
      outline-offset: 4px;
    }
    /* A column's sort button and a row's link or button: bold words, no button box. */
    .sort,
    .choose {
      padding: 0;
      border: 0;
      background: none;
      font-weight: 600;
      cursor: pointer;
    }
    .sort {
      display: inline-flex;
      gap: 0.35em;
      padding-block: 0.2em;
    }
    .arrow {
      color: var(--_muted);
    }
    .row {
      position: relative;
      /* WebKit ignores position on table rows; a transform makes the row the containing block of
         its stretched link there too, so the link covers its row, not the whole page. */
      transform: translate(0);
    }
    .row:hover {
      background: var(--_tint);
    }
    .choose {
      display: block;
      color: inherit;
      text-decoration: none;
    }
    .what {
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    /* The whole row answers to a click; keyboard users reach its one link or button. */
    .choose::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .pages {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 1em;
      margin-block-start: 0.75em;
    }
    /* The skeleton has the ready list's measures: toolbar, header row, rows of two lines. */
    .tool-sk {
      height: 4rem;
      margin-block-end: 0.75em;
    }
    .head-sk {
      /* Padding 2 × 0.6em, a sort button of 1.9em, half a collapsed border. */
      height: calc(3.1em + 0.5px);
      border-radius: 0;
    }
    .row-sk {
      /* Padding 2 × 0.6em, a description line of 1.5em, a number line of 0.875 × 1.5em. */
      height: calc(4.0125em + 1px);
      border-radius: 0;
      border-block-start: 1px solid transparent;
      background-clip: content-box;
    }
    @container (max-width: 40em) {
      input,
      select,
      .control {
        width: 100%;
      }
      .count {
        margin: 0;
      }
      /* Cards: explicit roles in the template keep the table semantics. */
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      thead tr {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      th {
        padding: 0;
        border: 0;
      }
      .sort {
        padding: 0.2em 0.75em;
        border: 1px solid var(--_border);
        border-radius: 1em;
        font-size: 0.875em;
      }
      .row {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5em 1em;
        margin-block-start: 0.75em;
        padding: 0.75em var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .row td {
        min-width: 0;
        padding: 0;
        border: 0;
      }
      .row .description,
      .row .insuredObject {
        grid-column: 1 / -1;
      }
      .sort-hint {
        display: block;
        margin-block-end: 0.35em;
      }
      /* A value under its column's name; the description, icon and badge speak for themselves. */
      .row td:not(.description, .type, .status) > .label {
        display: block;
        color: var(--_muted);
        font-size: 0.8em;
      }
      /* Icon and badge together on the card's first line. */
      .row .type {
        order: -2;
      }
      .row .status {
        order: -1;
        justify-self: end;
      }
    }
  `,
  print,
];
