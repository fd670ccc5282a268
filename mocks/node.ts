/**
 * The reference backend in Node: {@link createBackend} plus an MSW
 * `setupServer` over its handlers. Call `server.listen()` to start
 * intercepting `fetch` (MSW 3's option is `onUnhandledFrame`).
 *
 * @example
 * ```ts
 * const backend = createNodeBackend({ now: '2026-11-20T10:00:00+09:00' });
 * before(() => backend.server.listen({ onUnhandledFrame: 'error' }));
 * beforeEach(() => backend.reset());
 * afterEach(() => backend.server.resetHandlers());
 * after(() => backend.server.close());
 * ```
 *
 * @module
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createBackend, type Backend, type BackendOptions } from './index.js';

export * from './index.js';

/** A backend with its MSW server (not yet listening). */
export interface NodeBackend extends Backend {
  server: SetupServer;
}

/** Creates a backend and an MSW server over its handlers; call `server.listen()` to start. */
export function createNodeBackend(options: BackendOptions = {}): NodeBackend {
  const backend = createBackend(options);
  return { ...backend, server: setupServer(...backend.handlers) };
}
