import { css } from 'lit';

/** On paper: the list without its controls, every row whole, a paged list naming its page. */
export const print = css`
  @media print {
    .toolbar,
    .sort-hint,
    .pages,
    .arrow {
      display: none;
    }
    .sort {
      padding: 0;
      border: 0;
    }
    .what {
      text-decoration: none;
    }
    /* A paged list says on paper which page it is. */
    .paged {
      position: static;
      width: auto;
      height: auto;
      clip-path: none;
    }
  }
`;
