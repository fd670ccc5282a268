import { css } from 'lit';

/**
 * The light-DOM sheet of `<wb-password-input>`: the field with its mask
 * over the input (every character ● but the one typed last) and the
 * Show/Hide button. Adopted beside the forms' shared sheet (`formStyles`),
 * whose `.wb-input` it builds on.
 */
export const passwordInputStyles = css`
  :where(.wb-password) { position: relative; display: flex; gap: 0.5rem; align-items: stretch; }
  :where(.wb-password-box) { position: relative; flex: 1; min-width: 0; }
  :where(.wb-password-box .wb-input[data-masked]) { color: transparent; caret-color: var(--wb-color-text, #1f1f1f); }
  :where(.wb-password-mask) {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    padding: 0 calc(0.75rem + 1px);
    overflow: hidden;
    font-size: max(16px, 1rem);
    white-space: pre;
    pointer-events: none;
  }
  :where(.wb-reveal) {
    min-width: 44px;
    min-height: 44px;
    padding: 0 0.75rem;
    font: inherit;
    color: var(--wb-color-primary, #0b57d0);
    background: var(--wb-color-surface, #fff);
    border: 1px solid var(--wb-color-border, #767676);
    border-radius: var(--wb-radius, 0.375rem);
    cursor: pointer;
  }
`;
