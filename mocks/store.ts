/**
 * The backend's state, in memory: accounts, the login-ID index, sessions,
 * pending confirmations and failed-login counters. {@link MemoryStore.reset}
 * restores the seeded demo accounts.
 *
 * Secrets are never kept in clear: passwords and secret answers are salted
 * SHA-256 ({@link SecretHash}); session and confirmation tokens are kept only
 * as their SHA-256, so a lookup never compares token strings.
 *
 * @module
 */
import type {
  Company,
  Notice,
  NoticeEmailType,
  RegisteredNumber,
  SessionStage,
} from '../src/contract/types.js';
import { monthCharges, type MonthCharges, type ServiceLine } from './billing-data.js';
import { DEFAULT_SEED, seededAccounts } from './demo-accounts.js';
import { hashSecret, loginKey, normalizeAnswer, randomToken, sha256, type SecretHash } from './secrets.js';

/** The postcard's single-use credentials, until the first credential setup. */
export interface PostcardCredentials {
  /** Normalised (`loginKey` of mocks/secrets.ts). */
  loginId: string;
  password: SecretHash;
}

/** The account's own password; `temporary` after a reissue, until changed. */
export interface AccountPassword {
  hash: SecretHash;
  temporary: boolean;
  /** When a temporary password stops logging in (the policy's `temporaryPasswordHours` after the reissue). */
  expiresAt?: Date;
}

/** A confirmed (or pending) email for password reissue. */
export interface ReissueRegistration {
  email: string;
  questionId: string;
  /** Of the normalised answer. */
  answer: SecretHash;
}

/** A confirmed (or pending) email for the monthly billing-amount notice. */
export interface NoticeRegistration {
  type: NoticeEmailType;
  email: string;
}

/** What a mailed confirmation link is for. */
export type ConfirmationPurpose = 'reissue-email' | 'notice-email';

/** What every pending confirmation has, whatever it is for. */
export interface ConfirmationBase {
  accountId: string;
  expiresAt: Date;
  used: boolean;
  /** Wrong answers or numbers given with this token so far. */
  wrongGuesses: number;
}

/** A pending registration and its single-use link. */
export type PendingConfirmation =
  | (ConfirmationBase & { purpose: 'reissue-email'; registration: ReissueRegistration })
  | (ConfirmationBase & { purpose: 'notice-email'; registration: NoticeRegistration });

/** An account. */
export interface AccountRecord {
  id: string;
  customerName: string;
  registeredNumber: RegisteredNumber;
  billing: 'single' | 'combined';
  companies: Company[];
  lines: ServiceLine[];
  notices: Notice[];
  /** The chosen login ID, normalised; null until the postcard credentials are replaced. */
  loginId: string | null;
  password: AccountPassword | null;
  postcard: PostcardCredentials | null;
  reissueEmail: ReissueRegistration | null;
  noticeEmail: NoticeRegistration | null;
  /** Token keys of the pending confirmations, one per purpose. */
  pending: Record<ConfirmationPurpose, string | null>;
  /** Months whose amount mail went out already. */
  noticeMailsSent: Set<string>;
}

/** A login session. */
export interface SessionRecord {
  accountId: string;
  stage: SessionStage;
  loginId: string;
  expiresAt: Date;
  /** Wrong current passwords given in this session (the session ends at the lock threshold). */
  failedChecks: number;
}

/** What a login ID points to. */
export interface LoginEntry {
  accountId: string;
  kind: 'chosen' | 'postcard';
}

/** Options of {@link MemoryStore}. */
export interface StoreOptions {
  seed?: number;
  /** Failed logins at which an account is locked; the seeded locked account starts there. */
  lockThreshold: number;
}

/** The in-memory store. */
export class MemoryStore {
  readonly seed: number;
  readonly accounts = new Map<string, AccountRecord>();
  /** Login ID key (`loginKey` of mocks/secrets.ts) → account; chosen IDs and unused postcard IDs. */
  readonly logins = new Map<string, LoginEntry>();
  /** SHA-256 of the token → session. */
  readonly sessions = new Map<string, SessionRecord>();
  /** SHA-256 of the token → pending confirmation (kept after use, marked used). */
  readonly confirmations = new Map<string, PendingConfirmation>();
  /** Consecutive failed logins, by {@link MemoryStore.failureKey}. */
  readonly failedLogins = new Map<string, number>();
  /**
   * Password reissue requests that did not match, by client and login ID key
   * (`client|loginKey`), with when the first of them came.
   */
  readonly reissueMisses = new Map<string, { count: number; since: number }>();
  readonly #lockThreshold: number;
  readonly #charges = new Map<string, MonthCharges>();

  constructor(options: StoreOptions) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.#lockThreshold = options.lockThreshold;
    this.reset();
  }

  /** Forgets everything and loads the seeded demo accounts again. */
  reset(): void {
    this.accounts.clear();
    this.logins.clear();
    this.sessions.clear();
    this.confirmations.clear();
    this.failedLogins.clear();
    this.reissueMisses.clear();
    this.#charges.clear();
    for (const seeded of seededAccounts(this.seed)) {
      const demo = seeded.demo;
      const key = loginKey(demo.loginId);
      const account: AccountRecord = {
        id: seeded.id,
        customerName: seeded.customerName,
        registeredNumber: { ...demo.registeredNumber },
        billing: seeded.billing,
        companies: seeded.companies,
        lines: seeded.lines,
        notices: seeded.notices,
        loginId: demo.credentialKind === 'chosen' ? key : null,
        password: demo.credentialKind === 'chosen' ? { hash: hashSecret(demo.password), temporary: false } : null,
        postcard: demo.credentialKind === 'postcard' ? { loginId: key, password: hashSecret(demo.password) } : null,
        reissueEmail: demo.reissueEmail
          ? {
              email: demo.reissueEmail.email,
              questionId: demo.reissueEmail.questionId,
              answer: hashSecret(normalizeAnswer(demo.reissueEmail.answer)),
            }
          : null,
        noticeEmail: demo.noticeEmail ? { ...demo.noticeEmail } : null,
        pending: { 'reissue-email': null, 'notice-email': null },
        noticeMailsSent: new Set(),
      };
      this.accounts.set(account.id, account);
      this.logins.set(key, { accountId: account.id, kind: demo.credentialKind });
      if (demo.locked) this.failedLogins.set(this.failureKey(key, account), this.#lockThreshold);
    }
  }

  /** The account a typed login ID points to, if any, and the key it was looked up by. */
  lookupLogin(typed: string): { key: string; entry?: LoginEntry; account?: AccountRecord } {
    const key = loginKey(typed);
    const entry = this.logins.get(key);
    const account = entry ? this.accounts.get(entry.accountId) : undefined;
    return account && entry ? { key, entry, account } : { key };
  }

  /**
   * Where failed logins are counted: per account when the ID is known,
   * otherwise per unknown ID, so both answer alike.
   */
  failureKey(key: string, account?: AccountRecord): string {
    return account ? `account:${account.id}` : `login:${key}`;
  }

  /** Whether a failure key has reached the lock threshold. */
  isLocked(failureKey: string): boolean {
    return (this.failedLogins.get(failureKey) ?? 0) >= this.#lockThreshold;
  }

  /** Counts one more failed login and returns the count. */
  recordFailure(failureKey: string): number {
    const count = (this.failedLogins.get(failureKey) ?? 0) + 1;
    this.failedLogins.set(failureKey, count);
    return count;
  }

  /** Makes the account the chosen login ID's owner and retires its postcard ID. */
  setChosenLoginId(account: AccountRecord, loginId: string): void {
    if (account.loginId !== null) this.logins.delete(account.loginId);
    if (account.postcard) this.logins.delete(account.postcard.loginId);
    account.postcard = null;
    account.loginId = loginKey(loginId);
    this.logins.set(account.loginId, { accountId: account.id, kind: 'chosen' });
  }

  /** Starts a session and ends the account's other sessions; returns the token. */
  async createSession(account: AccountRecord, stage: SessionStage, loginId: string, expiresAt: Date): Promise<string> {
    this.endSessionsOf(account.id);
    const token = randomToken();
    this.sessions.set(await sha256(token), { accountId: account.id, stage, loginId, expiresAt, failedChecks: 0 });
    return token;
  }

  /** Moves a session to a fresh token (the old one stops working); returns the new token. */
  async rotateSession(key: string): Promise<string> {
    const session = this.sessions.get(key);
    if (!session) throw new Error('rotateSession: no such session');
    const token = randomToken();
    this.sessions.delete(key);
    this.sessions.set(await sha256(token), session);
    return token;
  }

  /** The session of a token, with its key, if the token is known. */
  async findSession(token: string): Promise<{ key: string; session: SessionRecord } | null> {
    const key = await sha256(token);
    const session = this.sessions.get(key);
    return session ? { key, session } : null;
  }

  /** Ends every session of an account, except the one stored under `exceptKey` if given. */
  endSessionsOf(accountId: string, exceptKey?: string): void {
    for (const [key, session] of this.sessions) if (session.accountId === accountId && key !== exceptKey) this.sessions.delete(key);
  }

  /**
   * Records a pending registration with a fresh single-use token, replacing
   * (and so invalidating) the account's previous pending one of that purpose.
   */
  async createConfirmation(account: AccountRecord, pending: Omit<PendingConfirmation, 'used' | 'wrongGuesses'>): Promise<string> {
    this.dropPending(account, pending.purpose);
    const token = randomToken();
    const key = await sha256(token);
    this.confirmations.set(key, { ...pending, used: false, wrongGuesses: 0 } as PendingConfirmation);
    account.pending[pending.purpose] = key;
    return token;
  }

  /** The account's pending registration of a purpose, unless it has expired or been used. */
  pendingOf<P extends ConfirmationPurpose>(
    account: AccountRecord,
    purpose: P,
    now: Date,
  ): Extract<PendingConfirmation, { purpose: P }> | null {
    const key = account.pending[purpose];
    const record = key ? this.confirmations.get(key) : undefined;
    // Expired at the instant itself, as a followed link is (`followLink`): valid for 24 hours means not at 24 hours.
    if (!record || record.used || record.purpose !== purpose || now.getTime() >= record.expiresAt.getTime()) return null;
    return record as Extract<PendingConfirmation, { purpose: P }>;
  }

  /** Forgets the account's pending registration of a purpose; its link stops working. */
  dropPending(account: AccountRecord, purpose: ConfirmationPurpose): void {
    const key = account.pending[purpose];
    if (key) this.confirmations.delete(key);
    account.pending[purpose] = null;
  }

  /** The confirmation a token stands for, with its key, if the token is known. */
  async findConfirmation(token: string): Promise<{ key: string; record: PendingConfirmation } | null> {
    const key = await sha256(token);
    const record = this.confirmations.get(key);
    return record ? { key, record } : null;
  }

  /** An account's charges for a month (generated once, then cached). */
  charges(account: AccountRecord, month: string): MonthCharges {
    const cacheKey = `${account.id}|${month}`;
    let charges = this.#charges.get(cacheKey);
    if (!charges) {
      charges = monthCharges(this.seed, account, month);
      this.#charges.set(cacheKey, charges);
    }
    return charges;
  }
}
