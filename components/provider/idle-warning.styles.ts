import { css } from 'lit';

/** The dialog's own styles, after the kit's tokens and the data elements' buttons, focus ring and visually hidden text. */
export const idleWarningStyles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    width: min(100% - 2rem, var(--wb-idle-warning-max-width, 28rem));
    max-width: none;
    padding: calc(var(--wb-space, 1rem) * 1.5);
    color: inherit;
    background: var(--wb-color-surface, #fff);
    border: 1px solid var(--wb-color-border, #767676);
    border-radius: var(--wb-radius, 0.375rem);
  }
  dialog[open] {
    display: grid;
    gap: var(--wb-space, 1rem);
  }
  dialog::backdrop {
    background: var(--wb-idle-warning-backdrop, rgb(0 0 0 / 0.6));
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: var(--wb-heading-size, 1.375rem);
  }
  .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .actions button {
    flex: 1 1 auto;
  }
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: progress;
  }
`;
