/**
 * A backend's state as plain data ({@link BackendSnapshot}), so that it can
 * outlive the process or the page that runs it: the demo portal keeps it in
 * `localStorage`, so a mailed link opened in a new tab still works.
 *
 * A snapshot is JSON-friendly (no `Date`, `Map`, `Set` or promise: times are
 * epoch milliseconds, maps are entry arrays) and so structured-cloneable too.
 * Secrets stay as the store keeps them: salted SHA-256 digests of passwords
 * and answers, SHA-256 of session and confirmation tokens. The outbox's mails
 * are in it as sent, though, links and temporary passwords included, as in any
 * mailbox: a snapshot is test or demo data, not something to publish.
 *
 * Derived data (the generated charges, the seeded plans, lines and notices)
 * is not in it: a backend with the same seed makes the same again.
 *
 * @module
 */
import * as z from 'zod/mini';
import { OutboxMail } from '../src/contract/dev.js';
import type { OutboxMail as OutboxMailType } from '../src/contract/dev.js';
import type { NoticeEmailType, SessionStage } from '../src/contract/types.js';
import type { ClockState, StatefulClock } from './clock.js';
import type { OutboxState, StatefulOutbox } from './outbox.js';
import type { SecretHash } from './secrets.js';
import type { AccountRecord, ConfirmationPurpose, LoginEntry, MemoryStore, PendingConfirmation, ReissueRegistration } from './store.js';

/** The snapshot format this version of the backend writes and reads; any other is ignored. */
export const SNAPSHOT_VERSION = 1;

/** A salted SHA-256 digest (a `SecretHash` of mocks/secrets.ts) with its digest settled. */
export interface SecretHashSnapshot {
  salt: string;
  digest: string;
}

/** A reissue email registration, its answer as a digest. */
export interface ReissueRegistrationSnapshot {
  email: string;
  questionId: string;
  answer: SecretHashSnapshot;
}

/** A notice email registration. */
export interface NoticeRegistrationSnapshot {
  type: NoticeEmailType;
  email: string;
}

/** What an account has beyond its seed: its credentials, registrations and pending links. */
export interface AccountSnapshot {
  loginId: string | null;
  /** `expiresAt` (ms since the epoch) only on a temporary password. */
  password: { hash: SecretHashSnapshot; temporary: boolean; expiresAt?: number } | null;
  postcard: { loginId: string; password: SecretHashSnapshot } | null;
  reissueEmail: ReissueRegistrationSnapshot | null;
  noticeEmail: NoticeRegistrationSnapshot | null;
  /** Keys of the pending confirmations, one per purpose. */
  pending: Record<ConfirmationPurpose, string | null>;
  /** Months whose amount mail went out already. */
  noticeMailsSent: string[];
}

/** A session, its expiry in epoch milliseconds. */
export interface SessionSnapshot {
  accountId: string;
  stage: SessionStage;
  loginId: string;
  expiresAt: number;
  failedChecks: number;
}

/** What every saved pending confirmation has. */
export interface ConfirmationSnapshotBase {
  accountId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  used: boolean;
  wrongGuesses: number;
}

/** A pending (or used) confirmation, its expiry in epoch milliseconds. */
export type ConfirmationSnapshot =
  | (ConfirmationSnapshotBase & { purpose: 'reissue-email'; registration: ReissueRegistrationSnapshot })
  | (ConfirmationSnapshotBase & { purpose: 'notice-email'; registration: NoticeRegistrationSnapshot });

/**
 * A backend's whole state as plain, JSON-friendly data: take one with
 * `backend.snapshot()`, give it back with `backend.restore(snapshot)` or
 * `createBackend({ restore: snapshot })`. The maps of the store are entry
 * arrays in their order, keyed as in the store (token keys are SHA-256).
 */
export interface BackendSnapshot {
  /** {@link SNAPSHOT_VERSION}; a snapshot of another version is ignored. */
  version: typeof SNAPSHOT_VERSION;
  /** The seed of the demo data; a snapshot is restored only into a backend of the same seed. */
  seed: number;
  /** The clock's start and current time, epoch milliseconds. */
  clock: ClockState;
  /** Every mail sent, and the sequence of their ids. */
  outbox: OutboxState;
  /** Account id → its state beyond the seed; exactly the seeded accounts. */
  accounts: [string, AccountSnapshot][];
  logins: [string, LoginEntry][];
  sessions: [string, SessionSnapshot][];
  confirmations: [string, ConfirmationSnapshot][];
  failedLogins: [string, number][];
  reissueMisses: [string, { count: number; since: number }][];
}

const Ms = z.number().check(z.refine(Number.isFinite));
const Count = z.int().check(z.nonnegative());
const Hash = z.object({ salt: z.string(), digest: z.string() });
const Reissue = z.object({ email: z.string(), questionId: z.string(), answer: Hash });
const NoticeType = z.enum(['mobile', 'internet']);
const NoticeReg = z.object({ type: NoticeType, email: z.string() });
const entries = <V extends z.ZodMiniType>(value: V) => z.array(z.tuple([z.string(), value]));
const confirmationBase = { accountId: z.string(), expiresAt: Ms, used: z.boolean(), wrongGuesses: Count };

const Snapshot = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  seed: z.number(),
  clock: z.object({ start: Ms, now: Ms }),
  outbox: z.object({ mails: z.array(OutboxMail), sequence: Count }),
  accounts: entries(
    z.object({
      loginId: z.nullable(z.string()),
      password: z.nullable(z.object({ hash: Hash, temporary: z.boolean(), expiresAt: z.optional(Ms) })),
      postcard: z.nullable(z.object({ loginId: z.string(), password: Hash })),
      reissueEmail: z.nullable(Reissue),
      noticeEmail: z.nullable(NoticeReg),
      pending: z.object({ 'reissue-email': z.nullable(z.string()), 'notice-email': z.nullable(z.string()) }),
      noticeMailsSent: z.array(z.string()),
    }),
  ),
  logins: entries(z.object({ accountId: z.string(), kind: z.enum(['chosen', 'postcard']) })),
  sessions: entries(
    z.object({
      accountId: z.string(),
      stage: z.enum(['active', 'credential-setup-required', 'password-change-required']),
      loginId: z.string(),
      expiresAt: Ms,
      failedChecks: Count,
    }),
  ),
  confirmations: entries(
    z.discriminatedUnion('purpose', [
      z.object({ ...confirmationBase, purpose: z.literal('reissue-email'), registration: Reissue }),
      z.object({ ...confirmationBase, purpose: z.literal('notice-email'), registration: NoticeReg }),
    ]),
  ),
  failedLogins: entries(Count),
  reissueMisses: entries(z.object({ count: Count, since: Ms })),
});

// The schema and the documented types describe the same data.
type Parsed = z.output<typeof Snapshot>;
const _sameShape: [Parsed extends BackendSnapshot ? true : false, BackendSnapshot extends Parsed ? true : false] = [true, true];
void _sameShape;

/** The parts of a backend a snapshot is taken from and restored into. */
export interface SnapshotParts {
  store: MemoryStore;
  clock: StatefulClock;
  outbox: StatefulOutbox;
}

async function hashOf(hash: SecretHash): Promise<SecretHashSnapshot> {
  return { salt: hash.salt, digest: await hash.digest };
}

const secretHash = (hash: SecretHashSnapshot): SecretHash => ({ salt: hash.salt, digest: Promise.resolve(hash.digest) });

async function reissueOf(registration: ReissueRegistration): Promise<ReissueRegistrationSnapshot> {
  return { email: registration.email, questionId: registration.questionId, answer: await hashOf(registration.answer) };
}

async function accountOf(account: AccountRecord): Promise<AccountSnapshot> {
  return {
    loginId: account.loginId,
    password: account.password && {
      hash: await hashOf(account.password.hash),
      temporary: account.password.temporary,
      ...(account.password.expiresAt ? { expiresAt: account.password.expiresAt.getTime() } : {}),
    },
    postcard: account.postcard && { loginId: account.postcard.loginId, password: await hashOf(account.postcard.password) },
    reissueEmail: account.reissueEmail && (await reissueOf(account.reissueEmail)),
    noticeEmail: account.noticeEmail && { type: account.noticeEmail.type, email: account.noticeEmail.email },
    pending: { ...account.pending },
    noticeMailsSent: [...account.noticeMailsSent],
  };
}

async function confirmationOf(record: PendingConfirmation): Promise<ConfirmationSnapshot> {
  const base = { accountId: record.accountId, expiresAt: record.expiresAt.getTime(), used: record.used, wrongGuesses: record.wrongGuesses };
  return record.purpose === 'reissue-email'
    ? { ...base, purpose: record.purpose, registration: await reissueOf(record.registration) }
    : { ...base, purpose: record.purpose, registration: { type: record.registration.type, email: record.registration.email } };
}

/**
 * Takes a snapshot. The state is read at once (later changes are not in
 * it); the promise waits only for secret digests still being computed.
 */
export async function takeSnapshot({ store, clock, outbox }: SnapshotParts): Promise<BackendSnapshot> {
  const clockState = clock.state();
  const outboxState = outbox.state();
  const accounts = [...store.accounts].map(([id, account]) => [id, accountOf(account)] as const);
  const confirmations = [...store.confirmations].map(([key, record]) => [key, confirmationOf(record)] as const);
  const settled = async <T>(list: (readonly [string, Promise<T>])[]): Promise<[string, T][]> =>
    Promise.all(list.map(async ([key, value]): Promise<[string, T]> => [key, await value]));
  const plain: Omit<BackendSnapshot, 'accounts' | 'confirmations'> = {
    version: SNAPSHOT_VERSION,
    seed: store.seed,
    clock: clockState,
    outbox: outboxState,
    logins: [...store.logins].map(([key, entry]) => [key, { accountId: entry.accountId, kind: entry.kind }]),
    sessions: [...store.sessions].map(([key, s]) => [
      key,
      { accountId: s.accountId, stage: s.stage, loginId: s.loginId, expiresAt: s.expiresAt.getTime(), failedChecks: s.failedChecks },
    ]),
    failedLogins: [...store.failedLogins],
    reissueMisses: [...store.reissueMisses].map(([key, misses]) => [key, { count: misses.count, since: misses.since }]),
  };
  return { ...plain, accounts: await settled(accounts), confirmations: await settled(confirmations) };
}

/** Why a snapshot cannot be restored, or null if it can. */
function refusal(snapshot: BackendSnapshot, store: MemoryStore): string | null {
  if (snapshot.seed !== store.seed) return `it is of seed ${snapshot.seed}, this backend of ${store.seed}`;
  const ids = new Set(snapshot.accounts.map(([id]) => id));
  if (ids.size !== store.accounts.size || [...store.accounts.keys()].some((id) => !ids.has(id))) return 'its accounts are not the seeded ones';
  const confirmationKeys = new Set(snapshot.confirmations.map(([key]) => key));
  for (const [, account] of snapshot.accounts) {
    for (const key of Object.values(account.pending)) if (key !== null && !confirmationKeys.has(key)) return 'a pending link is missing';
  }
  const owners = [...snapshot.logins, ...snapshot.sessions, ...snapshot.confirmations].map(([, value]) => value.accountId);
  if (owners.some((id) => !ids.has(id))) return 'it refers to an unknown account';
  return null;
}

/**
 * Checks `input` and, if it is a snapshot this backend can take (this
 * {@link SNAPSHOT_VERSION}, the same seed, consistent), replaces the state of
 * the parts with it and returns true. Otherwise changes nothing and returns
 * false: an old, unknown or damaged snapshot never throws.
 */
export function applySnapshot(input: unknown, { store, clock, outbox }: SnapshotParts): boolean {
  const parsed = Snapshot.safeParse(input);
  if (!parsed.success) return false;
  const snapshot: BackendSnapshot = parsed.data;
  if (refusal(snapshot, store) !== null) return false;

  // The seeded accounts again (and no cached charges), then their saved state over them.
  store.reset();
  for (const [id, saved] of snapshot.accounts) {
    const account = store.accounts.get(id)!;
    account.loginId = saved.loginId;
    account.password = saved.password && {
      hash: secretHash(saved.password.hash),
      temporary: saved.password.temporary,
      ...(saved.password.expiresAt !== undefined ? { expiresAt: new Date(saved.password.expiresAt) } : {}),
    };
    account.postcard = saved.postcard && { loginId: saved.postcard.loginId, password: secretHash(saved.postcard.password) };
    account.reissueEmail = saved.reissueEmail && { ...saved.reissueEmail, answer: secretHash(saved.reissueEmail.answer) };
    account.noticeEmail = saved.noticeEmail && { ...saved.noticeEmail };
    account.pending = { ...saved.pending };
    account.noticeMailsSent = new Set(saved.noticeMailsSent);
  }
  store.logins.clear();
  for (const [key, entry] of snapshot.logins) store.logins.set(key, { ...entry });
  store.sessions.clear();
  for (const [key, s] of snapshot.sessions) store.sessions.set(key, { ...s, expiresAt: new Date(s.expiresAt) });
  store.confirmations.clear();
  for (const [key, c] of snapshot.confirmations) {
    const base = { accountId: c.accountId, expiresAt: new Date(c.expiresAt), used: c.used, wrongGuesses: c.wrongGuesses };
    store.confirmations.set(
      key,
      c.purpose === 'reissue-email'
        ? { ...base, purpose: c.purpose, registration: { ...c.registration, answer: secretHash(c.registration.answer) } }
        : { ...base, purpose: c.purpose, registration: { ...c.registration } },
    );
  }
  store.failedLogins.clear();
  for (const [key, count] of snapshot.failedLogins) store.failedLogins.set(key, count);
  store.reissueMisses.clear();
  for (const [key, misses] of snapshot.reissueMisses) store.reissueMisses.set(key, { ...misses });
  clock.load(snapshot.clock);
  outbox.load({ mails: snapshot.outbox.mails as OutboxMailType[], sequence: snapshot.outbox.sequence });
  return true;
}
