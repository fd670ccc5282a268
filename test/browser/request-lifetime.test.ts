/**
 * No request outlives its element: removing a data element while its load is
 * in flight aborts the request (the signal a partner's `fetch` sees aborts),
 * and putting the element back loads again. Issue 13, item 12.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../components/billing-list/define.js';
import '../../components/billing-summary/define.js';
import '../../components/breakdown/define.js';
import '../../components/line-picker/define.js';
import '../../components/top/define.js';
import { createClient } from '../../src/index.js';
import { BASE, until, useBackend } from '../support/backend.js';

useBackend();

const TARO = { loginId: 'taro2024', password: 'Sakura2024!' };

/** A `fetch` that records the signal of each read and holds reads until `open()`. */
function heldFetch() {
  const reads: { url: string; signal: AbortSignal | null | undefined }[] = [];
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  const fetchFn: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method === 'GET') {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      reads.push({ url, signal });
      await gate;
      signal?.throwIfAborted();
    }
    return fetch(input, init);
  };
  return {
    fetchFn,
    reads,
    open: () => open(),
    hold: () => (gate = new Promise<void>((resolve) => (open = resolve))),
  };
}

const ELEMENTS = [
  { tag: 'wb-billing-list', template: html`<wb-billing-list></wb-billing-list>`, path: '/billing/history' },
  { tag: 'wb-billing-summary', template: html`<wb-billing-summary month="2026-11"></wb-billing-summary>`, path: '/billing/months/2026-11/summary' },
  { tag: 'wb-breakdown', template: html`<wb-breakdown month="2026-11"></wb-breakdown>`, path: '/billing/months/2026-11/breakdown' },
  { tag: 'wb-top', template: html`<wb-top></wb-top>`, path: '/account' },
  { tag: 'wb-line-picker', template: html`<wb-line-picker></wb-line-picker>`, path: '/account/lines' },
] as const;

describe('data elements and the lifetime of their requests', () => {
  for (const { tag, template, path } of ELEMENTS) {
    it(`<${tag}> aborts its load when removed, and loads again when put back`, async () => {
      const held = heldFetch();
      const client = createClient({ baseUrl: BASE, retry: 0, timeout: 5_000, fetch: held.fetchFn });
      held.open();
      await client.auth.login(TARO);
      held.hold();
      const provider = await fixture<HTMLElement>(html`<wb-provider .client=${client}>${template}</wb-provider>`);
      const el = provider.querySelector(tag)!;
      await until(() => held.reads.some((r) => r.url.includes(path)), 3_000, `the ${path} request`);
      const inFlight = held.reads.filter((r) => !r.signal?.aborted);
      expect(inFlight.length).to.be.greaterThan(0);

      el.remove();
      await until(() => inFlight.every((r) => r.signal?.aborted), 3_000, 'every request in flight to abort');

      const before = held.reads.length;
      held.open();
      provider.append(el);
      await until(() => held.reads.length > before, 3_000, 'a new request after reconnecting');
      await until(() => !el.shadowRoot!.querySelector('[part~="loading"]') && !el.shadowRoot!.querySelector('[part~="error"]'), 5_000, 'the data');
      expect(held.reads.slice(before).every((r) => !r.signal?.aborted)).to.equal(true);
    });
  }
});
