/**
 * Development routes of the reference backend (`DEV_ENDPOINTS`): the mail
 * outbox, the clock and a reset. A partner's backend does not have them.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import type { BackendContext } from '../context.js';

export function devHandlers(ctx: BackendContext): HttpHandler[] {
  const { route, clock, outbox } = ctx;
  return [
    route('dev.outbox', () => ({ mails: outbox.list() })),

    // `set` first, then the advances, so `{ set, advanceHours }` means "that day, so many hours later".
    route('dev.clock', ({ body }) => {
      if (body.set !== undefined) clock.set(body.set);
      const ms = (body.advanceHours ?? 0) * 3_600_000 + (body.advanceMs ?? 0);
      if (ms !== 0) clock.advance(ms);
      return { now: clock.now().toISOString() };
    }),

    route('dev.reset', () => {
      ctx.reset();
      return undefined;
    }),
  ];
}
