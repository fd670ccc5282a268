/**
 * `npm run bench -- bench/breakdown-input.bench.ts`: the long version of the
 * `<wb-breakdown>` random-input stress test (test/browser/breakdown.test.ts
 * runs 3 seeds × 250 actions in CI). Here: SEEDS × ACTIONS seeded random
 * Tab / Shift+Tab / Enter / Space / real mouse clicks on summaries, on the
 * corporate 128-line bill (corp-admin1, 2026-11) at 1280 × 800 and 360 × 740,
 * every line closed at the start, then again after "Open all". Chromium's
 * renderer crashed under such input while the line `<details>` had
 * `content-visibility: auto` (docs/benchmarks.md, "Renderer crash"); a crash
 * ends the page and fails this run. Each row reports the actions sent and
 * the time they took.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import '../components/breakdown/define.js';
import type { WbBreakdown } from '../components/breakdown/breakdown.js';
import { mountInProvider, testClient, until, useBackend } from '../test/support/backend.js';
import { sendRandomInput } from '../test/support/random-input.js';

const SEEDS = [11, 12, 13, 14, 15];
const ACTIONS = 600;

useBackend();

describe('breakdown random input', () => {
  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    for (const openAll of [false, true]) {
      it(`${width} × ${height}, ${openAll ? 'after Open all' : 'lines closed'}`, async () => {
        await setViewport({ width, height });
        const client = testClient();
        await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
        const { el } = await mountInProvider<WbBreakdown>(html`<wb-breakdown month="2026-11"></wb-breakdown>`, client);
        await until(() => el.shadowRoot!.querySelector('[part~="total"]'), 5_000, 'loaded');
        expect(el.shadowRoot!.querySelectorAll('[part~="line"]').length).to.equal(128);
        const start = performance.now();
        let actions = 0;
        for (const seed of SEEDS) {
          if (openAll) el.openAll();
          await el.allRendered;
          actions += (await sendRandomInput(el.shadowRoot!, seed, ACTIONS)).length;
        }
        const ms = performance.now() - start;
        console.log('BENCH ' + JSON.stringify({ bench: 'breakdown-input', case: `${width}×${height}${openAll ? ' open all' : ''}`, median: ms / actions, unit: 'ms/action', actions, seeds: SEEDS.length, crashed: 0 }));
        el.closest('wb-provider')?.remove();
      });
    }
  }
});
