import { css } from 'lit';

/** No box of its own: the provider's children lay out as if it were not there. */
export const providerStyles = css`
  :host {
    display: contents;
  }
`;
