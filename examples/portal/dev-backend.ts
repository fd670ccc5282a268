/**
 * DEMO ONLY: the reference backend's development routes, which the demo's
 * mailbox panel reads (the mails it sent, its clock) and drives (move the
 * clock, start again from the seeded demo accounts). They are the demo
 * server's, under the API's base path; a partner's backend has none of them,
 * and the kit never calls them.
 *
 * @module
 */
import { DEV_ENDPOINTS, type OutboxMail } from '../../src/contract/dev.js';

/** What the mailbox panel asks of the demo's backend. */
export interface DemoBackend {
  /** The mails sent so far, oldest first. */
  mails(): Promise<OutboxMail[]>;
  /** The backend's clock, moved forward by `ms` first (0: read it). */
  clock(ms?: number): Promise<Date>;
  /** Forgets every change: the seeded accounts, no mails, the clock as at start. */
  reset(): Promise<void>;
}

/** The development routes of the backend at `base` (the API's base path, as `<wb-provider base-url>` has it). */
export function demoBackend(base = '/api/v1'): DemoBackend {
  /** Calls a development route, its method and path as the contract defines them. */
  async function call(id: keyof typeof DEV_ENDPOINTS, body?: unknown): Promise<Response> {
    const { method, path } = DEV_ENDPOINTS[id];
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${base}${path}: ${response.status}`);
    return response;
  }
  return {
    async mails() {
      const { mails } = (await (await call('dev.outbox')).json()) as { mails: OutboxMail[] };
      return mails;
    },
    async clock(ms = 0) {
      const { now } = (await (await call('dev.clock', ms ? { advanceMs: ms } : {})).json()) as { now: string };
      return new Date(now);
    },
    async reset() {
      await call('dev.reset');
    },
  };
}
