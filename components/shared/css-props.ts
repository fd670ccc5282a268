/**
 * `style=${cssProps({...})}`: sets style properties through CSSOM
 * (`style.setProperty`) from the first render on. Lit's `styleMap` writes the
 * `style` attribute on its first render, which a strict Content Security
 * Policy (`style-src 'self'`, no `'unsafe-inline'`) blocks; CSSOM writes are
 * allowed. Bind it to the `style` attribute only, with nothing around it.
 *
 * @module
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('cssProps() belongs alone in a style attribute');
    }
  }

  render(_props: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
