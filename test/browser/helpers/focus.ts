/** Where the focus is, through shadow roots. */

/**
 * The focused element, through open shadow roots: `document.activeElement`
 * stops at the outermost host, this goes on into each host's shadow root.
 *
 * Self-contained (no imports, nothing from outside its body): the end-to-end
 * harness (test/node/e2e/harness.ts) installs its source in each page.
 */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
