/**
 * Shared styles: the design tokens, the styles of the shadow-DOM elements,
 * and those of the light-DOM forms. Credential forms render in light DOM so
 * that password managers and autofill can see their inputs; their styles are
 * adopted once into the document (or the shadow root the element sits in),
 * wrapped in `:where()` so any partner rule wins, and themed with `--wb-*`
 * custom properties. Their parts are plain `part` attributes:
 * `wb-login [part~="submit-button"]` selects them.
 *
 * @module
 */
import { css, type CSSResult } from 'lit';

/** Design tokens every element reads, each with its default. */
export const tokens = css`
  :host {
    font-family: var(--wb-font-family, inherit);
    color: var(--wb-color-text, #1f1f1f);
  }
`;

/** Styles of the shadow-DOM elements (the data elements and the idle warning): states, buttons, focus, visually hidden text. */
export const dataStyles = css`
  :host {
    display: block;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  .state {
    padding: 0.75rem 1rem;
    border-radius: var(--wb-radius, 0.375rem);
    background: var(--wb-color-info-surface, #e8f0fe);
  }
  .state.error {
    background: var(--wb-color-danger-surface, #fdeceb);
    border-left: 4px solid var(--wb-color-danger, #b3261e);
  }
  button {
    min-height: 44px;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--wb-color-primary, #0b57d0);
    background: var(--wb-color-surface, #fff);
    border: 2px solid var(--wb-color-primary, #0b57d0);
    border-radius: var(--wb-radius, 0.375rem);
    cursor: pointer;
  }
  /* A button that reads as a link (e.g. "register the notice email"). */
  .link {
    justify-self: start;
    min-height: 44px;
    padding: 0;
    border: none;
    background: none;
    color: var(--wb-color-link, var(--wb-color-primary, #0b57d0));
    text-decoration: underline;
    font-weight: 400;
    text-align: start;
  }
  button.primary {
    color: var(--wb-color-on-primary, #fff);
    background: var(--wb-color-primary, #0b57d0);
  }
  :focus-visible {
    outline: 3px solid var(--wb-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  /* A screen's heading with its action beside it, wrapping under it when narrow. */
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: space-between;
  }
  /* Out of sight but read; the -until-focus variant is a skip link that shows once the keyboard reaches it. */
  .visually-hidden,
  .visually-hidden-until-focus:not(:focus) {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** Styles of the light-DOM forms. */
export const formStyles = css`
  :where(.wb-form) {
    display: grid;
    gap: var(--wb-space, 1rem);
    max-width: var(--wb-form-max-width, 34rem);
    font-family: var(--wb-font-family, inherit);
    color: var(--wb-color-text, #1f1f1f);
    line-height: 1.5;
  }
  :where(.wb-form) :where(h2) { font-size: var(--wb-heading-size, 1.375rem); margin: 0; }
  :where(.wb-form) :where(p) { margin: 0; }
  :where(.wb-field) { display: grid; gap: 0.25rem; min-width: 0; }
  :where(.wb-label) { font-weight: 600; }
  :where(.wb-input, .wb-select) {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-size: max(16px, 1rem);
    color: inherit;
    background: var(--wb-color-surface, #fff);
    border: 1px solid var(--wb-color-border, #767676);
    border-radius: var(--wb-radius, 0.375rem);
  }
  :where(.wb-input[aria-invalid='true'], .wb-select[aria-invalid='true']) {
    border-color: var(--wb-color-danger, #b3261e);
    border-width: 2px;
  }
  :where(.wb-input, .wb-select, .wb-button, .wb-link, .wb-reveal):focus-visible {
    outline: 3px solid var(--wb-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  :where(.wb-hint) { color: var(--wb-color-muted, #4a4a4a); font-size: 0.875rem; }
  :where(.wb-error) { color: var(--wb-color-danger, #b3261e); font-size: 0.875rem; font-weight: 600; }
  :where(.wb-error:empty) { display: none; }
  :where(.wb-actions) { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
  :where(.wb-button) {
    min-height: 44px;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 600;
    color: var(--wb-color-on-primary, #fff);
    background: var(--wb-color-primary, #0b57d0);
    border: 2px solid var(--wb-color-primary, #0b57d0);
    border-radius: var(--wb-radius, 0.375rem);
    cursor: pointer;
  }
  :where(.wb-button.wb-secondary) { color: var(--wb-color-primary, #0b57d0); background: transparent; }
  :where(.wb-button[aria-disabled='true'], .wb-button:disabled) { opacity: 0.65; cursor: progress; }
  :where(.wb-link) {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0;
    font: inherit;
    color: var(--wb-color-link, #0b57d0);
    text-decoration: underline;
    background: none;
    border: none;
    cursor: pointer;
  }
  :where(.wb-alert, .wb-notice, .wb-success) {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--wb-color-danger, #b3261e);
    background: var(--wb-color-danger-surface, #fdeceb);
    border-radius: var(--wb-radius, 0.375rem);
  }
  :where(.wb-notice) { border-color: var(--wb-color-primary, #0b57d0); background: var(--wb-color-info-surface, #e8f0fe); }
  :where(.wb-success) { border-color: var(--wb-color-success, #146c2e); background: var(--wb-color-success-surface, #e6f4ea); }
  :where(.wb-checklist) { display: grid; gap: 0.125rem; margin: 0; padding: 0; list-style: none; font-size: 0.875rem; }
  :where(.wb-check)::before { content: '○ '; }
  :where(.wb-check[data-ok])::before { content: '✓ '; color: var(--wb-color-success, #146c2e); font-weight: 700; }
  :where(.wb-visually-hidden) {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

const adopted = new WeakMap<Document | ShadowRoot, Set<CSSResult>>();

/** Adopts `styles` into the root node that `element` renders in, once per root. */
export function adoptLightStyles(element: Element, styles: CSSResult): void {
  const root = element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  let done = adopted.get(root);
  if (!done) adopted.set(root, (done = new Set()));
  if (done.has(styles) || !styles.styleSheet) return;
  done.add(styles);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
}
