// The transport on ky 2: what the SDK hands ky (a partner's instance, the
// retry policy with its jitter) and what it keeps doing itself (a caller's
// fetch called as before, fetch rejections as network failures, ky's errors
// kept out of ours). Each with a fetch of our own: no network, no MSW.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import ky from 'ky';
import { clientOverFetch } from '../../../docs/guides/samples/own-fetch.js';
import { NetworkError, ServerError, TimeoutError, ValidationError, createClient, type ClientOptions } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const history = {
  currentMonth: '2026-11',
  months: [{ month: '2026-11', amount: 1234, dueDate: '2026-11-26', status: 'provisional', breakdownAvailable: true }],
};
const session = { stage: 'active', token: 'tok-SECRET-0123456789abcdef0123456789', loginId: 'taro2024', expiresAt: '2026-11-25T11:00:00+09:00' };
type Fetch = typeof globalThis.fetch;
const client = (options: Partial<ClientOptions> = {}) => createClient({ baseUrl: BASE, retry: 0, timeout: 2_000, ...options });
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input));

describe('transport: a partner\'s ky instance', () => {
  it('keeps its hooks, headers and fetch, and sends with the SDK\'s timeouts, retries and typed errors', async () => {
    const seen: Array<{ url: string; trace: string | null; app: string | null }> = [];
    let retries = 0;
    let n = 0;
    const api = ky.create({
      // What the SDK overrides: its calls retry reads, time out, and throw on error statuses.
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      headers: { 'x-app': 'portal' },
      hooks: {
        beforeRequest: [({ request }) => request.headers.set('x-trace-id', 'trace-1')],
        beforeRetry: [() => void retries++],
      },
      fetch: async (input) => {
        const request = input as Request;
        seen.push({ url: request.url, trace: request.headers.get('x-trace-id'), app: request.headers.get('x-app') });
        return ++n === 1 ? new Response(null, { status: 502 }) : Response.json(history);
      },
    });
    assert.deepEqual(await client({ ky: api, retry: 1 }).billing.history(), history);
    assert.equal(seen.length, 2, 'the read was retried once');
    assert.equal(retries, 1, 'beforeRetry ran before the retry');
    for (const s of seen) assert.deepEqual(s, { url: `${BASE}/billing/history`, trace: 'trace-1', app: 'portal' });

    n = 0;
    await assert.rejects(client({ ky: api, retry: 3 }).auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }), ServerError);
    assert.equal(n, 1, 'a write is never retried');

    const slow = ky.create({ timeout: false, fetch: () => new Promise<Response>(() => {}) });
    await assert.rejects(client({ ky: slow, timeout: 50 }).billing.history(), TimeoutError);
  });

  it('sends through the caller\'s fetch when given both', async () => {
    const hooked: string[] = [];
    const api = ky.create({ hooks: { beforeRequest: [({ request }) => void hooked.push(request.url)] } });
    const urls: string[] = [];
    const fetch: Fetch = async (input) => {
      urls.push(urlOf(input));
      return Response.json(history);
    };
    await client({ ky: api, fetch }).billing.history();
    assert.deepEqual(urls, [`${BASE}/billing/history`]);
    assert.deepEqual(hooked, urls);
  });
});

describe('transport: the caller\'s fetch', () => {
  it('is called as before: a URL string, plain headers with the bearer token, a JSON string body and a signal', async () => {
    const calls: Array<{ input: unknown; init: RequestInit | undefined }> = [];
    const fetch: Fetch = async (input, init) => {
      calls.push({ input, init });
      return urlOf(input).endsWith('/auth/login') ? Response.json(session) : Response.json(history);
    };
    const c = client({ fetch });
    await c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    await c.billing.history({ headers: { 'x-trace': 't' } });
    const [login, read] = calls;
    assert.equal(login?.input, `${BASE}/auth/login`);
    assert.equal(login?.init?.method, 'POST');
    assert.equal(typeof login?.init?.body, 'string');
    assert.deepEqual(JSON.parse(login?.init?.body as string), { loginId: 'taro2024', password: 'Sakura2024!' });
    assert.equal((login?.init?.headers as Record<string, string>)['content-type'], 'application/json');
    assert.equal(read?.input, `${BASE}/billing/history`);
    assert.equal(read?.init?.body, null);
    assert.ok(read?.init?.signal instanceof AbortSignal);
    const headers = read?.init?.headers as Record<string, string>;
    assert.equal(Object.getPrototypeOf(headers), Object.prototype, 'plain headers, which a spread keeps');
    assert.equal(headers.authorization, `Bearer ${session.token}`);
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['x-trace'], 't');
  });

  it('the guide\'s fetch sample adds its header to every call', async () => {
    const traces: Array<string | null> = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (_input, init) => {
      traces.push(new Headers(init?.headers).get('x-trace-id'));
      return Response.json(history);
    };
    try {
      assert.deepEqual(await clientOverFetch(BASE, 'trace-9').billing.history(), history);
    } finally {
      globalThis.fetch = original;
    }
    assert.deepEqual(traces, ['trace-9']);
  });

  it('a read is retried after whatever the fetch rejects with, which ky alone would not retry', async () => {
    const failure = new Error('proxy refused');
    let calls = 0;
    const fetch: Fetch = async () => {
      if (++calls === 1) throw failure;
      return Response.json(history);
    };
    assert.deepEqual(await client({ fetch, retry: 1 }).billing.history(), history);
    assert.equal(calls, 2);
    calls = 0;
    const offline: Fetch = async () => {
      calls++;
      throw failure;
    };
    await assert.rejects(client({ fetch: offline, retry: 2 }).auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.cause, failure);
      return true;
    });
    assert.equal(calls, 1, 'never a write');
  });
});

describe('transport: retry timing', () => {
  it('waits 0.3 s doubling, each wait jittered to between half and all of it', async (t) => {
    // The waits ky asks setTimeout for, run at once: exact figures, whatever the machine's load.
    const original = globalThis.setTimeout;
    const asked: number[] = [];
    t.mock.method(globalThis, 'setTimeout', ((fn: () => void, ms?: number) => {
      if (ms === 2_000) return original(fn, ms); // the per-attempt timeout
      asked.push(ms ?? 0);
      return original(fn, 0);
    }) as typeof setTimeout);
    const waitsWith = async (random: number) => {
      const draw = t.mock.method(Math, 'random', () => random);
      asked.length = 0;
      let n = 0;
      const fetch: Fetch = async () => (++n < 4 ? new Response(null, { status: 503 }) : Response.json(history));
      await client({ fetch, retry: 3 }).billing.history();
      draw.mock.restore();
      return [...asked];
    };
    assert.deepEqual(await waitsWith(0), [150, 300, 600], 'half of 0.3, 0.6 and 1.2 s');
    assert.deepEqual(await waitsWith(0.5), [225, 450, 900]);
    assert.deepEqual(await waitsWith(1), [300, 600, 1200], 'all of them');
  });

  it('never waits over 5 s without a Retry-After', async (t) => {
    const original = globalThis.setTimeout;
    const asked: number[] = [];
    t.mock.method(globalThis, 'setTimeout', ((fn: () => void, ms?: number) => {
      if (ms === 2_000) return original(fn, ms);
      asked.push(ms ?? 0);
      return original(fn, 0);
    }) as typeof setTimeout);
    t.mock.method(Math, 'random', () => 1);
    let n = 0;
    const fetch: Fetch = async () => (++n < 7 ? new Response(null, { status: 502 }) : Response.json(history));
    await client({ fetch, retry: 6 }).billing.history();
    assert.deepEqual(asked, [300, 600, 1200, 2400, 4800, 5000]);
  });
});

describe('transport: ky\'s errors stay out of ours', () => {
  it('no error carries the bearer token or the password, however it is printed', async () => {
    const answers: Record<string, () => Response | Promise<Response>> = {
      server: () => Response.json({ error: { code: 'internal', message: 'x' }, requestId: 'r' }, { status: 500 }),
      timeout: () => new Promise<Response>(() => {}),
      network: () => Promise.reject(new TypeError('fetch failed')),
      validation: () => Response.json({ error: { code: 'validation_failed', message: 'x', fields: [] }, requestId: 'r' }, { status: 422 }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      const fetch: Fetch = async (input) => (urlOf(input).endsWith('/auth/login') ? Response.json(session) : answer());
      const c = client({ fetch, timeout: 100 });
      await c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
      const read = await c.billing.history().catch((e: unknown) => e);
      const write = await c.credentials
        .changePassword({ currentPassword: 'Sakura2024!', newPassword: 'Kaede2026!x', newPasswordConfirm: 'Kaede2026!x' })
        .catch((e: unknown) => e);
      for (const error of [read, write]) {
        assert.ok(error instanceof Error, name);
        if (name === 'validation') assert.ok(read instanceof ValidationError);
        const printed = inspect(error, { depth: 10, showHidden: true });
        assert.doesNotMatch(printed, /SECRET|Sakura2024|Kaede2026/, `${name}: ${printed.slice(0, 200)}`);
      }
    }
  });
});
