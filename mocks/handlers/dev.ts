/**
 * Development routes of the reference backend (`DEV_ENDPOINTS`): the mail
 * outbox, the clock and a reset. A partner's backend does not have them.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import type { BackendContext } from '../context.js';
import { fieldIssue, validationFailed } from '../route.js';

/** Where the test clock may go: far enough for any billing scenario, near enough that every date stays valid. */
const CLOCK_RANGE = { minYear: 2000, maxYear: 2200, min: Date.UTC(2000, 0, 1), max: Date.UTC(2200, 0, 1) };

export function devHandlers(ctx: BackendContext): HttpHandler[] {
  const { route, clock, outbox } = ctx;
  return [
    route('dev.outbox', () => ({ mails: outbox.list() })),

    // `set` first, then the advances, so `{ set, advanceHours }` means "that day, so many hours later".
    // The whole move is checked before any of it is made, so a refused one changes nothing.
    route('dev.clock', ({ body }) => {
      const from = body.set !== undefined ? Date.parse(body.set) : clock.now().getTime();
      const ms = (body.advanceHours ?? 0) * 3_600_000 + (body.advanceMs ?? 0);
      const to = from + ms;
      if (!Number.isFinite(to) || to < CLOCK_RANGE.min || to >= CLOCK_RANGE.max) {
        const field = body.advanceMs !== undefined ? 'advanceMs' : body.advanceHours !== undefined ? 'advanceHours' : 'set';
        throw validationFailed([
          fieldIssue(field, 'invalid_format', `The clock can be moved within the years ${CLOCK_RANGE.minYear} to ${CLOCK_RANGE.maxYear - 1} only.`),
        ]);
      }
      if (body.set !== undefined) clock.set(body.set);
      if (ms !== 0) clock.advance(ms);
      return { now: clock.now().toISOString() };
    }),

    route('dev.reset', () => {
      ctx.reset();
      return undefined;
    }),
  ];
}
