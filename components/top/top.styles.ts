import { css } from 'lit';

/**
 * The top screen's own styles, after the kit's tokens and data styles. Why
 * (said here, not in the css`` string, which ships as written):
 * - The inquiry number is dialled as one: it never breaks at its dashes, even at 360 px.
 * - Smartphone layout: one column of cards, as narrow as a phone even on a wide screen,
 *   full-width buttons.
 * - Computer layout: a title bar and the sections in a two-column grid; buttons sized to
 *   their text.
 */
export const topStyles = css`
  :host {
    --_card-bg: var(--wb-top-card-background, var(--wb-color-surface, #fff));
    --_card-border: var(--wb-top-card-border, var(--wb-color-border, #c4c7c5));
    --_gap: var(--wb-space, 1rem);
  }
  .base {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  h2,
  h3,
  p,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: var(--wb-heading-size, 1.375rem);
  }
  h3 {
    font-size: 1.125rem;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem var(--_gap);
  }
  .switch {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .switch legend {
    padding: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .options {
    display: inline-flex;
    border: 2px solid var(--wb-color-primary, #0b57d0);
    border-radius: var(--wb-radius, 0.375rem);
    overflow: hidden;
  }
  .option {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 40px;
    padding: 0 0.75rem;
    cursor: pointer;
    color: var(--wb-color-primary, #0b57d0);
    background: var(--wb-color-surface, #fff);
    font-weight: 600;
  }
  .option:has(input:checked) {
    color: var(--wb-color-on-primary, #fff);
    background: var(--wb-color-primary, #0b57d0);
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--wb-color-focus, #0b57d0);
    outline-offset: -6px;
    outline-color: var(--wb-color-on-primary, #fff);
  }
  .option:has(input:focus-visible:not(:checked)) {
    outline-color: var(--wb-color-focus, #0b57d0);
  }
  .option input {
    margin: 0;
    accent-color: var(--wb-color-on-primary, #fff);
  }
  .sections {
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  .card {
    display: grid;
    gap: 0.75rem;
    align-content: start;
    min-width: 0;
    padding: var(--_gap);
    background: var(--_card-bg);
    border: 1px solid var(--_card-border);
    border-radius: var(--wb-radius, 0.375rem);
  }
  .facts {
    display: grid;
    gap: 0.5rem;
  }
  dt {
    font-size: 0.875rem;
    color: var(--wb-color-muted, #4a4a4a);
  }
  dd {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .number {
    font-size: 1.5rem;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
  }
  .amount {
    font-size: var(--wb-top-amount-size, 2rem);
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .hint,
  .customer {
    font-size: 0.875rem;
    color: var(--wb-color-muted, #4a4a4a);
  }
  .links,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .pay-link {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0.5rem 1rem;
    box-sizing: border-box;
    font-weight: 600;
    color: var(--wb-color-link, #0b57d0);
    border: 2px solid currentColor;
    border-radius: var(--wb-radius, 0.375rem);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .tel {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    white-space: nowrap;
    font-size: 1.25rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--wb-color-link, #0b57d0);
    text-underline-offset: 0.15em;
  }
  .footer {
    display: flex;
    justify-content: flex-end;
  }
  [part~='logged-out']:focus {
    outline: none;
  }
  [part~='logged-out']:focus-visible {
    outline: 3px solid var(--wb-color-focus, #0b57d0);
  }

  :host([layout='smartphone']) .base {
    max-width: var(--wb-top-max-width, 32rem);
  }
  :host([layout='smartphone']) .card button,
  :host([layout='smartphone']) .pay-link,
  :host([layout='smartphone']) .buttons {
    width: 100%;
  }
  :host([layout='smartphone']) .pay-link {
    justify-content: center;
  }
  :host([layout='smartphone']) .buttons {
    flex-direction: column;
  }

  :host([layout='computer']) .header {
    padding: 0.5rem var(--_gap);
    background: var(--wb-top-header-background, var(--wb-color-info-surface, #e8f0fe));
    border-radius: var(--wb-radius, 0.375rem);
  }
  :host([layout='computer']) .card {
    border-width: 0 0 0 4px;
    border-color: var(--wb-color-primary, #0b57d0);
    border-radius: 0;
  }
  :host([layout='computer']) .card button {
    justify-self: start;
  }
  @container (min-width: 44rem) {
    :host([layout='computer']) .sections {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
`;
