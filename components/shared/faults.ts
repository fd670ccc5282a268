/**
 * The one mapping from an SDK error to what an element says about it: the
 * message, and whether "Try again" may help. Forms (a request the customer
 * sent) and data elements (a load) word a few faults differently; those
 * differences are the {@link FaultContext}, not a second switch.
 *
 * @module
 */
import { isWebBillingError, type RateLimitedError, type SessionEndReason, type ValidationError } from '../../src/core.js';
import type { MessagesOf } from './localize.js';
import type { common } from './messages.js';

/** The shared messages the mapping words its faults with. */
export type CommonMessages = MessagesOf<typeof common>;

/** What an element shows for an error: the words, and whether the same request may succeed if tried again. */
export interface Fault {
  message: string;
  retryable: boolean;
}

/** Where the error happened, which changes a few of the words. */
export interface FaultContext {
  /**
   * `send`: a form's request (network and server faults say that nothing
   * typed was lost); `load`: a data element's load (they are prefixed with
   * `loadFailed`, and a session that ended asks to log in to see the data).
   */
  during: 'send' | 'load';
  /** For a load: why the page's last session ended, which words the session notice. */
  sessionEnd?: SessionEndReason | undefined;
}

/** Error codes a second load cannot change (the data is not there, or needs a login first). */
const FINAL_LOAD_CODES: ReadonlySet<string> = new Set(['not_found', 'month_out_of_range', 'breakdown_not_retained', 'session_expired']);

/** The message of an error, and whether "Try again" is offered. */
export function faultOf(error: unknown, m: CommonMessages, context: FaultContext): Fault {
  const load = context.during === 'load';
  const fault = (message: string, retryable: boolean): Fault => ({
    message: load && retryable ? `${m.loadFailed} ${message}` : message,
    retryable,
  });
  if (!isWebBillingError(error)) return load ? { message: m.loadFailed, retryable: true } : fault(m.serverFault, true);
  switch (error.code) {
    case 'network':
      return fault(m.networkFault, true);
    case 'timeout':
      return fault(m.timeoutFault, true);
    case 'internal':
    case 'server':
    case 'contract':
      return fault(m.serverFault, true);
    case 'rate_limited':
      return { message: m.rateLimited((error as RateLimitedError).retryAfter), retryable: true };
    case 'session_expired':
      if (!load) return { message: m.sessionExpired, retryable: false };
      return { message: context.sessionEnd && context.sessionEnd !== 'logout' ? m.sessionEndedRead : m.logInToSee, retryable: false };
    default:
      // A load of anything else may succeed later; a form's refusal stays until the input changes.
      return { message: error.message, retryable: load && !FINAL_LOAD_CODES.has(error.code) };
  }
}

/** Where a validation error's problems go on a form: each on the first listed field it names, the rest in the alert. */
export interface FieldFaults {
  /** Messages by field name (the first problem of each field). */
  fields: Record<string, string>;
  /** The form-level alert: the problems no listed field holds, or how many fields need attention. */
  alert: Fault;
}

/** Places a validation error's field issues on a form's `fieldNames`. */
export function fieldFaultsOf(error: ValidationError, fieldNames: readonly string[], m: CommonMessages): FieldFaults {
  const fields: Record<string, string> = {};
  for (const issue of error.fields) {
    if (fieldNames.includes(issue.field)) fields[issue.field] ??= m.field(issue.code);
  }
  const unplaced = error.fields.filter((f) => !fieldNames.includes(f.field));
  const message = unplaced.length ? unplaced.map((f) => m.field(f.code)).join(' ') : m.fixFields(Object.keys(fields).length);
  return { fields, alert: { message, retryable: false } };
}

