/**
 * The session as the SDK holds it, in one of three modes
 * ({@link SessionMode}): a cookie the SDK never sees (`cookie`), a bearer
 * token in this tab's `sessionStorage` (`tab`), or in memory only
 * (`memory`). Never in URLs, events or error messages: listeners learn of
 * changes without seeing the token.
 *
 * It also keeps the time: how long the session has left by the service's
 * clock (learnt from each answer's `Date` header), slid forward by every
 * authenticated call, so a page can warn before the idle end.
 *
 * And it tells the other tabs of the same origin: a logout, an expiry or a
 * password change here ends the session there at once (`BroadcastChannel`).
 *
 * @module
 */
import type { SessionMode, SessionStage } from './contract/index.js';

/** What the SDK tells about the session; never the token. */
export interface SessionInfo {
  /** What the customer may do next. */
  stage: SessionStage;
  /** The login ID of the session (the postcard ID during the first change). */
  loginId: string;
  /** When the session ends without activity (ISO 8601, the service's clock). */
  expiresAt: string;
}

/**
 * Why the session changed:
 *
 * - `login`, `restore` (found again after a reload or on another page),
 *   `refresh` (asked for), `stage` (a credential change), `activity` (the
 *   time left changed: a call extended the session, or an answer showed
 *   the service's clock elsewhere than thought);
 * - it ended: `logout`, `expired`, or in another tab of this site:
 *   `logout-elsewhere`, `expired-elsewhere`, `password-changed-elsewhere`.
 *
 * @see {@link SessionEndReason}
 */
export type SessionChangeReason = 'login' | 'restore' | 'refresh' | 'stage' | 'activity' | SessionEndReason;

/** Why a session ended. */
export type SessionEndReason = 'logout' | 'expired' | 'logout-elsewhere' | 'expired-elsewhere' | 'password-changed-elsewhere';

/** Receives session changes; `session` is `undefined` once it has ended. */
export type SessionListener = (session: SessionInfo | undefined, reason: SessionChangeReason) => void;

/** What one tab tells the others. */
interface TabMessage {
  ended: 'logout' | 'expired' | 'password-changed';
  loginId: string;
}

interface Stored {
  token: string;
  info: SessionInfo;
}

const isEnded = (reason: SessionChangeReason): reason is SessionEndReason =>
  reason === 'logout' || reason === 'expired' || reason.endsWith('-elsewhere');

/** `sessionStorage`, where the page has one that works (not in Node, not in some sandboxed frames). */
function tabStorage(): Storage | undefined {
  try {
    const storage = (globalThis as { sessionStorage?: Storage }).sessionStorage;
    storage?.getItem('');
    return storage;
  } catch {
    return undefined;
  }
}

export class SessionStore {
  #mode: SessionMode | 'auto' = 'auto';
  #token: string | undefined;
  #info: SessionInfo | undefined;
  /** Stands for the live session: a call made under one may only end that one. */
  #ref: object | undefined;
  /** The service's clock minus ours, in ms. */
  #skew = 0;
  #skewKnown = false;
  /** How long the session lives without activity (ms), learnt from `expiresAt`. */
  #span: number | undefined;
  #storage: Storage | undefined;
  #channel: BroadcastChannel | undefined;
  readonly #listeners = new Set<SessionListener>();

  /** @param key names this service's session in `sessionStorage` and between tabs. */
  constructor(readonly key: string) {}

  /** The mode; `auto` until the client has read it from the policy (and until then, calls go as in `memory`). */
  get mode(): SessionMode | 'auto' {
    return this.#mode;
  }

  /** Chooses the mode; in `tab` mode the session this tab kept is taken back (it is checked by `restore`). */
  setMode(mode: SessionMode): void {
    this.#mode = mode;
    this.#storage = mode === 'tab' ? tabStorage() : undefined;
    if (mode !== 'memory' && !this.#channel && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(`web-billing-kit:${this.key}`);
      this.#channel.onmessage = (event: MessageEvent<TabMessage>) => this.#fromOtherTab(event.data);
      // A tab that only listens must not keep Node (or a worker) alive.
      (this.#channel as { unref?: () => void }).unref?.();
    }
    const kept = this.#read();
    if (kept && !this.#info) {
      this.#token = kept.token;
      this.#info = kept.info;
      this.#ref = {};
      this.#observeExpiry(kept.info.expiresAt);
    }
  }

  /** The bearer token, in the `tab` and `memory` modes. */
  get token(): string | undefined {
    return this.#token;
  }

  /** Stands for the live session (compared by identity), `undefined` without one. */
  get ref(): object | undefined {
    return this.#ref;
  }

  get info(): SessionInfo | undefined {
    return this.#info ? { ...this.#info } : undefined;
  }

  /** A new session (`login`), or one found again (`restore`). */
  start(token: string | undefined, info: SessionInfo, reason: 'login' | 'restore' = 'login'): void {
    this.#token = this.#mode === 'cookie' ? undefined : token;
    this.#info = { ...info };
    this.#ref = {};
    this.#observeExpiry(info.expiresAt);
    this.#write();
    this.#emit(reason);
  }

  update(patch: Partial<SessionInfo>, reason: SessionChangeReason): void {
    if (!this.#info) return;
    this.#info = { ...this.#info, ...patch };
    if (patch.expiresAt) this.#observeExpiry(patch.expiresAt);
    this.#write();
    this.#emit(reason);
  }

  /** Forgets the session; `true` if there was one. Tells the other tabs unless it ended in one of them. */
  clear(reason: SessionEndReason): boolean {
    const info = this.#info;
    if (this.#token === undefined && info === undefined) return false;
    this.#token = undefined;
    this.#info = undefined;
    this.#ref = undefined;
    this.#storage?.removeItem(this.#storageKey);
    if (info && (reason === 'logout' || reason === 'expired')) this.tellOtherTabs(reason, info.loginId);
    this.#emit(reason);
    return true;
  }

  /** Tells the other tabs that this session ended, or that its password changed (which ends theirs). */
  tellOtherTabs(ended: TabMessage['ended'], loginId: string): void {
    this.#channel?.postMessage({ ended, loginId } satisfies TabMessage);
  }

  /** Learns the service's time from an answer's `Date` header. */
  observeDate(header: string | null): void {
    const serverTime = header ? Date.parse(header) : NaN;
    if (Number.isNaN(serverTime)) return;
    const skew = serverTime - Date.now();
    // The Date header counts whole seconds: only a larger move is news (the time left changed).
    const moved = this.#skewKnown && Math.abs(skew - this.#skew) > 1_500;
    this.#skew = skew;
    this.#skewKnown = true;
    if (moved && this.#info) this.#emit('activity');
  }

  /** An authenticated call was answered: the service has started the idle time again. */
  observeActivity(): void {
    if (!this.#info || this.#span === undefined) return;
    this.#info = { ...this.#info, expiresAt: new Date(this.#serverNow() + this.#span).toISOString() };
    this.#write();
    this.#emit('activity');
  }

  /** Milliseconds until the idle end, by the service's clock as last seen; `undefined` without a session. */
  timeLeft(): number | undefined {
    return this.#info ? Math.max(0, Date.parse(this.#info.expiresAt) - this.#serverNow()) : undefined;
  }

  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #serverNow(): number {
    return Date.now() + this.#skew;
  }

  #observeExpiry(expiresAt: string): void {
    const span = Date.parse(expiresAt) - this.#serverNow();
    // A span is learnt from an answer that has just come (login, restore, refresh), not from a tab's old copy.
    if (span > 0 && (this.#span === undefined || span > this.#span)) this.#span = span;
  }

  #fromOtherTab(message: TabMessage): void {
    if (!this.#info || typeof message?.loginId !== 'string') return;
    if (message.loginId.toLowerCase() !== this.#info.loginId.toLowerCase()) return;
    const reason = `${message.ended}-elsewhere` as const;
    if (reason === 'logout-elsewhere' || reason === 'expired-elsewhere' || reason === 'password-changed-elsewhere') {
      this.#token = undefined;
      this.#info = undefined;
      this.#ref = undefined;
      this.#storage?.removeItem(this.#storageKey);
      this.#emit(reason);
    }
  }

  get #storageKey(): string {
    return `web-billing-kit:session:${this.key}`;
  }

  #read(): Stored | undefined {
    try {
      const stored = JSON.parse(this.#storage?.getItem(this.#storageKey) ?? 'null') as Stored | null;
      const ok = stored && typeof stored.token === 'string' && typeof stored.info?.loginId === 'string' && typeof stored.info.expiresAt === 'string';
      return ok ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  #write(): void {
    if (!this.#storage || !this.#token || !this.#info) return;
    try {
      this.#storage.setItem(this.#storageKey, JSON.stringify({ token: this.#token, info: this.#info } satisfies Stored));
    } catch {
      // A full or refused storage leaves the session in memory: a reload will ask to log in.
    }
  }

  #emit(reason: SessionChangeReason): void {
    const info = isEnded(reason) ? undefined : this.info;
    for (const listener of this.#listeners) listener(info, reason);
  }
}
