/**
 * The conformance cases. Each states one behaviour of the contract, names
 * the requirement it checks (`ref`: an OWASP ASVS 5.0 requirement or a
 * section of the user guide) and checks it over HTTP. Cases run in this
 * order; those that use up an account (the lock, the postcard, the
 * reissue) come last. Against a backend with `POST /_dev/reset` every case
 * starts from the seeded state; otherwise each case leaves the accounts as
 * it found them, except those that say what they consume, and those that
 * need the reset to undo what they do are skipped.
 *
 * @module
 */
import { BASIC_CASES } from './basics.js';
import { CONCURRENCY_CASES } from './concurrency.js';
import { CONSUMING_CASES } from './consuming.js';
import { COOKIE_SESSION_CASES } from './cookie-sessions.js';
import { CREDENTIAL_CASES } from './credentials.js';
import { ENUMERATION_CASES } from './enumeration.js';
import { LINK_CASES } from './links.js';
import { PROTOCOL_CASES } from './protocol.js';
import { READ_CASES } from './reads.js';
import { SESSION_CASES } from './sessions.js';
import type { ConformanceCase } from './shared.js';

export { THROTTLING_CASE } from './basics.js';
export type { ConformanceCase } from './shared.js';

/** Every case, in the order they run: those that use up an account come last. */
export const CASES: ConformanceCase[] = [
  ...BASIC_CASES,
  ...PROTOCOL_CASES,
  ...READ_CASES,
  ...SESSION_CASES,
  ...COOKIE_SESSION_CASES,
  ...ENUMERATION_CASES,
  ...CREDENTIAL_CASES,
  ...LINK_CASES,
  ...CONCURRENCY_CASES,
  ...CONSUMING_CASES,
];
