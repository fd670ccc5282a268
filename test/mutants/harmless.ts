/**
 * Harmless variations: changes a partner's backend may make that the
 * contract allows (extra fields and headers, another JSON layout, other
 * message texts and request ids, longer tokens, no optional details). The
 * conformance suite must pass every one of them: a case that fails here
 * is over-fitted to the reference backend's exact bytes.
 *
 * @module
 */
import { COOKIE_BACKEND, rewriteCookie } from './cookie-defects.js';
import { isLogin } from './kit.js';
import { bearerOf, responseJson, withHeaders, type Defect, type Hook, type HookContext, type ProxyRequest, type ProxyResponse } from './proxy.js';

/** Rewrites a JSON answer's parsed body; other answers pass unchanged. */
function mapJson(rewrite: (body: any, response: ProxyResponse, request: ProxyRequest) => any, layout?: (value: unknown) => string): () => Hook {
  return () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const body = responseJson(response);
    if (body === undefined || !/json/i.test(String(response.headers['content-type'] ?? ''))) return response;
    const next = rewrite(body, response, request);
    return { ...response, body: Buffer.from(layout ? layout(next) : JSON.stringify(next)) };
  };
}

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  return value;
}

export const HARMLESS: readonly Defect[] = [
  {
    id: 'harmless-extra-fields',
    description: 'every JSON object in every answer carries an extra field the contract does not name',
    breaks: 'nothing: the contract allows extra fields',
    create: mapJson(function add(body: any): any {
      if (Array.isArray(body)) return body.map(add);
      if (body && typeof body === 'object') return { ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, add(v)])), partnerExtra: { v: 1 } };
      return body;
    }),
  },
  {
    id: 'harmless-extra-headers',
    description: 'every answer carries extra headers (Server-Timing, X-Partner-Backend, ETag)',
    breaks: 'nothing',
    create: () => async (request, ctx) =>
      withHeaders(await ctx.forward(request), { 'server-timing': 'app;dur=1', 'x-partner-backend': 'web-billing/2.3', etag: 'W/"partner"' }),
  },
  {
    id: 'harmless-json-layout',
    description: 'JSON answers are pretty-printed with their keys in another order, and typed application/json; charset=utf-8',
    breaks: 'nothing',
    create: () => {
      const inner = mapJson((body) => reversedKeys(body), (value) => JSON.stringify(value, null, 2))();
      return async (request, ctx) => {
        const response = await inner(request, ctx);
        return /json/i.test(String(response.headers['content-type'] ?? '')) ? withHeaders(response, { 'content-type': 'application/json; charset=utf-8' }) : response;
      };
    },
  },
  {
    id: 'harmless-messages-and-request-ids',
    description: 'every error message is another (Japanese) text and request ids have another format, alike for every answer',
    breaks: 'nothing: messages are for people; request ids are opaque',
    create: () => async (request, ctx) => {
      const response = await ctx.forward(request);
      const body = responseJson(response);
      const id = `partner-${crypto.randomUUID()}`;
      const out = withHeaders(response, response.headers['x-request-id'] ? { 'x-request-id': id } : {});
      if (!body || typeof body !== 'object' || !body.error) return out;
      const next = { ...body, error: { ...body.error, message: 'エラーが発生しました。お手数ですが、しばらくしてからもう一度お試しください。' }, ...('requestId' in body ? { requestId: id } : {}) };
      return { ...out, body: Buffer.from(JSON.stringify(next)) };
    },
  },
  {
    id: 'harmless-no-remaining-attempts',
    description: 'invalid_credentials answers leave out the optional remainingAttempts detail',
    breaks: 'nothing: details are optional',
    create: mapJson((body) => {
      if (body?.error?.code !== 'invalid_credentials' || !body.error.details) return body;
      const { remainingAttempts: _dropped, ...details } = body.error.details;
      const error = { ...body.error, details };
      if (Object.keys(details).length === 0) delete error.details;
      return { ...body, error };
    }),
  },
  {
    id: 'harmless-long-session-tokens',
    description: 'session tokens are 86 characters (512 bits) instead of the reference backend\'s',
    breaks: 'nothing: tokens are opaque, at least 128 bits',
    create() {
      const real = new Map<string, string>();
      return async (request: ProxyRequest, ctx: HookContext) => {
        const token = bearerOf(request);
        const sent = token && real.has(token) ? { ...request, headers: { ...request.headers, authorization: `Bearer ${real.get(token)}` } } : request;
        const response = await ctx.forward(sent);
        if (!isLogin(request) || response.status !== 200) return response;
        const body = responseJson(response);
        const long = Buffer.from(crypto.getRandomValues(new Uint8Array(64))).toString('base64url');
        real.set(long, body.token);
        return { ...response, body: Buffer.from(JSON.stringify({ ...body, token: long })) };
      };
    },
  },
];

/** Harmless variations of cookie sessions, run against a backend in the `cookie` mode. */
export const HARMLESS_COOKIE: readonly Defect[] = [
  {
    id: 'harmless-cookie-samesite-strict',
    description: 'the session cookie is set with SameSite=Strict instead of Lax',
    breaks: 'nothing: Strict is stricter still',
    backend: COOKIE_BACKEND,
    create: rewriteCookie((line) => line.replace(/SameSite=Lax/i, 'SameSite=Strict')),
  },
  {
    id: 'harmless-cookie-attribute-layout',
    description: 'the session cookie\'s attributes come in another order and case, with a Max-Age of the idle timeout on a live cookie and an Expires in the past on a clearing one',
    breaks: 'nothing: attribute names are case-insensitive, their order free',
    backend: COOKIE_BACKEND,
    create: rewriteCookie((line) => {
      const [pair, ...attributes] = line.split(';').map((p) => p.trim());
      const cleared = attributes.some((a) => /^max-age=0$/i.test(a));
      const kept = attributes.filter((a) => !/^max-age=/i.test(a)).map((a) => a.toLowerCase()).reverse();
      return [pair, ...kept, cleared ? 'expires=Thu, 01 Jan 1970 00:00:00 GMT' : 'max-age=1800'].join('; ');
    }),
  },
];

/**
 * Every harmless variation at once, against each kind of backend: the bearer
 * ones against the default backend; the cookie ones with the others (but the
 * longer bearer tokens, which a cookie backend does not hand out) against a
 * cookie backend.
 */
export function allHarmless(): Defect[] {
  return [
    combined('harmless-all', HARMLESS),
    combined('harmless-all-cookie', [...HARMLESS_COOKIE, ...HARMLESS.filter((h) => h.id !== 'harmless-long-session-tokens')]),
  ];
}

/** One proxy that applies several defects (or variations) at once, the first outermost. */
export function combined(id: string, parts: readonly Defect[]): Defect {
  return {
    id,
    description: parts.map((p) => p.description).join('; '),
    breaks: parts.map((p) => p.breaks).join('; '),
    ...(parts.find((p) => p.backend) ? { backend: parts.find((p) => p.backend)!.backend } : {}),
    create() {
      const hooks = parts.map((p) => p.create());
      return (request, ctx) => {
        const chain = hooks.reduceRight<(r: ProxyRequest) => Promise<ProxyResponse>>((next, hook) => (r) => hook(r, { ...ctx, forward: next }), ctx.forward);
        return chain(request);
      };
    },
  };
}
