/**
 * Defects of cookie sessions, each run against a reference backend in the
 * `cookie` session mode (`backend: { sessionMode: 'cookie' }`): the cookie's
 * attributes, its rotation and clearing, the CSRF defence, and a token that
 * leaks out of the cookie. Also the helpers that read and rewrite the
 * session cookie of a request or an answer, which the harmless cookie
 * variations use too.
 *
 * @module
 */
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contract/rules.js';
import { internalRequest, isLogin, newRequestId } from './kit.js';
import { bearerOf, is, responseJson, withJson, type Defect, type Hook, type ProxyRequest, type ProxyResponse } from './proxy.js';

export const COOKIE_BACKEND = { sessionMode: 'cookie' } as const;

/** The session cookie's value a request carries, or `undefined`. */
export function sentCookie(request: ProxyRequest): string | undefined {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** A copy of the request that carries `value` as its session cookie. */
function withCookie(request: ProxyRequest, value: string): ProxyRequest {
  return { ...request, headers: { ...request.headers, cookie: `${SESSION_COOKIE}=${value}` } };
}

/** The answer's `Set-Cookie` lines. */
function setCookieLines(response: ProxyResponse): string[] {
  const value = response.headers['set-cookie'];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A copy of the answer with each `Set-Cookie` line of the session cookie rewritten (`null` drops it). */
export function mapSessionCookie(response: ProxyResponse, rewrite: (line: string) => string | null): ProxyResponse {
  const lines = setCookieLines(response).flatMap((line) => (line.startsWith(`${SESSION_COOKIE}=`) ? [rewrite(line)].filter((l): l is string => l !== null) : [line]));
  const headers = { ...response.headers };
  if (lines.length) headers['set-cookie'] = lines;
  else delete headers['set-cookie'];
  return { ...response, headers };
}

/** The session value an answer sets (not a clearing line), or `undefined`. */
function setValue(response: ProxyResponse): string | undefined {
  const line = setCookieLines(response).find((l) => l.startsWith(`${SESSION_COOKIE}=`) && !/max-age=0/i.test(l));
  return line?.slice(SESSION_COOKIE.length + 1).split(';')[0] || undefined;
}

/** A hook that rewrites every `Set-Cookie` line of the session cookie. */
export function rewriteCookie(rewrite: (line: string) => string | null, only?: (request: ProxyRequest) => boolean): () => Hook {
  return () => async (request, ctx) => {
    const response = await ctx.forward(request);
    return only && !only(request) ? response : mapSessionCookie(response, rewrite);
  };
}

/** A hook that rewrites the request's headers, then forwards. */
function headersBefore(rewrite: (headers: ProxyRequest['headers']) => void): () => Hook {
  return () => (request, ctx) => {
    const headers = { ...request.headers };
    rewrite(headers);
    return ctx.forward({ ...request, headers });
  };
}

/**
 * The session is not rotated at `path`: the backend's new cookie is held
 * back, and the old value goes on working (the proxy sends the new one for it).
 */
function keepsCookieAt(path: string): () => Hook {
  return () => {
    const standsFor = new Map<string, string>();
    return async (request, ctx) => {
      const sent = sentCookie(request);
      const real = sent === undefined ? undefined : standsFor.get(sent);
      const response = await ctx.forward(real ? withCookie(request, real) : request);
      const rotated = setValue(response);
      if (!sent || !rotated || !is(request, 'POST', path) || response.status !== 200) return response;
      standsFor.set(sent, rotated);
      return mapSessionCookie(response, () => null);
    };
  };
}

const cookieNotHttpOnly: Defect = {
  id: 'cookie-not-httponly',
  description: 'the session cookie is set without HttpOnly: any script on the page can read it',
  breaks: 'ASVS 5.0 3.3.4 (session cookies HttpOnly); docs/security.md "Sessions: three modes"',
  backend: COOKIE_BACKEND,
  create: rewriteCookie((line) => line.replace(/;\s*HttpOnly/i, '')),
};

const cookieNotSecure: Defect = {
  id: 'cookie-not-secure',
  description: 'the session cookie is set without Secure (a __Host- cookie browsers drop, or one sent over plain HTTP)',
  breaks: 'ASVS 5.0 3.3.1 (Secure, __Host- prefix)',
  backend: COOKIE_BACKEND,
  create: rewriteCookie((line) => line.replace(/;\s*Secure/i, '')),
};

const cookieSameSiteNone: Defect = {
  id: 'cookie-samesite-none',
  description: 'the session cookie is set with SameSite=None: every other site\'s requests carry it',
  breaks: 'ASVS 5.0 3.3.2 (SameSite by purpose), 3.5.1',
  backend: COOKIE_BACKEND,
  create: rewriteCookie((line) => line.replace(/SameSite=\w+/i, 'SameSite=None')),
};

const csrfHeaderNotChecked: Defect = {
  id: 'csrf-header-not-checked',
  description: `writes without the ${CSRF_HEADER} header are taken (only Origin and Sec-Fetch-Site are checked)`,
  breaks: 'ASVS 5.0 3.5.1 (cross-site request forgery); docs/security.md cookie mode',
  backend: COOKIE_BACKEND,
  create: headersBefore((headers) => {
    headers[CSRF_HEADER.toLowerCase()] = '1';
  }),
};

const originNotChecked: Defect = {
  id: 'origin-not-checked',
  description: 'writes with the CSRF header are taken from any Origin and any Sec-Fetch-Site',
  breaks: 'ASVS 5.0 3.5.1, 3.5.3; docs/security.md cookie mode (a foreign Origin is refused)',
  backend: COOKIE_BACKEND,
  create: headersBefore((headers) => {
    delete headers.origin;
    delete headers['sec-fetch-site'];
  }),
};

const passwordChangeKeepsCookie: Defect = {
  id: 'password-change-keeps-cookie',
  description: 'the password change does not rotate the session cookie: the value from before the change goes on working',
  breaks: 'ASVS 5.0 7.2.4, 3.3.2 (a new session token at re-authentication)',
  backend: COOKIE_BACKEND,
  create: keepsCookieAt('/credentials/password'),
};

const setupKeepsCookie: Defect = {
  id: 'setup-keeps-cookie',
  description: 'the first change of the postcard credentials does not rotate the session cookie: the postcard session\'s value goes on working',
  breaks: 'ASVS 5.0 7.2.4, 3.3.2',
  backend: COOKIE_BACKEND,
  create: keepsCookieAt('/credentials/setup'),
};

const logoutKeepsCookie: Defect = {
  id: 'logout-keeps-cookie',
  description: 'auth.logout ends the session but does not clear the cookie (no Max-Age=0): the browser goes on sending it',
  breaks: 'ASVS 5.0 7.4.1; docs/security.md cookie mode (logout clears the cookie)',
  backend: COOKIE_BACKEND,
  create: rewriteCookie(() => null, (request) => is(request, 'POST', '/auth/logout')),
};

const logoutKeepsCookieSession: Defect = {
  id: 'logout-keeps-cookie-session',
  description: 'auth.logout answers 204 and clears the cookie, but the session behind it stays valid',
  breaks: 'ASVS 5.0 7.4.1 (logout invalidates the session on the server)',
  backend: COOKIE_BACKEND,
  create: () => async (request, ctx) => {
    const sent = sentCookie(request);
    if (!is(request, 'POST', '/auth/logout') || !sent || request.headers[CSRF_HEADER.toLowerCase()] !== '1') return ctx.forward(request);
    const alive = await ctx.forward(internalRequest(request, 'GET', '/auth/session', { token: sent }));
    if (alive.status !== 200) return ctx.forward(request);
    const clear = `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0`;
    return { status: 204, headers: { 'cache-control': 'no-store', 'x-request-id': newRequestId(), 'set-cookie': [clear] }, body: Buffer.alloc(0), synthetic: true };
  },
};

const tokenInLoginBody: Defect = {
  id: 'token-in-login-body',
  description: 'the login answer carries the session token in its body besides the cookie, where any script on the page can read it',
  breaks: 'ASVS 5.0 3.3.4; docs/security.md cookie mode (the answer holds no token)',
  backend: COOKIE_BACKEND,
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const token = setValue(response);
    if (!isLogin(request) || response.status !== 200 || !token) return response;
    return withJson(response, { ...responseJson(response), token });
  },
};

const bearerBesideCookie: Defect = {
  id: 'bearer-accepted-beside-cookie',
  description: 'the cookie\'s value is also accepted as an Authorization: Bearer token',
  breaks: 'ASVS 5.0 3.3.4 (the session only in the HttpOnly cookie), 7.2.1',
  backend: COOKIE_BACKEND,
  create: () => (request, ctx) => {
    const bearer = bearerOf(request);
    return ctx.forward(bearer && !sentCookie(request) ? withCookie(request, bearer) : request);
  },
};

/** The cookie-session defects, in the order of the cases that catch them. */
export const COOKIE_DEFECTS: readonly Defect[] = [
  cookieNotHttpOnly,
  cookieNotSecure,
  cookieSameSiteNone,
  tokenInLoginBody,
  bearerBesideCookie,
  passwordChangeKeepsCookie,
  setupKeepsCookie,
  logoutKeepsCookie,
  logoutKeepsCookieSession,
  csrfHeaderNotChecked,
  originNotChecked,
];
