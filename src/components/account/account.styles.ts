import { css } from 'lit';
import { base, container } from '../../shared/styles.js';

export const styles = [
  base,
  container,
  css`
    .account {
      display: grid;
      gap: var(--_s);
    }
    .group {
      display: grid;
      gap: 0.5em;
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
    img,
    .icon-text {
      width: 2rem;
      height: 2rem;
      object-fit: contain;
      text-align: center;
      border-radius: calc(var(--_r) / 2);
    }
    .head-sk {
      width: 40%;
      margin-block: 0.5em 0.75em;
    }
    .line-sk {
      margin-block-end: 0.6em;
    }
  `,
];
