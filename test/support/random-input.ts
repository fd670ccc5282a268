/**
 * Seeded random keyboard and mouse input on an element's shadow root: Tab,
 * Shift+Tab, Enter, Space and real mouse clicks on `<summary>` elements, sent
 * through the browser's input pipeline (web-test-runner commands → CDP), as
 * a person would. Used by the `<wb-breakdown>` stress test (CI-sized) and its
 * long bench. A renderer crash ends the test page, so the run fails.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RandomAction = 'Tab' | 'Shift+Tab' | 'Enter' | 'Space' | 'click';

/** Weights: mostly focus moves and toggles, as someone exploring a long bill by keyboard and mouse. */
const ACTIONS: readonly [RandomAction, number][] = [
  ['Tab', 0.3],
  ['Shift+Tab', 0.15],
  ['Enter', 0.2],
  ['Space', 0.15],
  ['click', 0.2],
];

function pick(random: () => number): RandomAction {
  let r = random();
  for (const [action, weight] of ACTIONS) {
    if ((r -= weight) < 0) return action;
  }
  return 'Tab';
}

/**
 * Sends `count` random actions to `root` (a shadow root). Clicks go to a
 * random `<summary>` (scrolled into view, then clicked at its centre with the
 * real mouse). Keys go to whatever has focus; when focus has left `root`, the
 * first summary is focused again so the keys keep acting on the element.
 * Returns the actions sent, for the failure message.
 */
export async function sendRandomInput(root: ShadowRoot, seed: number, count: number): Promise<RandomAction[]> {
  const random = seededRandom(seed);
  const sent: RandomAction[] = [];
  for (let i = 0; i < count; i++) {
    const action = pick(random);
    sent.push(action);
    if (action === 'click') {
      const summaries = [...root.querySelectorAll<HTMLElement>('summary')];
      const target = summaries[Math.floor(random() * summaries.length)];
      if (!target) continue;
      target.scrollIntoView({ block: 'center' });
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      await sendMouse({ type: 'click', position: [Math.round(box.left + Math.min(box.width / 2, 40)), Math.round(box.top + box.height / 2)] });
      continue;
    }
    if (!root.activeElement) root.querySelector<HTMLElement>('summary')?.focus();
    if (action === 'Shift+Tab') {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else {
      await sendKeys({ press: action });
    }
  }
  return sent;
}
