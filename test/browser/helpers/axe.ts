/**
 * axe-core in web-test-runner. axe-core ships a UMD script, not an ES module:
 * importing `axe-core/axe.min.js` for its side effect registers `window.axe`.
 */
import type Axe from 'axe-core';

declare global {
  interface Window {
    axe?: typeof Axe;
  }
}

let loaded: Promise<typeof Axe> | undefined;

/** The axe-core API, loaded once per page. */
export function loadAxe(): Promise<typeof Axe> {
  loaded ??= import('axe-core/axe.min.js').then(() => {
    if (!window.axe) throw new Error('axe-core/axe.min.js loaded but did not register window.axe');
    return window.axe;
  });
  return loaded;
}

/**
 * The accessibility violations axe finds in `context`, one readable line each
 * (rule, impact, and the offending elements), so a failing assertion says what to fix.
 */
export async function axeViolations(context: Element, options: Axe.RunOptions = {}): Promise<string[]> {
  const axe = await loadAxe();
  const results = await axe.run(context, { resultTypes: ['violations'], ...options });
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
