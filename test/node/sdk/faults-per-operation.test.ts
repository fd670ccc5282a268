// Every fault, on every operation of the SDK (faults.test.ts covers the
// mechanics on a few; this file sweeps them all): each becomes its documented
// typed error; reads retry with backoff within the total timeout; writes are
// never sent twice (the requests the backend saw are counted).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type * as z from 'zod/mini';
import { ENDPOINTS, type EndpointId } from '../../../src/contract/endpoints.js';
import {
  AbortedError,
  ContractError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  createClient,
  type ClientOptions,
  type WebBillingClient,
  type WebBillingError,
} from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const server = setupServer();
before(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** Every SDK operation, by the endpoint it calls. */
const OPERATIONS: Record<EndpointId, (c: WebBillingClient, signal?: AbortSignal) => Promise<unknown>> = {
  'auth.initialLogin': (c, signal) => c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' }, { signal }),
  'auth.login': (c, signal) => c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }, { signal }),
  'auth.logout': (c, signal) => c.auth.logout({ signal }),
  'auth.session': (c, signal) => c.auth.session({ signal }),
  'credentials.policy': (c, signal) => c.credentials.policy({ signal }),
  'credentials.loginIdAvailability': (c, signal) => c.credentials.loginIdAvailability('hanako01', { signal }),
  'credentials.setup': (c, signal) =>
    c.credentials.setup(
      { initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa', newLoginId: 'hanako01', newLoginIdConfirm: 'hanako01', newPassword: 'Hanako2026', newPasswordConfirm: 'Hanako2026' },
      { signal },
    ),
  'credentials.changePassword': (c, signal) =>
    c.credentials.changePassword({ currentPassword: 'Sakura2024!', newPassword: 'Sakura2025!', newPasswordConfirm: 'Sakura2025!' }, { signal }),
  'account.get': (c, signal) => c.account.get({ signal }),
  'account.lines': (c, signal) => c.account.lines({ signal }),
  'billing.history': (c, signal) => c.billing.history({ signal }),
  'billing.breakdown': (c, signal) => c.billing.breakdown('2026-11', undefined, { signal }),
  'billing.summary': (c, signal) => c.billing.summary('2026-11', { signal }),
  'reissueEmail.questions': (c, signal) => c.reissueEmail.questions({ signal }),
  'reissueEmail.status': (c, signal) => c.reissueEmail.status({ signal }),
  'reissueEmail.register': (c, signal) => c.reissueEmail.register({ email: 'a@b.jp', emailConfirm: 'a@b.jp', questionId: 'first-pet', answer: 'x' }, { signal }),
  'reissueEmail.change': (c, signal) => c.reissueEmail.change({ email: 'a@b.jp', emailConfirm: 'a@b.jp', questionId: 'first-pet', answer: 'x' }, { signal }),
  'reissueEmail.delete': (c, signal) => c.reissueEmail.delete({ signal }),
  'reissueEmail.checkLink': (c, signal) => c.reissueEmail.checkLink('t'.repeat(43), { signal }),
  'reissueEmail.confirm': (c, signal) => c.reissueEmail.confirm({ token: 't'.repeat(43), questionId: 'first-pet', answer: 'x' }, { signal }),
  'noticeEmail.status': (c, signal) => c.noticeEmail.status({ signal }),
  'noticeEmail.register': (c, signal) => c.noticeEmail.register({ type: 'mobile', email: 'a@b.jp' }, { signal }),
  'noticeEmail.change': (c, signal) => c.noticeEmail.change({ type: 'mobile', email: 'a@b.jp' }, { signal }),
  'noticeEmail.delete': (c, signal) => c.noticeEmail.delete({ signal }),
  'noticeEmail.checkLink': (c, signal) => c.noticeEmail.checkLink('t'.repeat(43), { signal }),
  'noticeEmail.confirm': (c, signal) => c.noticeEmail.confirm('t'.repeat(43), '09012345678', { signal }),
  'passwordReissue.request': (c, signal) => c.passwordReissue.request({ loginId: 'taro2024', email: 'a@b.jp', questionId: 'first-pet', answer: 'x' }, { signal }),
};

const IDS = Object.keys(OPERATIONS) as EndpointId[];
const isRead = (id: EndpointId) => ENDPOINTS[id].method === 'GET';
// credentials.policy resolves to the documented default on network, timeout and 5xx faults (its own contract).
const FAILS_ON_FAULT: EndpointId[] = IDS.filter((id) => id !== 'credentials.policy');
const WITH_BODY = IDS.filter((id) => ENDPOINTS[id].status !== 204);

const STRING_CANDIDATES = ['2026-11', '2026-11-26', '2026-11-20T10:00:00+09:00', 'x'.repeat(43)];

/** The smallest value a response schema accepts (objects with every required key). */
function sample(schema: z.ZodMiniType): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  const attempt = (value: unknown) => (schema.safeParse(value).success ? value : undefined);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodMiniType>)
          .filter(([, s]) => (s as unknown as { _zod: { def: { type: string } } })._zod.def.type !== 'optional')
          .map(([k, s]) => [k, sample(s)]),
      );
    case 'string':
      return STRING_CANDIDATES.find((c) => attempt(c) !== undefined) ?? 'x';
    case 'number':
      return attempt(0) ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'enum':
      return Object.values(def.entries)[0];
    case 'literal':
      return def.values[0];
    default:
      return undefined;
  }
}

function validBody(id: EndpointId): Record<string, unknown> {
  const body = sample(ENDPOINTS[id].response) as Record<string, unknown>;
  // The token is optional in the contract (a cookie backend leaves it out); a bearer backend's login answer has it.
  if (id === 'auth.login' || id === 'auth.initialLogin') body.token = 'x'.repeat(43);
  assert.ok(ENDPOINTS[id].response.safeParse(body).success, `sample body of ${id}`);
  return body;
}

const errorBody = (code: string) => ({ error: { code, message: 'x' }, requestId: 'req-1' });

/** Answers every request with `respond` and counts them, in total and by `METHOD /path`. */
function answer(respond: (n: number) => Response | Promise<Response>) {
  const seen = { n: 0, by: new Map<string, number>() };
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      seen.n++;
      const key = `${request.method} ${new URL(request.url).pathname.slice(new URL(BASE).pathname.length)}`;
      seen.by.set(key, (seen.by.get(key) ?? 0) + 1);
      return respond(seen.n);
    }),
  );
  return seen;
}

/** How many requests an operation's endpoint got. */
function sent(seen: ReturnType<typeof answer>, id: EndpointId): number {
  const def = ENDPOINTS[id];
  const path = def.path.replace(':month', '2026-11');
  return seen.by.get(`${def.method} ${path}`) ?? 0;
}

/**
 * Runs `each` for every operation at once (logout last, on its own: it
 * logs in first), with one fault handler answering them all.
 */
async function sweep(ids: EndpointId[], respond: () => Response | Promise<Response>, each: (id: EndpointId, pending: Promise<unknown>) => Promise<void>, options: Partial<ClientOptions> = {}) {
  const seen = answer(respond);
  const parallel = ids.filter((id) => id !== 'auth.logout');
  await Promise.all(parallel.map(async (id) => each(id, (await invoke(id, options)).pending)));
  if (ids.includes('auth.logout')) await each('auth.logout', (await invoke('auth.logout', options)).pending);
  return seen;
}

const client = (options: Partial<ClientOptions> = {}) => createClient({ baseUrl: BASE, retry: 0, timeout: 1_000, ...options });

/** Calls an operation on a fresh client; for logout, logged in first (logout without a session sends nothing). */
async function invoke(id: EndpointId, options: Partial<ClientOptions> = {}, signal?: AbortSignal): Promise<{ pending: Promise<unknown> }> {
  const c = client(options);
  if (id === 'auth.logout') {
    server.use(http.post(`${BASE}/auth/login`, () => HttpResponse.json(validBody('auth.login')), { once: true }));
    await c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
  }
  // Wrapped, so that awaiting the login does not await the operation too.
  return { pending: OPERATIONS[id](c, signal) };
}

async function rejectsWith(id: EndpointId, promise: Promise<unknown>, type: abstract new (...args: never[]) => WebBillingError, code?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof type, `${id}: expected ${type.name}, got ${String(error)}`);
    if (code) assert.equal(error.code, code, id);
    return true;
  });
}

describe('every operation under every fault', () => {
  const faults: Array<{ name: string; respond: () => Response | Promise<Response>; error: abstract new (...args: never[]) => WebBillingError; code: string }> = [
    { name: 'offline', respond: () => HttpResponse.error(), error: NetworkError, code: 'network' },
    { name: '500 with a contract body', respond: () => HttpResponse.json(errorBody('internal'), { status: 500 }), error: ServerError, code: 'internal' },
    { name: '502 without a body', respond: () => new HttpResponse(null, { status: 502 }), error: ServerError, code: 'server' },
    { name: '503 with Retry-After', respond: () => new HttpResponse('busy', { status: 503, headers: { 'retry-after': '120', 'content-type': 'text/plain' } }), error: ServerError, code: 'server' },
    { name: '503 without Retry-After', respond: () => new HttpResponse(null, { status: 503 }), error: ServerError, code: 'server' },
    { name: '429 with Retry-After', respond: () => HttpResponse.json(errorBody('rate_limited'), { status: 429, headers: { 'retry-after': '120' } }), error: RateLimitedError, code: 'rate_limited' },
  ];
  for (const fault of faults) {
    it(`turns ${fault.name} into ${fault.error.name} on every operation, sending each write once`, async () => {
      const seen = await sweep(FAILS_ON_FAULT, fault.respond, (id, pending) => rejectsWith(id, pending, fault.error, fault.code));
      for (const id of FAILS_ON_FAULT) assert.equal(sent(seen, id), 1, `${id} was sent ${sent(seen, id)} times`);
    });
  }

  it('turns a DNS failure (fetch rejects with ENOTFOUND) into NetworkError on every operation', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND billing.invalid'), { code: 'ENOTFOUND' }) });
    };
    for (const id of FAILS_ON_FAULT.filter((i) => i !== 'auth.logout')) await rejectsWith(id, OPERATIONS[id](client({ fetch })), NetworkError, 'network');
    assert.equal((await client({ fetch }).credentials.policy()).source, 'default', 'the policy falls back to the documented default');
  });

  it('turns a slow answer into TimeoutError on every operation, and sends each write once', async () => {
    const slow = async () => {
      await delay(300);
      return new HttpResponse(null, { status: 204 });
    };
    const seen = await sweep(FAILS_ON_FAULT, slow, (id, pending) => rejectsWith(id, pending, TimeoutError, 'timeout'), { timeout: 30 });
    for (const id of FAILS_ON_FAULT) assert.equal(sent(seen, id), 1, id);
  });

  it('turns an abort mid-request into AbortedError on every operation', async () => {
    answer(async () => {
      await delay(1_000);
      return new HttpResponse(null, { status: 204 });
    });
    const abortSoon = async (id: EndpointId) => {
      const controller = new AbortController();
      const pending = (await invoke(id, {}, controller.signal)).pending;
      setTimeout(() => controller.abort(), 5);
      await rejectsWith(id, pending, AbortedError, 'aborted');
    };
    await Promise.all(IDS.filter((id) => id !== 'auth.logout').map(abortSoon));
    await abortSoon('auth.logout'); // on its own: it logs in first
  });

  const bodies: Array<{ name: string; respond: (id: EndpointId) => Response; accepted: boolean }> = [
    { name: 'malformed JSON', respond: () => new HttpResponse('{"a": ', { headers: { 'content-type': 'application/json' } }), accepted: false },
    { name: 'an empty body', respond: () => new HttpResponse('', { headers: { 'content-type': 'application/json' } }), accepted: false },
    {
      name: 'a body missing a field',
      respond: (id) => {
        const body = validBody(id);
        delete body[Object.keys(body)[0]!];
        return HttpResponse.json(body);
      },
      accepted: false,
    },
    { name: 'valid JSON under a wrong content type (text/html)', respond: (id) => new HttpResponse(JSON.stringify(validBody(id)), { headers: { 'content-type': 'text/html' } }), accepted: false },
    { name: 'an extra unknown field', respond: (id) => HttpResponse.json({ ...validBody(id), addedLater: { any: 'thing' } }), accepted: true },
  ];
  for (const b of bodies) {
    it(`${b.accepted ? 'accepts' : 'turns'} ${b.name} ${b.accepted ? '' : 'into ContractError '}on every operation that has a body`, async () => {
      for (const id of b.accepted ? WITH_BODY : WITH_BODY.filter((i) => FAILS_ON_FAULT.includes(i))) {
        server.use(http.all(`${BASE}/*`, () => b.respond(id)));
        const pending = (await invoke(id)).pending;
        if (b.accepted) await pending;
        else await rejectsWith(id, pending, ContractError, 'contract');
        server.resetHandlers();
      }
    });
  }
});

describe('retries of reads, never of writes', () => {
  it('retries a read after 503 with Retry-After, waiting for it', async () => {
    const seen = answer((n) => (n === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': '1' } }) : HttpResponse.json(validBody('billing.history'))));
    const started = Date.now();
    await client({ retry: 2 }).billing.history();
    assert.equal(seen.n, 2);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
  });

  it('retries a read after 502 without Retry-After, with growing waits', async () => {
    const at: number[] = [];
    const seen = answer((n) => {
      at.push(Date.now());
      return n < 3 ? new HttpResponse(null, { status: 502 }) : HttpResponse.json(validBody('billing.history'));
    });
    await client({ retry: 2 }).billing.history();
    assert.equal(seen.n, 3);
    const [first, second] = [at[1]! - at[0]!, at[2]! - at[1]!];
    assert.ok(second > first, `backoff grows: ${first} ms then ${second} ms`);
  });

  it('gives up on a failing read at totalTimeout, retries included, with TimeoutError', async () => {
    const seen = answer(() => new HttpResponse(null, { status: 503 }));
    const started = Date.now();
    await assert.rejects(client({ retry: 10, totalTimeout: 700 }).billing.history(), TimeoutError);
    const took = Date.now() - started;
    assert.ok(took < 1_500, `took ${took} ms`);
    assert.ok(seen.n >= 2 && seen.n < 11, `${seen.n} attempts`);
  });

  it('never sends a write twice, whatever the fault, even with retries allowed', async () => {
    const writes = IDS.filter((i) => !isRead(i));
    for (const respond of [() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '0' } }), () => HttpResponse.error(), () => new HttpResponse(null, { status: 502 })]) {
      const seen = await sweep(writes, respond, async (_id, pending) => void (await pending.catch(() => undefined)), { retry: 5 });
      for (const id of writes) assert.equal(sent(seen, id), 1, `${id} was sent ${sent(seen, id)} times`);
      server.resetHandlers();
    }
  });
});
