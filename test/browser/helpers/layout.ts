/** Layout checks of the elements on a narrow and a wide screen. */
import { expect } from '@open-wc/testing';

/**
 * Expects `el` to fit a screen `width` px wide: the page does not scroll
 * sideways, every control (and every element `alsoInside` selects) ends
 * inside the screen, and every control is a touch target at least 44 px high.
 */
export function expectFitsWidth(el: Element, width: number, { controls = 'input, button', alsoInside = '' } = {}): void {
  expect(document.documentElement.scrollWidth).to.be.at.most(width);
  const inside = [...el.querySelectorAll<HTMLElement>(alsoInside ? `${controls}, ${alsoInside}` : controls)];
  for (const item of inside) expect(item.getBoundingClientRect().right, `${item.outerHTML.slice(0, 60)} inside the screen`).to.be.at.most(width);
  const touchTargets = [...el.querySelectorAll<HTMLElement>(controls)];
  for (const control of touchTargets) expect(control.getBoundingClientRect().height, 'touch target at least 44 px high').to.be.at.least(44);
}
