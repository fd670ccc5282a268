import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { css, html, LitElement } from 'lit';
import { WindowController } from '../../components/line-picker/window-controller.js';

/**
 * A list of `count` rows of `--row` px in a scroller of at most `--viewport`
 * px, windowed by a WindowController, as the line picker uses it; the
 * listbox takes the keys the picker's input passes on.
 */
class WindowHost extends LitElement {
  static override properties = { count: { type: Number }, shown: { type: Boolean } };
  static override styles = css`
    .scroller {
      position: relative;
      max-height: var(--viewport, 200px);
      overflow-y: auto;
    }
    .scroller::before {
      content: '';
      display: block;
      height: var(--total, 0);
    }
    [role='option'] {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      height: var(--row, 20px);
    }
  `;

  declare count: number;
  declare shown: boolean;
  readonly list = new WindowController(this, {
    count: () => this.count,
    scroller: () => (this.shown ? this.renderRoot.querySelector<HTMLElement>('.scroller') : null),
  });

  constructor() {
    super();
    this.count = 100;
    this.shown = true;
  }

  protected override render() {
    if (!this.shown) return html``;
    const { first, last } = this.list.range;
    const rows = [];
    for (let p = first; p < last; p++) {
      rows.push(html`<div role="option" data-position=${p} aria-selected=${p === this.list.active ? 'true' : 'false'} style="transform: translateY(${this.list.offset(p)}px)">${p}</div>`);
    }
    return html`<div
      class="scroller"
      role="listbox"
      tabindex="0"
      aria-label="Rows"
      style="--total: ${this.list.height}px"
      @scroll=${this.list.onScroll}
      @keydown=${(e: KeyboardEvent) => {
        if (this.list.move(e.key)) e.preventDefault();
      }}
    >
      ${rows}
    </div>`;
  }
}
customElements.define('test-window-host', WindowHost);

const scroller = (el: WindowHost) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
/** The positions of the rows in the DOM. */
const rendered = (el: WindowHost) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => Number(o.dataset.position));
const rows = (first: number, last: number) => Array.from({ length: last - first }, (_, i) => first + i);

/** Mounts a shown list of `count` rows of `row` px in a `viewport` px scroller, measured. */
async function mount({ count = 100, row = 20, viewport = 200 } = {}): Promise<WindowHost> {
  const el = await fixture<WindowHost>(html`<test-window-host .count=${count} style="--row: ${row}px; --viewport: ${viewport}px"></test-window-host>`);
  // The first update shows the list and measures it; the sizes it read render in the next.
  await el.updateComplete;
  return el;
}

async function scrollTo(el: WindowHost, top: number): Promise<void> {
  const scrolled = oneEvent(scroller(el), 'scroll');
  scroller(el).scrollTop = top;
  await scrolled;
  await el.updateComplete;
}

async function move(el: WindowHost, key: string): Promise<void> {
  el.list.move(key);
  await el.updateComplete;
}

/** The active row, where the list is scrolled (held, and in the scroller) and the rows rendered (`first` to `last - 1`). */
function expectWindow(el: WindowHost, active: number, scrollTop: number, [first, last]: [number, number]): void {
  expect(el.list.active, 'active row').to.equal(active);
  expect([el.list.scrollTop, scroller(el).scrollTop], 'scrollTop').to.deep.equal([scrollTop, scrollTop]);
  expect(rendered(el), 'rendered rows').to.deep.equal(rows(first, last));
  if (active >= 0) expect(inView(el, active), 'active row in view').to.equal(true);
}

/** Whether row `position` is inside the scroller's box. */
function inView(el: WindowHost, position: number): boolean {
  const option = el.shadowRoot!.querySelector(`[data-position="${position}"]`)!.getBoundingClientRect();
  const view = scroller(el).getBoundingClientRect();
  return option.top >= view.top - 1 && option.bottom <= view.bottom + 1;
}

describe('WindowController', () => {
  it('renders the rows in view and 6 below at the top of a measured list (20 px rows, 200 px list: rows 0 to 15)', async () => {
    const el = await mount();
    expect(rendered(el)).to.deep.equal(rows(0, 16));
    expect(el.list.height).to.equal(2_000);
    expect(el.list.pageSize).to.equal(9);
  });

  it('renders 6 rows either side of the window scrolled to (1,000 px: rows 44 to 65)', async () => {
    const el = await mount();
    await scrollTo(el, 1_000);
    expect(el.list.scrollTop).to.equal(1_000);
    expect(rendered(el)).to.deep.equal(rows(44, 66));
  });

  it('stops at the last row at the end of the list', async () => {
    const el = await mount();
    await scrollTo(el, 1_800);
    expect(rendered(el)).to.deep.equal(rows(84, 100));
  });

  it('renders every row of a list shorter than its window', async () => {
    const el = await mount({ count: 5 });
    expect(rendered(el)).to.deep.equal(rows(0, 5));
  });

  it('measures the rows and the list when the list shows (30 px rows, 150 px list: rows 0 to 10)', async () => {
    const el = await mount({ row: 30, viewport: 150 });
    expect(rendered(el)).to.deep.equal(rows(0, 11));
    expect(el.list.height).to.equal(3_000);
    expect(el.list.pageSize).to.equal(4);
  });

  it('measures again when the list shows again, after its rows changed size', async () => {
    const el = await mount();
    el.shown = false;
    await el.updateComplete;
    el.style.setProperty('--row', '40px');
    el.shown = true;
    await el.updateComplete;
    await el.updateComplete;
    expect(rendered(el)).to.deep.equal(rows(0, 11));
  });

  it('moves the active row with ArrowDown and ArrowUp, within the list', async () => {
    const el = await mount();
    expect(el.list.active).to.equal(-1);
    await move(el, 'ArrowDown');
    expect(el.list.active).to.equal(0);
    await move(el, 'ArrowUp');
    expect(el.list.active, 'no row before the first').to.equal(0);
    await move(el, 'ArrowDown');
    await move(el, 'ArrowDown');
    expect(el.list.active).to.equal(2);
    expect(el.list.scrollTop, 'row 2 was in view: no scroll').to.equal(0);
  });

  it('moves by a page with PageDown and PageUp, from the first row when none is active, scrolling the active row into view', async () => {
    const el = await mount();
    await move(el, 'PageDown');
    expect(el.list.active).to.equal(9);
    await move(el, 'PageDown');
    // Row 18 ends at 380 px: the list scrolls so that it is the last row in view.
    expectWindow(el, 18, 180, [3, 25]);
    await move(el, 'PageUp');
    // Row 9 was in view: no scroll.
    expectWindow(el, 9, 180, [3, 25]);
    await move(el, 'PageUp');
    await move(el, 'PageUp');
    expectWindow(el, 0, 0, [0, 16]);
  });

  it('goes to the last row with End and back to the first with Home, rendering the rows there', async () => {
    const el = await mount();
    await move(el, 'End');
    expectWindow(el, 99, 1_800, [84, 100]);
    await move(el, 'Home');
    expectWindow(el, 0, 0, [0, 16]);
  });

  it('takes the listbox keys from the keyboard, and only those', async () => {
    const el = await mount();
    scroller(el).focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.list.active).to.equal(99);
    expect(el.list.move('Enter')).to.equal(false);
    expect(el.list.move('a')).to.equal(false);
    expect(el.list.active).to.equal(99);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.list.active).to.equal(98);
    expect(el.shadowRoot!.querySelector('[aria-selected="true"]')!.textContent).to.equal('98');
  });

  it('goes back to the top with nothing active on reset, and follows a shorter list', async () => {
    const el = await mount();
    await move(el, 'End');
    el.count = 30;
    el.list.reset();
    await el.updateComplete;
    expectWindow(el, -1, 0, [0, 16]);
    await move(el, 'End');
    expectWindow(el, 29, 400, [14, 30]);
  });

  it('clears the active row without moving the list', async () => {
    const el = await mount();
    await scrollTo(el, 500);
    await move(el, 'ArrowDown');
    // Row 0 is above the window: the list scrolls back to it.
    expect(el.list.scrollTop).to.equal(0);
    el.list.clearActive();
    await el.updateComplete;
    expect(el.list.active).to.equal(-1);
    expect(el.list.scrollTop).to.equal(0);
  });
});
