// Transport edge cases found in review, each with a fetch of our own (no
// network, no MSW): a fetch that ignores its signal, Retry-After values that
// are not a delay, a per-attempt timeout too long for setTimeout, and shared
// reads that are not identical or outlive an abandoned one.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { AbortedError, RateLimitedError, TimeoutError, createClient } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const history = {
  currentMonth: '2026-11',
  months: [{ month: '2026-11', amount: 1234, dueDate: '2026-11-26', status: 'provisional', breakdownAvailable: true }],
};
const ok = () => Response.json(history);
type Fetch = typeof globalThis.fetch;
const client = (fetch: Fetch, options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: BASE, retry: 0, timeout: 2_000, fetch, ...options });

/** Settles like `promise`, or fails the test after `ms` instead of hanging it. */
function within<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** A fetch that rejects when its signal aborts, answering `respond()` after `ms`. */
const honouring =
  (ms: number, respond: () => Response = ok): Fetch =>
  (_input, init) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(respond()), ms);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });

describe('transport: a fetch that ignores its signal', () => {
  const never: Fetch = () => new Promise(() => {});

  it('still times out', async () => {
    await assert.rejects(within(client(never, { timeout: 100 }).billing.history()), TimeoutError);
  });

  it('still stops at totalTimeout', async () => {
    await assert.rejects(within(client(never, { timeout: 60_000, totalTimeout: 150 }).billing.history()), TimeoutError);
  });

  it('still aborts when the caller aborts (read and write)', async () => {
    const controller = new AbortController();
    const read = client(never).billing.history({ signal: controller.signal });
    const write = client(never).auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(within(read), AbortedError);
    await assert.rejects(within(write), AbortedError);
  });

  it('still times out a body that never ends and ignores cancellation', async () => {
    const fetch: Fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"currentMonth":')) }), {
        headers: { 'content-type': 'application/json' },
      });
    await assert.rejects(within(client(fetch, { timeout: 100 }).billing.history()), TimeoutError);
  });
});

describe('transport: Retry-After', () => {
  const retryAfterOf = async (value: string) => {
    const fetch: Fetch = async () => new Response(null, { status: 429, headers: { 'retry-after': value } });
    const error = await client(fetch).billing.history().catch((e: unknown) => e);
    assert.ok(error instanceof RateLimitedError);
    return error.retryAfter;
  };

  it('takes delay-seconds and HTTP dates', async () => {
    assert.equal(await retryAfterOf('120'), 120);
    const later = await retryAfterOf(new Date(Date.now() + 120_000).toUTCString());
    assert.ok(later !== undefined && later >= 110 && later <= 121, String(later));
    assert.equal(await retryAfterOf(new Date(Date.now() - 120_000).toUTCString()), 0);
  });

  it('ignores what is neither (negative, exponent, hex, words), instead of retrying at once', async () => {
    for (const value of ['-5', '1e3', '0x10', '5 seconds', 'soon 2']) {
      assert.equal(await retryAfterOf(value), undefined, value);
    }
  });
});

describe('transport: timeouts longer than setTimeout can count', () => {
  for (const timeout of [Infinity, 2 ** 31]) {
    it(`does not time out at once with timeout ${timeout}`, async () => {
      assert.deepEqual(await within(client(honouring(30), { timeout }).billing.history()), history);
    });
  }
});

describe('transport: shared reads', () => {
  it('does not share reads whose headers differ', async () => {
    const seen: Array<string | null> = [];
    const fetch: Fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers).get('x-trace'));
      await new Promise((r) => setTimeout(r, 20));
      return ok();
    };
    const c = client(fetch);
    await Promise.all([c.billing.history({ headers: { 'x-trace': 'a' } }), c.billing.history({ headers: { 'x-trace': 'b' } })]);
    assert.deepEqual(seen.sort(), ['a', 'b']);
  });

  it('does not give a caller with a long timeout the result of one with a short timeout', async () => {
    const c = client(honouring(300));
    const [short, long] = await Promise.allSettled([c.billing.history({ timeout: 50 }), c.billing.history({ timeout: 5_000 })]);
    assert.equal(short.status, 'rejected');
    assert.ok((short as PromiseRejectedResult).reason instanceof TimeoutError);
    assert.deepEqual(long, { status: 'fulfilled', value: history });
  });

  it('an abandoned read, settling late, does not stop the next identical reads from sharing', async () => {
    let calls = 0;
    const release: Array<() => void> = [];
    const fetch: Fetch = (_input, init) => {
      calls++;
      return new Promise((resolve, reject) => {
        release.push(() => resolve(ok()));
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    };
    const c = client(fetch);
    const controller = new AbortController();
    const first = c.billing.history({ signal: controller.signal });
    controller.abort();
    const second = c.billing.history(); // starts while the abandoned request is still winding down
    await assert.rejects(first, AbortedError);
    await new Promise((r) => setTimeout(r, 20)); // the abandoned one has settled by now
    const third = c.billing.history();
    for (const r of release) r();
    assert.deepEqual(await Promise.all([second, third]), [history, history]);
    assert.equal(calls, 2, 'the abandoned read, then one request shared by the second and third');
  });

  it('calls the caller\'s fetch without a receiver (window.fetch passed as an option must not throw "Illegal invocation")', async () => {
    const receivers: unknown[] = [];
    const fetch = function (this: unknown) {
      receivers.push(this);
      return Promise.resolve(ok());
    } as Fetch;
    await client(fetch).billing.history();
    assert.ok(receivers.every((r) => r === undefined || r === globalThis));
  });
});

describe('transport: a long-lived caller signal', () => {
  it('keeps no listener after a success, a retried read, a failed write, a sibling\'s abort and a network failure', async () => {
    let n = 0;
    const fetch: Fetch = async () => (++n % 2 ? new Response(null, { status: 503, headers: { 'retry-after': '0' } }) : ok());
    const c = client(fetch, { retry: 1 });
    const signal = new AbortController().signal;
    await c.billing.history({ signal }); // 503, then 200
    await c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }, { signal }).catch(() => {});
    const sibling = new AbortController();
    const mine = c.billing.history({ signal });
    const theirs = c.billing.history({ signal: sibling.signal });
    sibling.abort();
    await mine;
    await assert.rejects(theirs, AbortedError);
    const offline = async (): Promise<Response> => {
      throw new Error('offline');
    };
    await client(offline, { retry: 1 }).billing.history({ signal }).catch(() => {});
    assert.equal(getEventListeners(signal, 'abort').length, 0);
  });
});
