import { css } from 'lit';
import { base, container } from '../../shared/styles.js';

export const styles = [
  base,
  container,
  css`
    .account {
      display: grid;
      gap: var(--_space);
    }
    .plain {
      padding: 0;
      list-style: none;
    }
    .org {
      display: flex;
      align-items: center;
      gap: 0.6em;
      min-height: 2rem;
    }
    img {
      flex: none;
      width: 2em;
      height: 2em;
      object-fit: contain;
      border-radius: calc(var(--_radius) / 2);
    }
    /* Sized in its own font, so two letters always fit. */
    .initials {
      display: inline-grid;
      flex: none;
      place-items: center;
      width: 2.5em;
      height: 2.5em;
      border: 1px solid var(--_border);
      border-radius: 50%;
      background: var(--_tint);
      font-size: 0.8em;
      font-weight: 600;
    }
    .head-sk {
      width: 40%;
      margin-block: 0.5em 0.75em;
    }
    .line-sk {
      margin-block-end: 0.85em;
    }
  `,
];
