// Faults injected with MSW: each becomes the documented typed error; reads
// retry, writes never do.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  AbortedError,
  ContractError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  createClient,
  isRetryable,
  isWebBillingError,
  type WebBillingError,
} from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const server = setupServer();
const history = {
  currentMonth: '2026-11',
  months: [{ month: '2026-11', amount: 1234, dueDate: '2026-11-26', status: 'provisional', breakdownAvailable: true }],
};
const errorBody = (code: string, message = 'x') => ({ error: { code, message }, requestId: 'req-1' });

before(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** Counts requests to a path while answering with `respond`. */
function count(method: 'get' | 'post', path: string, respond: (n: number) => Response | Promise<Response>) {
  const calls = { n: 0 };
  server.use(
    http[method](`${BASE}${path}`, async () => {
      calls.n++;
      return respond(calls.n);
    }),
  );
  return calls;
}

/** Resolves once `check()` holds, polling every few milliseconds. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

const client = (options: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: BASE, retry: 0, timeout: 2_000, ...options });

describe('SDK faults', () => {
  const cases: Array<{ name: string; respond: () => Response | Promise<Response>; error: abstract new (...args: never[]) => WebBillingError; code: string }> = [
    { name: 'offline', respond: () => HttpResponse.error(), error: NetworkError, code: 'network' },
    { name: '500 with a contract body', respond: () => HttpResponse.json(errorBody('internal'), { status: 500 }), error: ServerError, code: 'internal' },
    { name: '502 with an HTML body', respond: () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }), error: ServerError, code: 'server' },
    { name: 'malformed JSON', respond: () => new HttpResponse('{"currentMonth": "2026-', { status: 200, headers: { 'content-type': 'application/json' } }), error: ContractError, code: 'contract' },
    { name: 'a body that breaks the schema', respond: () => HttpResponse.json({ currentMonth: '2026-11', months: [{ month: 'Nov', amount: '1234' }] }), error: ContractError, code: 'contract' },
    { name: 'an error status without a contract body', respond: () => HttpResponse.json({ oops: true }, { status: 400 }), error: ContractError, code: 'contract' },
  ];
  for (const c of cases) {
    it(`turns ${c.name} into ${c.error.name} (${c.code})`, async () => {
      count('get', '/billing/history', c.respond);
      await assert.rejects(client().billing.history(), (error: unknown) => {
        assert.ok(error instanceof c.error, `expected ${c.error.name}, got ${String(error)}`);
        assert.equal(error.code, c.code);
        assert.ok(isWebBillingError(error));
        return true;
      });
    });
  }

  it('turns a slow answer into TimeoutError', async () => {
    count('get', '/billing/history', async () => {
      await delay(500);
      return HttpResponse.json(history);
    });
    await assert.rejects(client({ timeout: 50 }).billing.history(), TimeoutError);
  });

  it('turns 429 into RateLimitedError carrying Retry-After', async () => {
    count('post', '/auth/login', () => HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'retry-after': '7' } }));
    await assert.rejects(client().auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }), (error: unknown) => {
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.retryAfter, 7);
      assert.match(error.message, /7 seconds/);
      assert.ok(isRetryable(error));
      return true;
    });
  });

  it('retries a read after a 500 and succeeds', async () => {
    const calls = count('get', '/billing/history', (n) => (n < 3 ? HttpResponse.json(errorBody('internal'), { status: 500 }) : HttpResponse.json(history)));
    const result = await client({ retry: 2 }).billing.history({});
    assert.equal(result.months[0]?.amount, 1234);
    assert.equal(calls.n, 3);
  });

  it('retries a read after 429, waiting for Retry-After', async () => {
    const calls = count('get', '/billing/history', (n) =>
      n === 1 ? HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'retry-after': '1' } }) : HttpResponse.json(history),
    );
    const started = Date.now();
    await client({ retry: 1 }).billing.history();
    assert.equal(calls.n, 2);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
  });

  it('retries a read after a network error', async () => {
    const calls = count('get', '/billing/history', (n) => (n === 1 ? HttpResponse.error() : HttpResponse.json(history)));
    await client({ retry: 1 }).billing.history();
    assert.equal(calls.n, 2);
  });

  it('retries a read that timed out, and succeeds when the next attempt answers in time', async () => {
    const calls = count('get', '/billing/history', async (n) => {
      if (n === 1) await delay(500);
      return HttpResponse.json(history);
    });
    const result = await client({ retry: 1, timeout: 100 }).billing.history();
    assert.equal(result.months[0]?.amount, 1234);
    assert.equal(calls.n, 2);
  });

  it('does not wait for a Retry-After over a minute: the read fails at once with the delay to show', async () => {
    const calls = count('get', '/billing/history', () => HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'retry-after': '120' } }));
    const started = Date.now();
    await assert.rejects(client({ retry: 3 }).billing.history(), (error: unknown) => {
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.retryAfter, 120);
      return true;
    });
    assert.equal(calls.n, 1);
    assert.ok(Date.now() - started < 1_000, 'did not wait');
  });

  it('fails at once with the rate limit (and its delay) when the asked-for wait would outlast totalTimeout', async () => {
    const calls = count('get', '/billing/history', () => HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'retry-after': '5' } }));
    await assert.rejects(client({ retry: 3, totalTimeout: 1_000 }).billing.history(), (error: unknown) => {
      assert.ok(error instanceof RateLimitedError, `got ${String(error)}`);
      assert.equal(error.retryAfter, 5);
      return true;
    });
    assert.equal(calls.n, 1);
  });

  it('times out a body that starts but never finishes (the timeout covers reading the body)', async () => {
    // A fetch of our own (MSW's socket emulation does not like a body cut off mid-stream).
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"currentMonth":"2026-11",'));
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return new Response(stream, { headers: { 'content-type': 'application/json' } });
    };
    await assert.rejects(client({ timeout: 150, fetch }).billing.history(), TimeoutError);
  });

  it('turns whatever a custom fetch rejects with into NetworkError, keeping it as the cause', async () => {
    const failure = new Error('proxy refused');
    const fetch = async (): Promise<Response> => {
      throw failure;
    };
    await assert.rejects(client({ fetch }).billing.history(), (error: unknown) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.cause, failure);
      return true;
    });
  });

  it('aborts the wait between two attempts when the signal aborts', async () => {
    const calls = count('get', '/billing/history', () => new HttpResponse(null, { status: 503, headers: { 'retry-after': '30' } }));
    const controller = new AbortController();
    const pending = client({ retry: 2 }).billing.history({ signal: controller.signal });
    await until(() => calls.n === 1);
    const started = Date.now();
    controller.abort();
    await assert.rejects(pending, AbortedError);
    assert.ok(Date.now() - started < 1_000, 'did not sit out the 30 s wait');
    assert.equal(calls.n, 1);
  });

  it('never retries a write', async () => {
    const calls = count('post', '/auth/login', () => HttpResponse.json(errorBody('internal'), { status: 500 }));
    await assert.rejects(client({ retry: 3 }).auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }), ServerError);
    assert.equal(calls.n, 1);
  });

  it('never retries a write after a network error', async () => {
    const calls = count('post', '/password-reissue', () => HttpResponse.error());
    await assert.rejects(
      client({ retry: 3 }).passwordReissue.request({ loginId: 'a', email: 'a@b.jp', questionId: 'q', answer: 'x' }),
      NetworkError,
    );
    assert.equal(calls.n, 1);
  });

  it('turns an abort mid-request into AbortedError', async () => {
    count('get', '/billing/history', async () => {
      await delay(1_000);
      return HttpResponse.json(history);
    });
    const controller = new AbortController();
    const pending = client().billing.history({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, AbortedError);
  });

  it('rejects at once with AbortedError when the signal is already aborted', async () => {
    const calls = count('get', '/billing/history', () => HttpResponse.json(history));
    await assert.rejects(client().billing.history({ signal: AbortSignal.abort() }), AbortedError);
    assert.equal(calls.n, 0);
  });

  it('shares one request between identical concurrent reads', async () => {
    const calls = count('get', '/billing/history', async () => {
      await delay(30);
      return HttpResponse.json(history);
    });
    const c = client();
    const [a, b, d] = await Promise.all([c.billing.history(), c.billing.history(), c.billing.history()]);
    assert.equal(calls.n, 1);
    assert.deepEqual(a, b);
    assert.deepEqual(b, d);
  });

  it('keeps a shared read alive for the callers that did not abort', async () => {
    const calls = count('get', '/billing/history', async () => {
      await delay(50);
      return HttpResponse.json(history);
    });
    const c = client();
    const controller = new AbortController();
    const aborted = c.billing.history({ signal: controller.signal });
    const kept = c.billing.history();
    controller.abort();
    await assert.rejects(aborted, AbortedError);
    assert.equal((await kept).months.length, 1);
    assert.equal(calls.n, 1);
  });

  it('never puts a contract error value (which may be secret) in the message', async () => {
    count('get', '/billing/history', () => HttpResponse.json({ currentMonth: 'SECRET-VALUE', months: [] }));
    await assert.rejects(client().billing.history(), (error: unknown) => {
      assert.ok(error instanceof ContractError);
      assert.doesNotMatch(error.message, /SECRET-VALUE/);
      assert.match(error.message, /currentMonth/);
      return true;
    });
  });
});
