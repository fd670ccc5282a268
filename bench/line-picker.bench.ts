/**
 * `npm run bench -- bench/line-picker.bench.ts`: `<wb-line-picker>` with
 * 10,000 lines (set through its `lines` property, no network).
 *
 * - open: ArrowDown in the closed, empty field → the list painted
 *   (the element's update completes → next animation frame → a task after it).
 * - filter, to paint: an `input` event with 3 digits (from the full list) →
 *   the filtered list painted, measured the same way.
 * - filter, computation: `filterLines()` alone over the precomputed index
 *   (the part that runs on every keystroke), per call.
 * - select: Enter on the highlighted option → `wb-line-selected` received;
 *   `paint` is until the closed field is painted.
 * - index: building the search index when the lines arrive (once per load).
 * - frame baseline: the same rAF + setTimeout wait with no work at all. Each
 *   run starts just after a frame (the settling wait ends on one), so "to
 *   paint" includes waiting about one frame (16.7 ms at 60 Hz) for the next
 *   vsync whatever the work; `script` (event → Lit update complete) and
 *   `work` (script + style and layout, forced by reading the first option's
 *   box) say what the element itself costs within that frame.
 *
 * Median of RUNS runs, after one warm-up each; the 3 digits differ from run
 * to run.
 */
import { expect } from '@open-wc/testing';
import { buildLineIndex, filterLines } from '../components/line-picker/line-index.js';
import '../components/line-picker/define.js';
import type { WbLinePicker } from '../components/line-picker/line-picker.js';
import { generatedLines } from '../test/support/generated-lines.js';

const RUNS = 21;
const LINES = 10_000;
const data = generatedLines(LINES);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const task = () => new Promise((resolve) => setTimeout(resolve, 0));
const painted = async () => {
  await frame();
  await task();
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const settle = async () => {
  for (let i = 0; i < 3; i++) await painted();
};
/** Three digits for run `i`, spread over 000–999. */
const digitsFor = (i: number) => String((i * 379 + 123) % 1000).padStart(3, '0');

const input = (el: WbLinePicker) => el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
const key = (el: WbLinePicker, k: string) => input(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
const typeValue = (el: WbLinePicker, value: string) => {
  input(el).value = value;
  input(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
};
const optionCount = (el: WbLinePicker) => el.shadowRoot!.querySelectorAll('[role="option"]').length;

async function mount(): Promise<WbLinePicker> {
  const el = document.createElement('wb-line-picker') as WbLinePicker;
  el.lines = data;
  document.body.append(el);
  await el.updateComplete;
  input(el).focus();
  await settle();
  return el;
}

function report(kase: string, values: number[], extra: Record<string, unknown> = {}): void {
  console.log('BENCH ' + JSON.stringify({ bench: 'line-picker', case: kase, median: median(values), unit: 'ms', max: Math.max(...values), runs: values.length, ...extra }));
}

/** Event → update complete (`script`) → style and layout forced (`work`) → painted (`paint`), in ms from `start`. */
async function phases(el: WbLinePicker, start: number): Promise<{ script: number; work: number; paint: number }> {
  await el.updateComplete;
  const script = performance.now() - start;
  el.shadowRoot!.querySelector('[role="option"]')?.getBoundingClientRect();
  const work = performance.now() - start;
  await painted();
  return { script, work, paint: performance.now() - start };
}

describe('line picker, 10,000 lines', () => {
  it('frame baseline: rAF + setTimeout with no work', async () => {
    const times: number[] = [];
    for (let run = -1; run < RUNS; run++) {
      await settle();
      const start = performance.now();
      await painted();
      if (run >= 0) times.push(performance.now() - start);
    }
    report('frame baseline (no work)', times);
  });

  it('index: build once when the lines arrive', () => {
    buildLineIndex(data);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      buildLineIndex(data);
      times.push(performance.now() - start);
    }
    report('index (once per load)', times);
  });

  it('open: ArrowDown → the list painted', async () => {
    const el = await mount();
    const times: number[] = [];
    const script: number[] = [];
    const work: number[] = [];
    let rendered = 0;
    for (let run = -1; run < RUNS; run++) {
      const start = performance.now();
      key(el, 'ArrowDown');
      const t = await phases(el, start);
      if (run >= 0) {
        times.push(t.paint);
        script.push(t.script);
        work.push(t.work);
      }
      rendered = optionCount(el);
      key(el, 'Escape');
      await el.updateComplete;
      await settle();
    }
    expect(rendered).to.be.greaterThan(0).and.at.most(40);
    report('open', times, { script: median(script), work: median(work), options: rendered });
    el.remove();
  });

  it('filter by 3 digits: input event → the filtered list painted', async () => {
    const el = await mount();
    const times: number[] = [];
    const script: number[] = [];
    const work: number[] = [];
    let matches = 0;
    for (let run = -1; run < RUNS; run++) {
      typeValue(el, '');
      await el.updateComplete;
      await settle();
      const digits = digitsFor(run + 1);
      const start = performance.now();
      typeValue(el, digits);
      const t = await phases(el, start);
      if (run >= 0) {
        times.push(t.paint);
        script.push(t.script);
        work.push(t.work);
      }
      matches = Number(el.shadowRoot!.querySelector('[role="option"]')?.getAttribute('aria-setsize') ?? 0);
    }
    expect(matches).to.be.greaterThan(0);
    report('filter by 3 digits, to paint', times, { script: median(script), work: median(work), lastMatches: matches });
    el.remove();
  });

  it('filter by 3 digits: the computation alone', () => {
    const index = buildLineIndex(data);
    const CALLS = 50;
    for (let i = 0; i < CALLS; i++) filterLines(index, digitsFor(i));
    const perCall: number[] = [];
    let matched = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) matched += filterLines(index, digitsFor(run * CALLS + i)).lines.length;
      perCall.push((performance.now() - start) / CALLS);
    }
    expect(matched).to.be.greaterThan(0);
    report('filter by 3 digits, computation', perCall, { callsPerRun: CALLS, meanMatches: Math.round(matched / (RUNS * CALLS)) });
  });

  it('select: Enter on the highlighted option → wb-line-selected', async () => {
    const el = await mount();
    const toEvent: number[] = [];
    const toPaint: number[] = [];
    let received: string | undefined;
    let start = 0;
    el.addEventListener('wb-line-selected', (e) => {
      received = e.lineNumber;
      toEvent.push(performance.now() - start);
    });
    for (let run = -1; run < RUNS; run++) {
      typeValue(el, digitsFor(run + 1));
      key(el, 'ArrowDown');
      await el.updateComplete;
      await settle();
      received = undefined;
      start = performance.now();
      key(el, 'Enter');
      await el.updateComplete;
      await painted();
      if (run >= 0) toPaint.push(performance.now() - start);
      else toEvent.length = 0;
      expect(received).to.match(/^0\d{10}$/);
      typeValue(el, '');
      key(el, 'Escape');
      await el.updateComplete;
      await settle();
    }
    report('select (Enter → event)', toEvent, { paint: median(toPaint) });
    el.remove();
  });
});
