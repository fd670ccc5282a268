/**
 * Guarded registration: a page that loads two copies of the kit gets a
 * warning, not a thrown `NotSupportedError`.
 *
 * @module
 */

/** Defines `tag` unless it is defined already (then warns if by another class). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`<${tag}> is already defined by another copy of web-billing-kit; keeping the first one.`);
  }
}
