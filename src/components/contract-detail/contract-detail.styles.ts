import { css } from 'lit';
import { policyStyles } from '../../shared/policy.styles.js';
import { base, container } from '../../shared/styles.js';

export const styles = [
  base,
  container,
  policyStyles,
  css`
    article {
      display: grid;
      gap: calc(var(--_space) * 1.25);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1em;
    }
    .heading {
      display: grid;
      gap: 0.1em;
      flex: 1 1 12em;
    }
    .subtitle {
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      flex-basis: 100%;
    }
    .header .icon {
      width: 2.5em;
      height: 2.5em;
      padding: 0.45em;
      border: 1px solid var(--_border);
      border-radius: 50%;
    }
    .group {
      padding-block-start: 0.75em;
      border-block-start: 1px solid var(--_border);
    }
    .group > dl {
      grid-template-columns: minmax(9em, 14em) 1fr;
    }
    /* Narrow: a label and its value share a line when both fit; a long value goes below its label. */
    @container (max-width: 28em) {
      .group > dl {
        grid-template-columns: 1fr;
        gap: 0.5em;
      }
      .group > dl > div {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1em;
      }
      .group > dl > div > dt {
        flex: 1 0 auto;
      }
      .group > dl > div > dd {
        margin: 0;
      }
    }
    th,
    td {
      padding: 0.4em 0.75em 0.4em 0;
      vertical-align: top;
    }
    th {
      color: var(--_muted);
      font-weight: 400;
    }
    .name {
      font-weight: 600;
    }
    /* Four columns of amounts need about 36em; narrower, each coverage is a stack of lines. */
    @container (max-width: 36em) {
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr {
        padding-block: 0.5em;
        border-block-end: 1px solid var(--_border);
      }
      td {
        display: flex;
        justify-content: space-between;
        gap: 1em;
        padding: 0;
        border: 0;
      }
      /* A coverage's name speaks for itself; each amount says what it is. */
      td:not(.name) > .label {
        display: block;
        color: var(--_muted);
      }
    }
    .title-sk {
      height: 3rem;
      width: 60%;
    }
    .head-sk {
      width: 30%;
      margin-block: 1.5em 0.75em;
    }
    .line-sk {
      margin-block-end: 0.6em;
    }
    @media print {
      .actions {
        display: none;
      }
      .header,
      h3 {
        break-after: avoid;
      }
    }
  `,
];
