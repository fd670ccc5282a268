/**
 * The end-to-end harness: a served example (by default the demo portal,
 * `npm start`; see {@link JourneyOptions}) in Debian's
 * Chromium with playwright-core, and a {@link Customer} who drives it either
 * by clicks (click, fill, selectOption) or by the keyboard alone (Tab,
 * Shift+Tab, Enter, Space, arrows, typing: no click, no focus()), so each
 * journey is written once and run over the grid of widths and modes. The
 * browser's own controls (a URL typed into the address bar, Back) are
 * `page.goto` and `page.goBack` in both modes.
 *
 * Each run of a journey gets a fresh browser context and a server of its own,
 * so a fresh backend (the reference backend runs on the demo server and
 * keeps its state there, across the journey's page loads and tabs): journeys
 * run concurrently without sharing any state. Screenshots go to
 * `test-results/e2e/<journey>-<step>-<width>-<mode>.png` for review.
 *
 * Waits are on real conditions only (locators' auto-wait, `waitFor`,
 * `waitForFunction`): requests and the mailbox's polling take real time.
 *
 * @module
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../../examples/serve.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
import { deepActiveElement } from '../../browser/helpers/focus.js';

const SHOTS = 'test-results/e2e';
const TIMEOUT = 10_000;
/** Pages of every context get the browser tests' {@link deepActiveElement} as `window.deepActiveElement`. */
const FOCUS_SCRIPT = `window.deepActiveElement = ${deepActiveElement.toString()};`;
type FocusWindow = { deepActiveElement: typeof deepActiveElement };

/** How the customer acts: with the mouse (and pasting text), or with the keyboard alone. */
export type Mode = 'clicks' | 'keyboard';
/** One cell of the grid: a viewport and a mode. */
export interface Cell {
  width: number;
  height: number;
  mode: Mode;
}

/** A phone and a desktop viewport. */
const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
] as const;
const MODES: readonly Mode[] = ['clicks', 'keyboard'];
/** Every viewport in every mode. */
export const GRID: readonly Cell[] = VIEWPORTS.flatMap((v) => MODES.map((mode) => ({ ...v, mode })));

/** A customer at one cell of the grid, on one fresh page. */
export class Customer {
  readonly keyboard;

  constructor(
    readonly page: Page,
    readonly cell: Cell,
    private readonly journey: string,
  ) {
    this.keyboard = page.keyboard;
  }

  get byKeyboard(): boolean {
    return this.cell.mode === 'keyboard';
  }

  /** Saves a screenshot of the current screen (fullPage: false for very long screens). */
  async shot(step: string, fullPage = true): Promise<void> {
    const { width, mode } = this.cell;
    await this.page.screenshot({ path: `${SHOTS}/${this.journey}-${step}-${width}-${mode}.png`, fullPage });
  }

  /**
   * Presses Tab (or Shift+Tab) until one of `target` (light or shadow DOM)
   * has the focus. Keyboard only: no click, no focus().
   */
  async tabTo(target: Locator, { max = 60, backwards = false } = {}): Promise<void> {
    await target.first().waitFor();
    // Resolved once: querying a locator walks every shadow root, and the corporate breakdown is a big DOM.
    const elements = await target.elementHandles();
    const focused = () =>
      this.page.evaluate((els) => {
        const active = (window as unknown as FocusWindow).deepActiveElement();
        return active !== null && els.includes(active);
      }, elements);
    try {
      for (let i = 0; i <= max; i++) {
        if (await focused()) return;
        await this.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      }
    } finally {
      await Promise.all(elements.map((e) => e.dispose()));
    }
    const where = await this.focusedHtml();
    assert.fail(`${backwards ? 'Shift+Tab' : 'Tab'} never reached ${target}; the focus is on ${where}`);
  }

  /** Activates a button or link: a click, or Tab (Shift+Tab when it is `backwards` of the focus) to it and Enter. */
  async press(target: Locator, { backwards = false } = {}): Promise<void> {
    if (!this.byKeyboard) return target.click();
    await this.tabTo(target, { backwards });
    await this.keyboard.press('Enter');
  }

  /** Puts `value` in a text field, replacing what was there: fill, or Tab to it, select all and type. */
  async fill(target: Locator, value: string): Promise<void> {
    if (!this.byKeyboard) return target.fill(value);
    await this.tabTo(target);
    await this.keyboard.press('ControlOrMeta+A');
    await this.keyboard.type(value);
    assert.equal(await target.inputValue(), value);
  }

  /** Chooses an option of a `<select>`: selectOption, or Tab to it and the arrow keys. */
  async select(target: Locator, value: string): Promise<void> {
    if (!this.byKeyboard) {
      await target.selectOption(value);
      return;
    }
    // As selectOption does: wait until the option is there (a page may add options after its first screen).
    await target.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
    await this.tabTo(target);
    const values = await target.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const wanted = values.indexOf(value);
    assert.ok(wanted >= 0, `no option ${value}`);
    for (let i = 0; i < values.length && (await target.inputValue()) !== value; i++) {
      const current = values.indexOf(await target.inputValue());
      await this.keyboard.press(current < wanted ? 'ArrowDown' : 'ArrowUp');
    }
    assert.equal(await target.inputValue(), value);
  }

  /**
   * Checks a radio button: a click, or Tab into its group (which lands on
   * the checked or the first radio), Space, then the arrow keys.
   */
  async check(radio: Locator): Promise<void> {
    if (!this.byKeyboard) return radio.check();
    const name = await radio.getAttribute('name');
    const group = this.page.locator(`input[type="radio"][name="${name}"]`);
    await this.tabTo(group);
    await this.keyboard.press('Space');
    for (let i = 0; i < 10 && !(await radio.isChecked()); i++) await this.keyboard.press('ArrowDown');
    assert.ok(await radio.isChecked(), `${radio} checked`);
  }

  /** Logs in from the login screen. */
  async login(loginId: string, password: string): Promise<void> {
    const login = this.page.locator('wb-login');
    await this.fill(login.locator('input[name="loginId"]'), loginId);
    await this.fill(login.locator('input[name="password"]'), password);
    // By keyboard, Enter in the password field submits the form, as it does for most customers.
    if (this.byKeyboard) await this.keyboard.press('Enter');
    else await login.getByRole('button', { name: 'Log in' }).click();
  }

  /** The start of the focused element's markup (through shadow roots), for a failure's message. */
  private focusedHtml(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as unknown as FocusWindow).deepActiveElement()?.outerHTML.slice(0, 120));
  }

  /** Fails unless the focus comes to `target` (polled: an element may move the focus after its own update). */
  async assertFocus(target: Locator, message?: string): Promise<void> {
    await target.first().waitFor();
    const elements = await target.elementHandles();
    try {
      await this.page.waitForFunction(
        (els) => {
          const active = (window as unknown as FocusWindow).deepActiveElement();
          return active !== null && (els as Element[]).includes(active);
        },
        elements,
        { timeout: 2_000 },
      );
    } catch {
      const where = await this.focusedHtml();
      assert.fail(`${message ?? `the focus is on ${target}`}; it is on ${where}`);
    } finally {
      await Promise.all(elements.map((e) => e.dispose()));
    }
  }
}

/** A journey: what the customer does at one cell, with assertions. */
export type Journey = (customer: Customer) => Promise<void>;

/** Which site the journeys walk, and how many servers. */
export interface JourneyOptions {
  /** Journeys run at once (default 4). */
  concurrency?: number;
  /** Starts the site (default: the demo portal, `npm start`, on a free port). */
  start?: () => Promise<DemoServer>;
  /**
   * A server of its own for each run of a journey (default), or one for the
   * suite. The demo's backend runs on its server (as the multi-page
   * example's does): one journey's logins, mails or clock then touch no
   * other.
   */
  serverPerJourney?: boolean;
}

/**
 * Declares a suite that runs each journey at every cell of the grid (or at
 * its own `cells`), each in a fresh context, concurrently, in one Chromium.
 */
export function journeys(
  title: string,
  list: Record<string, { title: string; run: Journey; cells?: readonly Cell[] }>,
  { concurrency = 4, start = () => startDemoServer({ port: 0 }), serverPerJourney = true }: JourneyOptions = {},
): void {
  // Generous bounds: on a loaded 2-core runner a keyboard journey took 35 s; each action still times out after 10 s.
  describe(title, { concurrency, timeout: 600_000 }, () => {
    let server: DemoServer | undefined;
    let browser: Browser | undefined;
    before(async () => {
      await mkdir(SHOTS, { recursive: true });
      // Settled, not Promise.all: if the portal does not build, the browser that did launch is still
      // closed in after(); a browser left open keeps the test process alive for ever.
      const [serving, launching] = await Promise.allSettled([
        serverPerJourney ? Promise.resolve(undefined) : start(),
        chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] }),
      ]);
      if (serving.status === 'fulfilled') server = serving.value;
      if (launching.status === 'fulfilled') browser = launching.value;
      for (const result of [serving, launching]) if (result.status === 'rejected') throw result.reason;
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const [name, journey] of Object.entries(list)) {
      for (const cell of journey.cells ?? GRID) {
        it(`${journey.title} (${cell.mode === 'clicks' ? 'by clicks' : 'by keyboard alone'} at ${cell.width} px)`, { timeout: 120_000 }, async (t) => {
          const started = performance.now();
          const own = serverPerJourney ? await start() : undefined;
          const context = await browser!.newContext({ viewport: { width: cell.width, height: cell.height }, serviceWorkers: 'allow' });
          try {
            await context.addInitScript({ content: FOCUS_SCRIPT });
            const page = await context.newPage();
            page.setDefaultTimeout(TIMEOUT);
            const errors: string[] = [];
            page.on('pageerror', (error) => errors.push(error.message));
            await page.goto((own ?? server)!.url);
            await journey.run(new Customer(page, cell, name));
            assert.deepEqual(errors, [], 'no uncaught error in the page');
          } finally {
            await context.close();
            await own?.close();
          }
          t.diagnostic(`${name} ${cell.width} ${cell.mode}: ${Math.round(performance.now() - started)} ms`);
        });
      }
    }
  });
}

/** The demo server's URL, for journeys that type an address into the address bar. */
export function origin(page: Page): string {
  return new URL(page.url()).origin;
}
