import ky from 'ky';
import { createClient } from '../../../src/index.js';

/**
 * The SDK sends every request through ky. Pass your own ky instance to add
 * headers, tracing or logging with its hooks. The SDK still sets the
 * timeouts, the retries (of reads only) and the typed errors of its calls.
 */
export function clientOverKy(baseUrl: string, traceId: string) {
  const api = ky.create({
    hooks: { beforeRequest: [({ request }) => request.headers.set('x-trace-id', traceId)] },
  });
  return createClient({ baseUrl, ky: api });
}

/**
 * Or pass a `fetch` (a proxy, an instrumented fetch, a test double). It is
 * called like the global one: a URL string and an init with plain headers,
 * a string body and the call's signal.
 */
export function clientOverFetch(baseUrl: string, traceId: string) {
  return createClient({
    baseUrl,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('x-trace-id', traceId);
      return fetch(input, { ...init, headers });
    },
  });
}
