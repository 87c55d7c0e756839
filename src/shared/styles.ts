/**
 * The look every widget shares, in one module so the bundle carries it once.
 * Colours default to the page's text colour (mixed for borders and tints), so
 * the widgets read well on white and on dark backgrounds alike.
 */
import { css } from 'lit';

/**
 * A data widget lays itself out by its own width (container queries), never the
 * viewport's. Size containment gives it no width of its own, so in a flex row
 * it takes the free room instead of none.
 */
export const container = css`
  :host {
    container-type: inline-size;
    flex-grow: 1;
  }
`;

export const base = css`
  :host {
    display: block;
    font-family: var(--anva-font-family, inherit);
    color: var(--anva-color-text, inherit);
    /* The theme resolved once per widget, under private names (--_*) no page sets. */
    --_space: var(--anva-space, 1rem);
    --_radius: var(--anva-radius, 0.5rem);
    --_primary: var(--anva-color-primary, #0b5cad);
    --_on-primary: var(--anva-color-on-primary, #fff);
    --_border: var(--anva-color-border, color-mix(in srgb, currentColor 25%, transparent));
    --_danger: var(--anva-color-danger, #c62828);
    --_muted: color-mix(in srgb, currentColor 78%, transparent);
    --_tint: color-mix(in srgb, currentColor 6%, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  /* Font and colour come from the page; text layout a site may set globally does not. */
  * {
    box-sizing: border-box;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    word-spacing: normal;
  }
  [part~='base'],
  .msg {
    background: var(--anva-color-surface, transparent);
    border-radius: var(--_radius);
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  h2,
  h3,
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1em;
  }
  :focus-visible {
    outline: 2px solid var(--anva-color-focus, currentColor);
    outline-offset: 2px;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    padding: 0.4em 1.1em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .btn:hover {
    background: color-mix(in srgb, var(--_primary) 85%, #000);
  }
  .btn.quiet {
    border-color: var(--_border);
    background: transparent;
    color: inherit;
  }
  .btn.quiet:hover {
    background: var(--_tint);
  }
  .btn[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .btn:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .msg {
    display: grid;
    gap: 0.75em;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
  }
  [part~='error'] {
    border-inline-start: 0.25rem solid var(--_danger);
  }
  .sk {
    display: block;
    height: 1em;
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, currentColor 12%, transparent);
    animation: anva-pulse 1.5s ease-in-out infinite;
  }
  @keyframes anva-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .sk {
      animation: none;
    }
  }
  .pending > div {
    visibility: hidden;
  }
  .waiting {
    position: relative;
  }
  /* Over the placeholder, not beside it: the sentence moves nothing when it comes or goes. */
  .slow {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    padding: var(--_space);
    text-align: center;
  }
  [data-slow] > [part~='skeleton'] {
    opacity: 0.3;
  }
  /* A titled block of fields or a list (account, policy). */
  .group {
    display: grid;
    gap: 0.5em;
  }
  /* On paper there is nothing to press, and a group or a row is never cut in two. */
  @media print {
    .btn {
      display: none;
    }
    .group,
    tr {
      break-inside: avoid;
    }
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted,
  dt {
    color: var(--_muted);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.35em 1.5em;
  }
  dl > div {
    display: contents;
  }
  dd {
    overflow-wrap: anywhere;
  }
  dd dl {
    grid-template-columns: max-content 1fr;
    gap: 0 1em;
  }
  ul {
    padding-inline-start: 1.25em;
  }
  @container (max-width: 28em) {
    dl {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd {
      margin-block-end: 0.5em;
    }
  }
`;
