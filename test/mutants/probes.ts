/**
 * Liveness probes: for each defect, a short black-box check that sees the
 * defective behaviour through the proxy. A probe returns evidence (a string)
 * when it sees the defect, `null` when the backend behaves. Run against the
 * clean proxy every probe must return `null`, against its defect a string:
 * so a defect the suite does not catch is a real blind spot, not a hook that
 * does nothing. Each probe is also a sketch of the conformance case that
 * would catch its defect.
 *
 * Probes use node:http (not fetch) so they can send any Host header and
 * methods such as TRACE, and they reset the backend first.
 *
 * @module
 */
import { request as httpRequest } from 'node:http';
import { DEMO_ACCOUNTS } from '../../mocks/index.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contract/rules.js';

const CSRF = CSRF_HEADER.toLowerCase();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  text: string;
}

/** A small client for one base URL. */
export class Probe {
  constructor(readonly baseUrl: string) {}

  /**
   * Sends a request, with the CSRF header (which a bearer-token backend
   * ignores) unless `headers` sets it to `''`; `cookie` is sent as the
   * session cookie.
   */
  send(method: string, path: string, options: { body?: unknown; rawBody?: string; token?: string; cookie?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const url = new URL(`${this.baseUrl}${path}`);
    const headers: Record<string, string> = { accept: 'application/json', [CSRF]: '1', ...options.headers };
    if (headers[CSRF] === '') delete headers[CSRF];
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname, port: url.port, method, path: url.pathname + url.search, headers: { host: url.host, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  async reset(): Promise<void> {
    await this.send('POST', '/_dev/reset');
  }

  async login(loginId: string, password: string): Promise<string> {
    const reply = await this.send('POST', '/auth/login', { body: { loginId, password } });
    if (reply.status !== 200) throw new Error(`probe login as ${loginId}: ${reply.status} ${reply.text.slice(0, 100)}`);
    return reply.body.token as string;
  }

  /** Logs in at a cookie backend: the answer, and the session cookie's value and `Set-Cookie` line. */
  async cookieLogin(path = '/auth/login', body: unknown = { loginId: TARO.loginId, password: TARO.password }): Promise<{ reply: Answer; cookie: string; line: string }> {
    const reply = await this.send('POST', path, { body });
    const line = setCookies(reply).find((l) => l.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    if (reply.status !== 200 || !line) throw new Error(`probe cookie login: ${reply.status} ${reply.text.slice(0, 100)}`);
    return { reply, cookie: line.slice(SESSION_COOKIE.length + 1).split(';')[0]!, line };
  }

  /** Whether the session cookie `cookie` still answers `GET /auth/session`. */
  async cookieAlive(cookie: string): Promise<boolean> {
    return (await this.send('GET', '/auth/session', { cookie })).status === 200;
  }

  async mails(): Promise<Array<{ kind: string; to: string; link?: string; temporaryPassword?: string }>> {
    return (await this.send('GET', '/_dev/outbox')).body.mails;
  }

  async advance(ms: number): Promise<void> {
    await this.send('POST', '/_dev/clock', { body: { advanceMs: ms } });
  }

  /** Changes taro's reissue email to itself; returns the mailed link token. */
  async reissueLink(token: string): Promise<string> {
    const { email, questionId, answer } = TARO.reissueEmail;
    const before = (await this.mails()).length;
    const reply = await this.send('PUT', '/reissue-email', { token, body: { email, emailConfirm: email, questionId, answer } });
    if (reply.status !== 202) throw new Error(`probe reissue-email change: ${reply.status}`);
    const mail = (await this.mails()).slice(before).find((m) => m.kind === 'reissue-email-confirm');
    return new URL(mail!.link!).searchParams.get('token')!;
  }

  confirmReissue(link: string, answer = TARO.reissueEmail.answer): Promise<Answer> {
    return this.send('POST', '/reissue-email/confirm', { body: { token: link, questionId: TARO.reissueEmail.questionId, answer } });
  }
}

const TARO = DEMO_ACCOUNTS.established;
const CORP = DEMO_ACCOUNTS.corporate;
const LOCKED = DEMO_ACCOUNTS.locked;
const THRESHOLD = 5;
const header = (a: Answer, name: string) => String(a.headers[name] ?? '');
const setCookies = (a: Answer): string[] => [a.headers['set-cookie'] ?? []].flat();
const POSTCARD = DEMO_ACCOUNTS.postcard;
const IGNORED_HEADERS = new Set(['date', 'x-request-id', 'content-length', 'connection', 'keep-alive']);

/** A probe: evidence of the defect, or null. */
export type ProbeFn = (p: Probe) => Promise<string | null>;

export const PROBES: Record<string, ProbeFn> = {
  async 'lock-never-engages'(p) {
    const r = await p.send('POST', '/auth/login', { body: { loginId: LOCKED.loginId, password: LOCKED.password } });
    return r.status !== 423 ? `a locked account answered ${r.status}` : null;
  },
  async 'lock-early-by-one'(p) {
    for (let i = 1; i < THRESHOLD; i++) {
      const r = await p.send('POST', '/auth/login', { body: { loginId: CORP.loginId, password: 'Wrong2026xx' } });
      if (r.status !== 401) return `attempt ${i} answered ${r.status}`;
    }
    return null;
  },
  async 'lock-late-by-one'(p) {
    let last = 0;
    for (let i = 1; i <= THRESHOLD; i++) last = (await p.send('POST', '/auth/login', { body: { loginId: CORP.loginId, password: 'Wrong2026xx' } })).status;
    return last !== 423 ? `attempt ${THRESHOLD} answered ${last}` : null;
  },
  async 'lock-known-ids-only'(p) {
    let last = 0;
    for (let i = 1; i <= THRESHOLD; i++) last = (await p.send('POST', '/auth/login', { body: { loginId: 'nobody-probe1', password: 'Wrong2026xx' } })).status;
    return last !== 423 ? `an unknown ID answered ${last} at the threshold` : null;
  },
  async 'enum-login-message'(p) {
    const known = await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: 'Wrong2026xx' } });
    const unknown = await p.send('POST', '/auth/login', { body: { loginId: 'nobody-probe2', password: 'Wrong2026xx' } });
    return known.body?.error?.message !== unknown.body?.error?.message ? 'messages differ' : null;
  },
  async 'enum-login-header'(p) {
    const known = await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: 'Wrong2026xx' } });
    const unknown = await p.send('POST', '/auth/login', { body: { loginId: 'nobody-probe3', password: 'Wrong2026xx' } });
    const names = (a: Answer) => Object.keys(a.headers).filter((h) => !IGNORED_HEADERS.has(h)).sort().join();
    return names(known) !== names(unknown) ? `headers differ: [${names(known)}] vs [${names(unknown)}]` : null;
  },
  async 'enum-reissue-404'(p) {
    const r = await p.send('POST', '/password-reissue', { body: { loginId: 'nobody-probe4', email: 'a@example.jp', questionId: 'first-pet', answer: 'x' } });
    return r.status !== 202 ? `unknown ID answered ${r.status}` : null;
  },
  async 'enum-reissue-says-mismatch'(p) {
    const r = await p.send('POST', '/password-reissue', { body: { loginId: TARO.loginId, email: TARO.reissueEmail.email, questionId: TARO.reissueEmail.questionId, answer: 'wrong' } });
    return r.status !== 202 ? `a wrong answer answered ${r.status}` : null;
  },
  async 'logout-keeps-session'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    await p.send('POST', '/auth/logout', { token });
    return (await p.send('GET', '/auth/session', { token })).status === 200 ? 'the session works after logout' : null;
  },
  async 'session-never-idles-out'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    await p.advance(31 * 60_000);
    return (await p.send('GET', '/auth/session', { token })).status === 200 ? 'the session works after 31 idle minutes' : null;
  },
  async 'login-keeps-older-session'(p) {
    const first = await p.login(TARO.loginId, TARO.password);
    await p.login(TARO.loginId, TARO.password);
    return (await p.send('GET', '/account', { token: first })).status === 200 ? 'the older session still reads the account' : null;
  },
  async 'change-password-not-applied'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    await p.send('POST', '/credentials/password', { token, body: { currentPassword: TARO.password, newPassword: 'Probe2026new', newPasswordConfirm: 'Probe2026new' } });
    return (await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: 'Probe2026new' } })).status !== 200 ? 'the new password does not log in' : null;
  },
  async 'old-password-still-works'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    await p.send('POST', '/credentials/password', { token, body: { currentPassword: TARO.password, newPassword: 'Probe2026new', newPasswordConfirm: 'Probe2026new' } });
    return (await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: TARO.password } })).status === 200 ? 'the old password logs in' : null;
  },
  async 'setup-keeps-postcard-credentials'(p) {
    const postcard = DEMO_ACCOUNTS.postcard;
    const r = await p.send('POST', '/auth/initial-login', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    await p.send('POST', '/credentials/setup', {
      token: r.body.token,
      body: { initialLoginId: postcard.loginId, initialPassword: postcard.password, newLoginId: 'probe2026', newLoginIdConfirm: 'probe2026', newPassword: 'Probe2026pw', newPasswordConfirm: 'Probe2026pw' },
    });
    const again = await p.send('POST', '/auth/initial-login', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    return again.status === 200 ? 'the postcard credentials log in after setup' : null;
  },
  async 'password-truncated-to-20'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const long = 'Probe2026abcdefghijklmnopqrstuv'.slice(0, 32);
    await p.send('POST', '/credentials/password', { token, body: { currentPassword: TARO.password, newPassword: long, newPasswordConfirm: long } });
    return (await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: long.slice(0, 20) } })).status === 200 ? 'the first 20 characters log in' : null;
  },
  async 'password-case-insensitive'(p) {
    const swapped = [...TARO.password].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    return (await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: swapped } })).status === 200 ? 'the password in swapped case logs in' : null;
  },
  async 'temporary-password-not-forced-to-change'(p) {
    const before = (await p.mails()).length;
    await p.send('POST', '/password-reissue', { body: { loginId: LOCKED.loginId, ...LOCKED.reissueEmail } });
    const temporary = (await p.mails()).slice(before).find((m) => m.temporaryPassword)?.temporaryPassword;
    const r = await p.send('POST', '/auth/login', { body: { loginId: LOCKED.loginId, password: temporary } });
    return r.body?.stage === 'active' ? 'the temporary password gives an active session' : null;
  },
  async 'temporary-password-never-expires'(p) {
    const policy = (await p.send('GET', '/credentials/policy')).body;
    const hours = typeof policy.temporaryPasswordHours === 'number' ? policy.temporaryPasswordHours : 24;
    const before = (await p.mails()).length;
    await p.send('POST', '/password-reissue', { body: { loginId: LOCKED.loginId, ...LOCKED.reissueEmail } });
    const temporary = (await p.mails()).slice(before).find((m) => m.temporaryPassword)?.temporaryPassword;
    await p.advance(hours * 3_600_000 + 1_000);
    const r = await p.send('POST', '/auth/login', { body: { loginId: LOCKED.loginId, password: temporary } });
    return r.status === 200 ? `the temporary password still logs in after ${hours} h` : null;
  },
  async 'login-id-availability-always-true'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const r = await p.send('GET', `/credentials/login-id-availability?loginId=${CORP.loginId}`, { token });
    return r.body?.available === true ? 'a taken login ID is reported available' : null;
  },
  async 'link-reusable'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    await p.confirmReissue(link);
    return (await p.confirmReissue(link)).status === 200 ? 'a used link confirms again' : null;
  },
  async 'older-link-not-withdrawn'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const older = await p.reissueLink(token);
    await p.reissueLink(token);
    return (await p.confirmReissue(older)).status === 200 ? 'the older link confirms after a newer one was mailed' : null;
  },
  async 'link-expiry-ignored'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    await p.advance(24 * 3_600_000 + 1_000);
    return (await p.confirmReissue(link)).status === 200 ? 'an expired link confirms' : null;
  },
  async 'reissue-link-answer-not-checked'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    return (await p.confirmReissue(link, 'certainly-wrong')).status === 200 ? 'a wrong answer confirms' : null;
  },
  async 'notice-link-number-not-checked'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const before = (await p.mails()).length;
    await p.send('PUT', '/notice-email', { token, body: TARO.noticeEmail });
    const mail = (await p.mails()).slice(before).find((m) => m.kind === 'notice-email-confirm')!;
    const link = new URL(mail.link!).searchParams.get('token');
    const r = await p.send('POST', '/notice-email/confirm', { body: { token: link, registeredNumber: '0000000000' } });
    return r.status === 200 ? 'a wrong registered number confirms' : null;
  },
  async 'secret-answer-compared-exactly'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    return (await p.confirmReissue(link, ` ${TARO.reissueEmail.answer.toUpperCase()} `)).status !== 200 ? 'the answer in other case and with spaces is refused' : null;
  },
  async 'link-wrong-answers-unlimited'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    for (let i = 0; i < THRESHOLD; i++) await p.confirmReissue(link, `wrong-${i}`);
    return (await p.confirmReissue(link)).status === 200 ? `the link still confirms after ${THRESHOLD} wrong answers` : null;
  },
  async 'link-token-64-bits'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    return link.length < 22 ? `a ${link.length}-character link token` : null;
  },
  async 'breakdown-ignores-foreign-filter'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const month = (await p.send('GET', '/billing/history', { token })).body.currentMonth;
    const r = await p.send('GET', `/billing/months/${month}/breakdown?view=line&line=09011110087`, { token });
    return r.status === 200 ? 'another account\'s line answers 200' : null;
  },
  async 'read-cache-ignores-account'(p) {
    const taro = await p.login(TARO.loginId, TARO.password);
    await p.send('GET', '/account', { token: taro });
    const corp = await p.login(CORP.loginId, CORP.password);
    const r = await p.send('GET', '/account', { token: corp });
    return r.body?.loginId !== CORP.loginId ? `corp-admin1 read the account of ${r.body?.loginId}` : null;
  },
  async 'cors-wildcard'(p) {
    const r = await p.send('GET', '/credentials/policy', { headers: { origin: 'https://evil.example' } });
    const allowed = header(r, 'access-control-allow-origin');
    return allowed === '*' || allowed === 'https://evil.example' ? `Access-Control-Allow-Origin: ${allowed}` : null;
  },
  async 'cors-reflects-any-origin'(p) {
    const r = await p.send('OPTIONS', '/account', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const allowed = header(r, 'access-control-allow-origin');
    return allowed === '*' || allowed === 'https://evil.example' ? `preflight allows ${allowed}` : null;
  },
  async 'no-nosniff'(p) {
    const r = await p.send('GET', '/credentials/policy');
    return header(r, 'x-content-type-options').toLowerCase() !== 'nosniff' ? 'no X-Content-Type-Options: nosniff' : null;
  },
  async 'no-framing-protection'(p) {
    const r = await p.send('GET', '/credentials/policy');
    const framed = header(r, 'x-frame-options').toUpperCase() !== 'DENY' && !/frame-ancestors\s+'none'/.test(header(r, 'content-security-policy'));
    return framed ? 'neither X-Frame-Options DENY nor frame-ancestors \'none\'' : null;
  },
  async 'cacheable-answers'(p) {
    const r = await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: TARO.password } });
    return !/no-store/.test(header(r, 'cache-control')) ? `login answer with Cache-Control: ${header(r, 'cache-control')}` : null;
  },
  async 'no-referrer-policy'(p) {
    const r = await p.send('GET', '/credentials/policy');
    return header(r, 'referrer-policy') === '' ? 'no Referrer-Policy' : null;
  },
  async 'text-plain-writes-accepted'(p) {
    const r = await p.send('POST', '/auth/login', { rawBody: JSON.stringify({ loginId: TARO.loginId, password: TARO.password }), headers: { 'content-type': 'text/plain' } });
    return r.status !== 415 ? `a text/plain login answered ${r.status}` : null;
  },
  async 'trace-echoes-request'(p) {
    const r = await p.send('TRACE', '/credentials/policy', { headers: { authorization: 'Bearer probe-secret-token' } });
    return r.status < 300 || r.text.includes('probe-secret-token') ? `TRACE answered ${r.status}` : null;
  },
  async 'long-url-500'(p) {
    const r = await p.send('GET', `/credentials/policy?x=${'a'.repeat(3000)}`);
    return r.status >= 500 ? `a long URL answered ${r.status}` : null;
  },
  async 'wrong-method-404'(p) {
    const r = await p.send('DELETE', '/auth/login');
    return r.status !== 405 ? `DELETE /auth/login answered ${r.status}` : null;
  },
  async 'host-not-checked'(p) {
    const r = await p.send('GET', '/credentials/policy', { headers: { host: 'evil.example' } });
    return r.status === 200 ? 'Host: evil.example answered 200' : null;
  },
  async 'host-refusal-ignored'(p) {
    const r = await p.send('GET', '/credentials/policy', { headers: { host: 'evil.example' } });
    return r.status === 200 ? 'Host: evil.example answered 200' : null;
  },
  async 'error-without-request-id'(p) {
    const r = await p.send('GET', '/no-such-route');
    return typeof r.body?.requestId !== 'string' ? 'an error without requestId' : null;
  },
  async 'validation-as-422'(p) {
    const r = await p.send('POST', '/auth/login', { body: { loginId: '', password: '' } });
    return r.status !== 400 ? `validation_failed answered ${r.status}` : null;
  },
  async 'session-expired-as-403'(p) {
    const r = await p.send('GET', '/account');
    return r.status !== 401 ? `no token answered ${r.status}` : null;
  },
  async 'notice-email-format-not-validated'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const r = await p.send('PUT', '/notice-email', { token, body: { type: 'mobile', email: 'not-an-email' } });
    return r.status < 300 ? `a malformed email answered ${r.status}` : null;
  },
  async 'history-14-months'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const n = (await p.send('GET', '/billing/history', { token })).body.months.length;
    return n !== 15 ? `${n} months` : null;
  },
  async 'history-oldest-first'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const { body } = await p.send('GET', '/billing/history', { token });
    return body.months[0].month !== body.currentMonth ? 'the first month is not the current one' : null;
  },
  async 'line-subtotal-before-discounts'(p) {
    const token = await p.login(CORP.loginId, CORP.password);
    const month = (await p.send('GET', '/billing/history', { token })).body.currentMonth;
    const { body } = await p.send('GET', `/billing/months/${month}/breakdown`, { token });
    for (const c of body.companies) {
      for (const l of c.lines) {
        const sum = l.items.reduce((a: number, i: { amount: number }) => a + i.amount, 0);
        if (sum !== l.subtotal) return `line ${l.lineNumber}: items add up to ${sum}, subtotal ${l.subtotal}`;
      }
      const lines = c.lines.reduce((a: number, l: { subtotal: number }) => a + l.subtotal, 0);
      if (lines !== c.subtotal) return `company ${c.companyId}: lines add up to ${lines}, subtotal ${c.subtotal}`;
    }
    return null;
  },
  async 'summary-total-without-tax'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const history = (await p.send('GET', '/billing/history', { token })).body;
    const summary = (await p.send('GET', `/billing/months/${history.currentMonth}/summary`, { token })).body;
    const breakdown = (await p.send('GET', `/billing/months/${history.currentMonth}/breakdown`, { token })).body;
    const totals = [history.months[0].amount, summary.total, breakdown.total];
    return new Set(totals).size > 1 ? `history, summary, breakdown totals: ${totals.join(', ')}` : null;
  },
  async 'amounts-as-strings'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const { body } = await p.send('GET', '/billing/history', { token });
    return typeof body.months[0].amount !== 'number' ? 'amount is not a number' : null;
  },
  async 'race-confirm-twice'(p) {
    const link = await p.reissueLink(await p.login(TARO.loginId, TARO.password));
    const replies = await Promise.all([p.confirmReissue(link), p.confirmReissue(link)]);
    return replies.every((r) => r.status === 200) ? 'two parallel confirmations both answered 200' : null;
  },
  async 'race-login-burst-past-lock'(p) {
    const replies = await Promise.all(Array.from({ length: THRESHOLD + 3 }, (_, i) => p.send('POST', '/auth/login', { body: { loginId: CORP.loginId, password: `Wrong2026x${i}` } })));
    const accepted = replies.filter((r) => r.status === 401).length;
    return accepted > THRESHOLD - 1 ? `${accepted} of ${replies.length} parallel wrong logins answered 401` : null;
  },
  async 'race-change-password-twice'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const change = (next: string) => p.send('POST', '/credentials/password', { token, body: { currentPassword: TARO.password, newPassword: next, newPasswordConfirm: next } });
    const replies = await Promise.all([change('Probe2026one'), change('Probe2026two')]);
    return replies.every((r) => r.status === 200) ? 'two parallel changes with the same current password both answered 200' : null;
  },
  async 'reissue-answer-not-checked'(p) {
    const before = (await p.mails()).length;
    await p.send('POST', '/password-reissue', { body: { loginId: TARO.loginId, email: TARO.reissueEmail.email, questionId: TARO.reissueEmail.questionId, answer: 'certainly-wrong' } });
    return (await p.mails()).length > before ? 'a wrong answer got a mail' : null;
  },
  async 'reissue-guesses-unlimited'(p) {
    const { email, questionId, answer } = TARO.reissueEmail;
    for (let i = 0; i < THRESHOLD; i++) await p.send('POST', '/password-reissue', { body: { loginId: TARO.loginId, email, questionId, answer: `wrong-${i}` } });
    const before = (await p.mails()).length;
    await p.send('POST', '/password-reissue', { body: { loginId: TARO.loginId, email, questionId, answer } });
    return (await p.mails()).length > before ? `a full match still mails after ${THRESHOLD} mismatches` : null;
  },
  async 'login-id-case-insensitive'(p) {
    const r = await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId.toUpperCase(), password: TARO.password } });
    return r.status === 200 ? 'the upper-case ID logs in' : null;
  },
  async 'login-id-not-normalised'(p) {
    const wide = [...TARO.loginId].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    const r = await p.send('POST', '/auth/login', { body: { loginId: ` ${wide} `, password: TARO.password } });
    return r.status !== 200 ? `the full-width ID with spaces answered ${r.status}` : null;
  },
  async 'success-keeps-failure-count'(p) {
    for (let i = 0; i < THRESHOLD - 1; i++) await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: 'Wrong2026xx' } });
    await p.login(TARO.loginId, TARO.password);
    const r = await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: 'Wrong2026xx' } });
    return r.status !== 401 ? `the first failure after a success answered ${r.status}` : null;
  },
  async 'email-delete-not-applied'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    await p.send('DELETE', '/notice-email', { token });
    const state = (await p.send('GET', '/notice-email', { token })).body?.state;
    return state !== 'none' ? `state ${state} after the delete` : null;
  },
  async 'future-month-served'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const current: string = (await p.send('GET', '/billing/history', { token })).body.currentMonth;
    const [y, m] = current.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const r = await p.send('GET', `/billing/months/${next}/breakdown`, { token });
    return r.status === 200 ? `the future month ${next} answered 200` : null;
  },
  async 'tax-total-from-total'(p) {
    const token = await p.login(CORP.loginId, CORP.password);
    const month = (await p.send('GET', '/billing/history', { token })).body.currentMonth;
    const { body } = await p.send('GET', `/billing/months/${month}/breakdown`, { token });
    let tax = 0;
    for (const c of body.companies) for (const l of c.lines) for (const i of l.items) if (i.kind === 'tax') tax += i.amount;
    return tax !== body.taxTotal ? `taxTotal ${body.taxTotal}, tax items add up to ${tax}` : null;
  },
  async 'setup-skips-postcard-check'(p) {
    const postcard = DEMO_ACCOUNTS.postcard;
    const r = await p.send('POST', '/auth/initial-login', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    const setup = await p.send('POST', '/credentials/setup', {
      token: r.body.token,
      body: { initialLoginId: postcard.loginId, initialPassword: 'Zz9wrong', newLoginId: 'probe2027', newLoginIdConfirm: 'probe2027', newPassword: 'Probe2027pw', newPasswordConfirm: 'Probe2027pw' },
    });
    return setup.status === 200 ? 'setup with a wrong postcard password succeeded' : null;
  },
  async 'change-password-skips-current-check'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const r = await p.send('POST', '/credentials/password', { token, body: { currentPassword: 'NotMine2026', newPassword: 'Probe2026new', newPasswordConfirm: 'Probe2026new' } });
    return r.status === 200 ? 'a wrong current password changed the password' : null;
  },
  async 'json-served-as-html'(p) {
    const r = await p.send('GET', '/credentials/policy');
    return !/^application\/json/i.test(header(r, 'content-type')) ? `Content-Type: ${header(r, 'content-type')}` : null;
  },
  async 'session-token-accepted-in-url'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const r = await p.send('GET', `/account?access_token=${encodeURIComponent(token)}`);
    return r.status === 200 ? 'the token in the query string reads the account' : null;
  },
  async 'session-token-72-bits'(p) {
    const r = await p.send('POST', '/auth/login', { body: { loginId: TARO.loginId, password: TARO.password } });
    return String(r.body?.token).length < 22 ? `a ${String(r.body?.token).length}-character session token` : null;
  },
  async 'reissue-does-not-unlock'(p) {
    await p.send('POST', '/auth/login', { body: { loginId: LOCKED.loginId, password: LOCKED.password } });
    const before = (await p.mails()).length;
    await p.send('POST', '/password-reissue', { body: { loginId: LOCKED.loginId, ...LOCKED.reissueEmail } });
    const temporary = (await p.mails()).slice(before).find((m) => m.temporaryPassword)?.temporaryPassword;
    const r = await p.send('POST', '/auth/login', { body: { loginId: LOCKED.loginId, password: temporary } });
    return r.status === 423 ? 'the temporary password answers 423' : null;
  },
  async 'session-not-extended-by-use'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    await p.advance(20 * 60_000);
    await p.send('GET', '/auth/session', { token });
    await p.advance(20 * 60_000);
    return (await p.send('GET', '/auth/session', { token })).status !== 200 ? 'a session used 20 minutes ago ended' : null;
  },
  async 'no-password-change-notification'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const before = (await p.mails()).length;
    await p.send('POST', '/credentials/password', { token, body: { currentPassword: TARO.password, newPassword: 'Probe2026new', newPasswordConfirm: 'Probe2026new' } });
    return !(await p.mails()).slice(before).some((m) => m.kind === 'credentials-changed') ? 'no credentials-changed mail' : null;
  },
  async 'notification-contains-password'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const before = (await p.mails()).length;
    await p.send('POST', '/credentials/password', { token, body: { currentPassword: TARO.password, newPassword: 'Probe2026new', newPasswordConfirm: 'Probe2026new' } });
    return JSON.stringify((await p.mails()).slice(before)).includes('Probe2026new') ? 'a mail quotes the new password' : null;
  },
  async 'temporary-password-6-digits'(p) {
    const before = (await p.mails()).length;
    await p.send('POST', '/password-reissue', { body: { loginId: LOCKED.loginId, ...LOCKED.reissueEmail } });
    const temporary = (await p.mails()).slice(before).find((m) => m.temporaryPassword)?.temporaryPassword ?? '';
    const policy = (await p.send('GET', '/credentials/policy')).body;
    const ok = temporary.length >= policy.password.minLength && /[A-Za-z]/.test(temporary) && /\d/.test(temporary);
    return !ok ? `temporary password "${temporary.replace(/./g, '*')}" (${temporary.length} characters) breaks the policy` : null;
  },
  async 'email-status-not-masked'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const r = await p.send('GET', '/reissue-email', { token });
    return String(r.body?.email) === TARO.reissueEmail.email ? 'the whole address is shown' : null;
  },
  async 'control-characters-500'(p) {
    const r = await p.send('POST', '/auth/login', { body: { loginId: 'taro\u00002024', password: 'x' } });
    return r.status >= 500 ? `a NUL in the login ID answered ${r.status}` : null;
  },
  async 'cookie-not-httponly'(p) {
    const { line } = await p.cookieLogin();
    return /;\s*httponly/i.test(line) ? null : `the session cookie lacks HttpOnly: ${line.replace(/=[^;]+/, '=…')}`;
  },
  async 'cookie-not-secure'(p) {
    const { line } = await p.cookieLogin();
    return /;\s*secure/i.test(line) ? null : `the session cookie lacks Secure: ${line.replace(/=[^;]+/, '=…')}`;
  },
  async 'cookie-samesite-none'(p) {
    const { line } = await p.cookieLogin();
    return /samesite=(lax|strict)/i.test(line) ? null : `the session cookie: ${line.replace(/=[^;]+/, '=…')}`;
  },
  async 'token-in-login-body'(p) {
    const { reply } = await p.cookieLogin();
    return reply.body?.token ? 'the login answer holds a token' : null;
  },
  async 'bearer-accepted-beside-cookie'(p) {
    const { cookie } = await p.cookieLogin();
    const r = await p.send('GET', '/auth/session', { token: cookie });
    return r.status === 200 ? 'the cookie value as a bearer token answered 200' : null;
  },
  async 'password-change-keeps-cookie'(p) {
    const { cookie } = await p.cookieLogin();
    await p.send('POST', '/credentials/password', { cookie, body: { currentPassword: TARO.password, newPassword: 'Probe2026new', newPasswordConfirm: 'Probe2026new' } });
    return (await p.cookieAlive(cookie)) ? 'the cookie from before the password change still works' : null;
  },
  async 'setup-keeps-cookie'(p) {
    const { cookie } = await p.cookieLogin('/auth/initial-login', { initialLoginId: POSTCARD.loginId, initialPassword: POSTCARD.password });
    const setup = { initialLoginId: POSTCARD.loginId, initialPassword: POSTCARD.password, newLoginId: 'probe2026a', newLoginIdConfirm: 'probe2026a', newPassword: 'Probe2026pw', newPasswordConfirm: 'Probe2026pw' };
    const r = await p.send('POST', '/credentials/setup', { cookie, body: setup });
    if (r.status !== 200) return `probe setup answered ${r.status}`;
    return (await p.cookieAlive(cookie)) ? 'the postcard session\'s cookie still works after the first change' : null;
  },
  async 'logout-keeps-cookie'(p) {
    const { cookie } = await p.cookieLogin();
    const r = await p.send('POST', '/auth/logout', { cookie });
    return setCookies(r).some((l) => l.startsWith(`${SESSION_COOKIE}=`) && /max-age=0/i.test(l)) ? null : 'the logout answer does not clear the cookie';
  },
  async 'logout-keeps-cookie-session'(p) {
    const { cookie } = await p.cookieLogin();
    await p.send('POST', '/auth/logout', { cookie });
    return (await p.cookieAlive(cookie)) ? 'the cookie still works after the logout' : null;
  },
  async 'csrf-header-not-checked'(p) {
    const { cookie } = await p.cookieLogin();
    const r = await p.send('POST', '/auth/logout', { cookie, headers: { [CSRF]: '' } });
    return r.status !== 403 ? `a logout without the CSRF header answered ${r.status}` : null;
  },
  async 'origin-not-checked'(p) {
    const { cookie } = await p.cookieLogin();
    const r = await p.send('POST', '/auth/logout', { cookie, headers: { origin: 'https://evil.example' } });
    return r.status !== 403 ? `a logout from a foreign Origin answered ${r.status}` : null;
  },
  async 'register-overwrites-registered'(p) {
    const token = await p.login(TARO.loginId, TARO.password);
    const r = await p.send('POST', '/notice-email', { token, body: { type: 'internet', email: 'other@example.jp' } });
    return r.status !== 409 ? `POST over a registered email answered ${r.status}` : null;
  },
};
