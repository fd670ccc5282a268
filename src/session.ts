/**
 * The session, held in memory only: never in storage, cookies, URLs, events
 * or error messages. Listeners learn of changes without seeing the token.
 *
 * @module
 */
import type { SessionStage } from './contract/index.js';

/** What the SDK tells about the session; never the token. */
export interface SessionInfo {
  /** What the customer may do next. */
  stage: SessionStage;
  /** The login ID of the session (the postcard ID during the first change). */
  loginId: string;
  /** When the session ends without activity (ISO 8601). */
  expiresAt: string;
}

/** Why the session changed. */
export type SessionChangeReason = 'login' | 'refresh' | 'stage' | 'logout' | 'expired';

/** Receives session changes; `session` is `undefined` once logged out or expired. */
export type SessionListener = (session: SessionInfo | undefined, reason: SessionChangeReason) => void;

export class SessionStore {
  #token: string | undefined;
  #info: SessionInfo | undefined;
  readonly #listeners = new Set<SessionListener>();

  get token(): string | undefined {
    return this.#token;
  }

  get info(): SessionInfo | undefined {
    return this.#info ? { ...this.#info } : undefined;
  }

  start(token: string, info: SessionInfo): void {
    this.#token = token;
    this.#info = { ...info };
    this.#emit('login');
  }

  update(patch: Partial<SessionInfo>, reason: SessionChangeReason): void {
    if (!this.#info) return;
    this.#info = { ...this.#info, ...patch };
    this.#emit(reason);
  }

  /** Forgets the token; `true` if there was one. */
  clear(reason: 'logout' | 'expired'): boolean {
    if (this.#token === undefined && this.#info === undefined) return false;
    this.#token = undefined;
    this.#info = undefined;
    this.#emit(reason);
    return true;
  }

  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(reason: SessionChangeReason): void {
    const info = this.info;
    for (const listener of this.#listeners) listener(info, reason);
  }
}
