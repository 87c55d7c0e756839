/**
 * The look of policies, shared by the list and a policy: their tables (narrow,
 * a table becomes cards that name each value), status badges and branch icons.
 */
import { css } from 'lit';

export const policyStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    border-block-end: 1px solid var(--_border);
    /* Words never break inside themselves; long Dutch compounds may hyphenate (the cell has a lang). */
    hyphens: auto;
  }
  .label {
    display: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0 0.65em;
    border: 1px solid var(--_border);
    border-radius: 1em;
    font-size: 0.875em;
    white-space: nowrap;
  }
  .badge::before {
    content: '';
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: var(--_dot, color-mix(in srgb, currentColor 55%, transparent));
  }
  [data-tone='active'] {
    --_dot: #2e9d4f;
  }
  [data-tone='suspended'] {
    --_dot: #e08a00;
  }
  [data-tone='paidUp'],
  [data-tone='future'] {
    --_dot: #3a7bd5;
  }
  [data-tone='expired'] {
    --_dot: var(--_danger);
  }
  .icon {
    display: inline-flex;
    width: 1.5em;
    height: 1.5em;
    flex: none;
  }
  .icon svg {
    width: 100%;
    height: 100%;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
