/**
 * The one mapping from an SDK error to what an element says about it: the
 * message, and whether "Try again" may help. Forms (a request the customer
 * sent) and data elements (a load) word a few faults differently; those
 * differences are the {@link FaultContext} (a load's is {@link loadFaults}),
 * not a second switch. A form's validation errors go onto its fields
 * ({@link fieldFaultsOf}).
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

/**
 * How the context words a fault, where it differs from a form's request
 * (the default): a load prefixes `loadFailed`, words an ended session its
 * own way, and offers "Try again" for more codes. {@link loadFaults} gives
 * a data element's context.
 */
export interface FaultContext {
  /** Put before the message of a fault "Try again" may get past, and said alone for an error that is not the SDK's. */
  prefix?: string | undefined;
  /** What `session_expired` says (a form: log in again, what you typed is kept). */
  sessionExpired?: string | undefined;
  /** Whether "Try again" is offered for a code that is no fault of the service or the network (a form: never). */
  retryable?: ((code: string) => boolean) | undefined;
}

/** The faults of the service or of the way to it, which "Try again" may get past, by code: their message. */
const SERVICE_FAULTS: Partial<Record<string, 'networkFault' | 'timeoutFault' | 'serverFault'>> = {
  network: 'networkFault',
  timeout: 'timeoutFault',
  internal: 'serverFault',
  server: 'serverFault',
  contract: 'serverFault',
};

/** The message of an error, and whether "Try again" is offered; `context` says how a load words it (see {@link loadFaults}). */
export function faultOf(error: unknown, m: CommonMessages, context: FaultContext = {}): Fault {
  const { prefix } = context;
  if (!isWebBillingError(error)) return { message: prefix ?? m.serverFault, retryable: true };
  const code = error.code;
  const service = SERVICE_FAULTS[code];
  if (service) return { message: prefix ? `${prefix} ${m[service]}` : m[service], retryable: true };
  if (code === 'rate_limited') return { message: m.rateLimited((error as RateLimitedError).retryAfter), retryable: true };
  if (code === 'session_expired') return { message: context.sessionExpired ?? m.sessionExpired, retryable: false };
  return { message: error.message, retryable: context.retryable?.(code) ?? false };
}

/** Error codes a second load cannot change (the data is not there, or needs a login first). */
const FINAL_LOAD_CODES = ['not_found', 'month_out_of_range', 'breakdown_not_retained', 'session_expired'];

/**
 * The context of a data element's load: faults say first that the data
 * could not be loaded; a session that ended asks to log in again to see it
 * (`sessionEnd`: why the page's last session ended), or to log in; "Try
 * again" is offered for every code but those a second load cannot change.
 *
 * @example
 * ```ts
 * const { message, retryable } = faultOf(error, this.common.m, loadFaults(this.common.m, this.sessionEnd));
 * ```
 */
export function loadFaults(m: CommonMessages, sessionEnd: SessionEndReason | undefined): FaultContext {
  return {
    prefix: m.loadFailed,
    sessionExpired: sessionEnd && sessionEnd !== 'logout' ? m.sessionEndedRead : m.logInToSee,
    retryable: (code) => !FINAL_LOAD_CODES.includes(code),
  };
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

