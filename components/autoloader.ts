/**
 * The CDN build's autoloader (`dist/cdn/autoloader.js`): registers each
 * `<wb-*>` element the first time its tag appears in the page, by importing
 * `dist/cdn/elements/<name>.js` beside it. One script tag and no import map:
 *
 * @example
 * ```html
 * <script type="module" src="/vendor/web-billing-kit/dist/cdn/autoloader.js"></script>
 * <wb-provider base-url="/api/v1"><wb-login></wb-login></wb-provider>
 * ```
 *
 * It watches the document (not shadow roots; call {@link discover} for
 * those). `<wb-provider>` is always registered before the elements found
 * with it, because they ask it for the SDK client when they connect.
 *
 * @module
 */

import { AUTOLOADED_ELEMENTS } from './autoloader-elements.js';

export { AUTOLOADED_ELEMENTS };

const KNOWN_TAGS = new Set<string>(AUTOLOADED_ELEMENTS.map((name) => `wb-${name}`));
const loading = new Map<string, Promise<unknown>>();

function load(tag: string): Promise<unknown> {
  let pending = loading.get(tag);
  if (!pending) {
    pending = import(new URL(`./elements/${tag.slice('wb-'.length)}.js`, import.meta.url).href);
    loading.set(tag, pending);
  }
  return pending;
}

/** Registers every kit element used in `root` (and `root` itself) that is not registered yet. */
export async function discover(root: ParentNode): Promise<void> {
  const elements = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element) elements.push(root);
  const tags = new Set(elements.map((element) => element.localName).filter((tag) => KNOWN_TAGS.has(tag) && !customElements.get(tag)));
  if (tags.delete('wb-provider')) await load('wb-provider');
  // A provider loading for an earlier batch still has to come first.
  else if (loading.has('wb-provider')) await loading.get('wb-provider');
  await Promise.all([...tags].map(load));
}

new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

void discover(document);
