import ky from 'ky';
import { createClient } from '../../../src/index.js';

/**
 * The SDK sends every request through `fetch`: pass your own to add headers,
 * tracing or a proxy. An existing ky instance fits, with its hooks, provided
 * ky hands every answer back as it came (the SDK does the retries of reads,
 * the timeouts and the typed errors itself).
 */
export function clientOverKy(baseUrl: string, traceId: string) {
  const api = ky.create({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    hooks: { beforeRequest: [({ request }) => request.headers.set('x-trace-id', traceId)] },
  });
  return createClient({ baseUrl, fetch: (input, init) => api(input, init ?? {}) });
}
