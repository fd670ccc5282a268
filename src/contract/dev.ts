/**
 * The reference backend's development routes (outbox, clock, reset): not part
 * of the service's contract, never used by the SDK, and kept out of its
 * bundle. A partner's backend does not implement them.
 *
 * @module
 */
import * as z from 'zod/mini';
import { define } from './endpoints.js';
import { IsoDateTime, LocalizedText, NoContent } from './schemas.js';

export const OutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  from: z.string(),
  sentAt: IsoDateTime,
  kind: z.enum([
    'reissue-email-confirm',
    'reissue-email-registered',
    'notice-email-confirm',
    'notice-email-registered',
    'notice-monthly-amount',
    'password-reissued',
    'credentials-changed',
    'registration-changed',
  ]),
  subject: LocalizedText,
  body: LocalizedText,
  /** The confirmation link in the body, if any. */
  link: z.optional(z.string()),
  /** The temporary password in the body, if any. */
  temporaryPassword: z.optional(z.string()),
});
export const OutboxResponse = z.object({ mails: z.array(OutboxMail) });
export const ClockRequest = z.object({
  advanceHours: z.optional(z.number()),
  advanceMs: z.optional(z.number()),
  set: z.optional(IsoDateTime),
});
export const ClockResponse = z.object({ now: IsoDateTime });


/**
 * Development routes of the reference backend only; a partner's backend
 * does not implement them. Not used by the SDK.
 */
export const DEV_ENDPOINTS = define({
  'dev.outbox': {
    method: 'GET',
    path: '/_dev/outbox',
    auth: 'dev',
    response: OutboxResponse,
    status: 200,
  },
  'dev.clock': {
    method: 'POST',
    path: '/_dev/clock',
    auth: 'dev',
    body: ClockRequest,
    response: ClockResponse,
    status: 200,
  },
  'dev.reset': {
    method: 'POST',
    path: '/_dev/reset',
    auth: 'dev',
    response: NoContent,
    status: 204,
  },
});

/** A mail in the reference backend's outbox. */
export type OutboxMail = z.infer<typeof OutboxMail>;
/** A request to move the reference backend's clock. */
export type ClockRequest = z.infer<typeof ClockRequest>;
