/**
 * What the case modules share: the case type, values that are valid and
 * unlikely to exist, sample requests of every endpoint, and the two tools
 * that make cases robust against a partner's backend: answers compared with
 * the noise left out ({@link shapeOf}, {@link leaks}), and requests sent in
 * parallel with one sent only after enough of the others were answered
 * ({@link inParallel}).
 *
 * @module
 */
import { ENDPOINTS, type EndpointId } from '../../src/contract/endpoints.js';
import type { ErrorCode } from '../../src/contract/errors.js';
import type { CredentialFieldPolicy } from '../../src/contract/rules.js';
import type { CaseContext, Credentials } from '../context.js';
import { check, expectError, type CallOptions, type Reply } from '../http.js';

/** One conformance case. */
export interface ConformanceCase {
  name: string;
  /** What it checks: an OWASP ASVS 5.0 requirement (`ASVS 5.0 V6.3.1`) and/or a section of the user guide. */
  ref: string;
  /** Runs the case; throws `CaseFailure` with what was wrong, or `CaseSkipped` with why it cannot run here. */
  run(ctx: CaseContext): Promise<void>;
}

const ALNUM = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomAlnum(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('');
}

/** A value of `length` characters with letters and digits, unlikely to exist. */
export function credentialOf(length: number, prefix = 'k7'): string {
  return (prefix + randomAlnum(Math.max(0, length - prefix.length))).slice(0, length);
}

/** A character the field's charset refuses. */
export function refusedCharacter(field: CredentialFieldPolicy, allowedSymbols: string): string {
  if (field.charset === 'unicode') return '\u0007';
  return [...'~"\'<>\\`^{}|,'].find((c) => !allowedSymbols.includes(c)) ?? '\u0007';
}

/** A body of the right shape for each endpoint that takes one or a query (values need not be right). */
export const SAMPLE: Partial<Record<EndpointId, CallOptions>> = {
  'auth.initialLogin': { body: { initialLoginId: 'ABC1234', initialPassword: 'abcd1234' } },
  'auth.login': { body: { loginId: 'abc12345', password: 'Abcd12345' } },
  'credentials.loginIdAvailability': { query: { loginId: 'abc12345' } },
  'credentials.setup': {
    body: { initialLoginId: 'ABC1234', initialPassword: 'abcd1234', newLoginId: 'abc12345', newLoginIdConfirm: 'abc12345', newPassword: 'Abcd12345', newPasswordConfirm: 'Abcd12345' },
  },
  'credentials.changePassword': { body: { currentPassword: 'Abcd12345', newPassword: 'Abcd123456', newPasswordConfirm: 'Abcd123456' } },
  'billing.breakdown': { params: { month: '2026-01' } },
  'billing.summary': { params: { month: '2026-01' } },
  'reissueEmail.register': { body: { email: 'a@example.jp', emailConfirm: 'a@example.jp', questionId: 'q', answer: 'a' } },
  'reissueEmail.change': { body: { email: 'a@example.jp', emailConfirm: 'a@example.jp', questionId: 'q', answer: 'a' } },
  'reissueEmail.confirm': { body: { token: 'no-such-token-0000000000', questionId: 'q', answer: 'a' } },
  'noticeEmail.register': { body: { type: 'mobile', email: 'a@example.jp' } },
  'noticeEmail.change': { body: { type: 'mobile', email: 'a@example.jp' } },
  'noticeEmail.confirm': { body: { token: 'no-such-token-0000000000', registeredNumber: '09012345678' } },
  'passwordReissue.request': { body: { loginId: 'no-such-id-2099', email: 'a@example.jp', questionId: 'q', answer: 'a' } },
};

export const SESSION_ENDPOINTS = (Object.keys(ENDPOINTS) as EndpointId[]).filter((id) => ENDPOINTS[id].auth !== 'public');

/** Every endpoint that takes a JSON body. */
export const BODY_ENDPOINTS = (Object.keys(ENDPOINTS) as EndpointId[]).filter((id) => 'body' in ENDPOINTS[id]);

export async function currentMonth(ctx: CaseContext, token: string): Promise<string> {
  return (await ctx.api.ok('billing.history', { token })).body.currentMonth as string;
}

export function active(ctx: CaseContext): Credentials {
  const { loginId, password } = ctx.fixtures.active;
  return { loginId, password };
}

export function unknownLoginId(ctx: CaseContext): string {
  return `${ctx.fixtures.unknownLoginId ?? 'no-such-id'}${randomAlnum(6)}`.slice(0, ctx.policy.loginId.maxLength);
}

/** A valid first-change request for the postcard fixture, with `patch` applied. */
export async function setupRequest(ctx: CaseContext, patch: Record<string, string>): Promise<Record<string, string>> {
  const postcard = ctx.fixture('postcard');
  const loginId = credentialOf(Math.max(ctx.policy.loginId.minLength, Math.min(ctx.policy.password.minLength, ctx.policy.loginId.maxLength)), 'n5');
  const password = credentialOf(ctx.policy.password.minLength + 2, 'P9');
  return {
    initialLoginId: postcard.initialLoginId,
    initialPassword: postcard.initialPassword,
    newLoginId: loginId,
    newLoginIdConfirm: loginId,
    newPassword: password,
    newPasswordConfirm: password,
    ...patch,
  };
}

/** The fields of a registration status that say what is registered or pending. */
export function registrationOf(status: Record<string, unknown>): string {
  const { state, email, questionId, type, pendingEmail, pendingType } = status;
  return JSON.stringify({ state, email, questionId, type, pendingEmail, pendingType });
}

/** A fresh email address at `example.jp` (never delivered anywhere). */
export function freshEmail(tag: string): string {
  return `${tag}-${randomAlnum(6)}@example.jp`;
}

// ---------------------------------------------------------------- answers compared, noise left out

/** Headers that differ between any two answers (or describe the connection), never compared. */
const UNCOMPARED_HEADERS = new Set(['date', 'x-request-id', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/** An answer as flat `key → value` pairs: `status`, `header <name>`, `body <path>` (the body's `requestId` left out). */
export function shapeOf(reply: Reply): Map<string, string> {
  const shape = new Map<string, string>([['status', String(reply.status)]]);
  reply.headers.forEach((value, name) => {
    if (!UNCOMPARED_HEADERS.has(name.toLowerCase())) shape.set(`header ${name.toLowerCase()}`, value);
  });
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length === 0) shape.set(`body ${path || '(root)'}`, Array.isArray(value) ? '[]' : '{}');
      for (const [key, inner] of entries) walk(inner, path ? `${path}.${key}` : key);
    } else {
      shape.set(`body ${path || '(root)'}`, JSON.stringify(value));
    }
  };
  if (reply.body === undefined) shape.set('body (text)', reply.text);
  else walk(reply.body, '');
  shape.delete('body requestId');
  return shape;
}

/** The keys whose values differ between two answers. */
export function differingKeys(a: Reply, b: Reply): Set<string> {
  const x = shapeOf(a);
  const y = shapeOf(b);
  const keys = new Set([...x.keys(), ...y.keys()]);
  return new Set([...keys].filter((k) => x.get(k) !== y.get(k)));
}

function short(value: string | undefined): string {
  if (value === undefined) return '(absent)';
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/** A value that changes from answer to answer by nature: an instant, or an opaque id. */
function volatile(value: string): boolean {
  const text = value.replace(/^(W\/)?"|"$/g, '');
  return !Number.isNaN(Date.parse(text)) && /\d{4}|\d{2}:\d{2}/.test(text) ? true : /^[A-Za-z0-9_.:-]{16,}$/.test(text) && /\d/.test(text);
}

/**
 * How `b` differs from `a`, apart from `noise` (keys that also differ between
 * two answers that must be alike, such as two unknown login IDs) and from
 * values both answers have that change by nature (instants, opaque ids).
 * A key present in one answer only always counts. Empty when they are alike.
 */
export function leaks(a: Reply, b: Reply, noise: ReadonlySet<string> = new Set()): string[] {
  const x = shapeOf(a);
  const y = shapeOf(b);
  return [...differingKeys(a, b)]
    .filter((k) => !noise.has(k))
    .filter((k) => !(x.has(k) && y.has(k) && volatile(x.get(k)!) && volatile(y.get(k)!)))
    .map((k) => `${k}: ${short(x.get(k))} vs ${short(y.get(k))}`);
}

/** Fails unless `b` answers like `a` (status, headers, body), apart from `noise`. */
export function checkAlike(a: Reply, b: Reply, what: string, noise?: ReadonlySet<string>): void {
  const found = leaks(a, b, noise);
  check(found.length === 0, `${what}: ${found.slice(0, 4).join('; ')}`);
}

// ---------------------------------------------------------------- parallel requests

/**
 * Sends every request at once. `last` (if given) is sent only once
 * `afterAnswers` of the others have been answered, while the rest may still
 * be in flight: so a backend that takes requests in any order must have
 * judged at least that many before it, and "sent last" holds whatever the
 * connections do.
 */
export async function inParallel(
  requests: Array<() => Promise<Reply>>,
  last?: { afterAnswers: number; send: () => Promise<Reply> },
): Promise<{ replies: Reply[]; last: Reply | undefined }> {
  const threshold = Math.min(last?.afterAnswers ?? 0, requests.length);
  let answered = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  if (threshold <= 0) release();
  const pending = requests.map((send) =>
    send().finally(() => {
      answered += 1;
      if (answered >= threshold) release();
    }),
  );
  const lastReply = last ? released.then(() => last.send()) : Promise.resolve(undefined);
  const [replies, final] = await Promise.all([Promise.all(pending), lastReply]);
  return { replies, last: final };
}

/** The code of an error answer, or its status. */
export function outcomeOf(reply: Reply): string {
  const code = reply.body?.error?.code;
  return code ? `${reply.status} ${code}` : String(reply.status);
}

/** `"4 × 401 invalid_credentials, 8 × 423 account_locked"`. */
export function tally(replies: readonly Reply[]): string {
  const counts = new Map<string, number>();
  for (const r of replies) counts.set(outcomeOf(r), (counts.get(outcomeOf(r)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} × ${k}`).join(', ');
}

/** The answers that are the error `code` (each checked against the error format). */
export function withCode(replies: readonly Reply[], code: ErrorCode): Reply[] {
  return replies.filter((r) => r.body?.error?.code === code).map((r) => expectError(r, code));
}
