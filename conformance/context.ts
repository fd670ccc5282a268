/**
 * What a conformance case gets: the API, the fixtures, the backend's
 * published policy, and the reference backend's development routes where the
 * backend has them (outbox, clock, reset).
 *
 * @module
 */
import { OutboxResponse, type OutboxMail } from '../src/contract/dev.js';
import { SESSION_COOKIE, type CredentialPolicy } from '../src/contract/rules.js';
import type { Fixtures } from './fixtures.js';
import { Api, CaseSkipped, check, describeReply, expectSuccess, type Reply } from './http.js';

/** How a case that checks cookie sessions says why it is skipped against a bearer-token backend (its skip reason starts so). */
export const COOKIE_ONLY = 'applies to cookie sessions only';

/** Which development routes the backend has. */
export interface DevRoutes {
  /** `GET /_dev/outbox`: the mails sent. */
  outbox: boolean;
  /** `POST /_dev/clock`: move the backend's clock. */
  clock: boolean;
  /** `POST /_dev/reset`: restore the seeded accounts (run before every case). */
  reset: boolean;
}

/** Login ID and password. */
export interface Credentials {
  loginId: string;
  password: string;
}

/** What a case gets: the API, the fixtures, the published policy and the development routes found. */
export class CaseContext {
  constructor(
    readonly api: Api,
    readonly fixtures: Fixtures,
    readonly policy: CredentialPolicy,
    readonly dev: DevRoutes,
  ) {}

  /** Skips the case unless the backend has the development route. */
  needs(route: keyof DevRoutes): void {
    const why = { outbox: 'GET /_dev/outbox (the mail outbox)', clock: 'POST /_dev/clock (a test clock)', reset: 'POST /_dev/reset' };
    if (!this.dev[route]) throw new CaseSkipped(`needs ${why[route]}, which this backend does not have`);
  }

  /** A fixture, or a skip naming it. */
  fixture<K extends keyof Fixtures>(name: K): NonNullable<Fixtures[K]> {
    const value = this.fixtures[name];
    if (value === undefined) throw new CaseSkipped(`needs the "${String(name)}" fixture`);
    return value as NonNullable<Fixtures[K]>;
  }

  /** Whether the backend holds sessions in a cookie (its policy's `sessionMode` is `cookie`). */
  get cookieSessions(): boolean {
    return this.api.cookieSessions;
  }

  /** Skips the case unless the backend holds sessions in a cookie. */
  needsCookieSessions(): void {
    if (!this.cookieSessions) {
      throw new CaseSkipped(`${COOKIE_ONLY}; this backend publishes sessionMode ${this.policy.sessionMode ?? '(none: a bearer token)'}`);
    }
  }

  /**
   * The session a login (or a rotation) handed out: the body's token in the
   * bearer modes, the session cookie's value in the `cookie` mode. Fails if
   * the answer has none.
   */
  sessionOf(reply: Reply): string {
    const where = this.cookieSessions ? `a ${SESSION_COOKIE} cookie (Set-Cookie)` : 'a token';
    check(reply.session, `${reply.id}: ${describeReply(reply)} hands out no session: expected ${where}`);
    return reply.session;
  }

  /**
   * The session to go on with after `reply`, an answer to a call made with
   * `previous`: the new one where the answer rotated it (a cookie backend
   * does at every credential change), else `previous`.
   */
  sessionAfter(reply: Reply, previous: string): string {
    return reply.session ?? previous;
  }

  /** Logs in and returns the session ({@link CaseContext.sessionOf}). */
  async login(credentials: Credentials): Promise<string> {
    const reply = await this.api.call('auth.login', { body: credentials });
    check(reply.status === 200, `auth.login as ${credentials.loginId}: expected 200, got ${describeReply(reply)}`);
    expectSuccess(reply);
    return this.sessionOf(reply);
  }

  /** Every mail in the outbox, oldest first. */
  async mails(): Promise<OutboxMail[]> {
    this.needs('outbox');
    const reply = await this.api.ok('dev.outbox');
    return OutboxResponse.parse(reply.body).mails;
  }

  /** The mails sent after `before` of them had been sent. */
  async mailsSince(before: number): Promise<OutboxMail[]> {
    return (await this.mails()).slice(before);
  }

  /** The newest mail of a kind to an address, sent after `before` mails; fails if there is none. */
  async mailOf(kind: OutboxMail['kind'], to: string, before: number): Promise<OutboxMail> {
    const mail = (await this.mailsSince(before)).filter((m) => m.kind === kind && m.to.toLowerCase() === to.toLowerCase()).at(-1);
    check(mail, `no ${kind} mail to ${to} in the outbox`);
    return mail;
  }

  /** Moves the backend clock forward. */
  async advanceClock(ms: number): Promise<void> {
    this.needs('clock');
    await this.api.ok('dev.clock', { body: { advanceMs: ms } });
  }

  /** The confirmation token in a mailed link (`?token=`). */
  tokenOf(mail: OutboxMail): string {
    check(mail.link, `the ${mail.kind} mail has no link`);
    const token = new URL(mail.link).searchParams.get('token');
    check(token, `the link of the ${mail.kind} mail has no token parameter`);
    return token;
  }
}
