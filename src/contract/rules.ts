/**
 * The service's domain rules as data, and the pure predicates that apply them.
 *
 * Everything here is shared by the SDK (client-side checks), the elements
 * (live checklists), the reference backend (enforcement) and the docs.
 * Credential rules are always evaluated against a {@link CredentialPolicy}
 * that the backend publishes; {@link DEFAULT_CREDENTIAL_POLICY} is the
 * documented fallback used only when the policy cannot be fetched.
 *
 * @module
 */

/**
 * The 20 symbols allowed in login IDs and passwords by the default policy.
 * The user guide says "the following 20 symbols" without listing them
 * (user guide, §1 Initial login; docs/spec/user-guide.md); this is the set the reference backend publishes. Quotes, `<`, `>`, `\` and the backtick
 * are left out so that no symbol needs escaping in HTML, JSON, shells or CSV.
 */
export const DEFAULT_ALLOWED_SYMBOLS = '!#$%&()*+-./:;=?@[]_';

/** Rules for one kind of credential (login ID or password). */
export interface CredentialFieldPolicy {
  /** Fewest characters (Unicode code points). */
  minLength: number;
  /** Most characters (Unicode code points). */
  maxLength: number;
  /** Whether at least one ASCII letter and at least one ASCII digit are required. */
  requireLetterAndDigit: boolean;
  /**
   * `ascii`: only ASCII letters, ASCII digits and {@link CredentialPolicy.allowedSymbols}.
   * `unicode`: any printable Unicode character (NIST SP 800-63B style).
   */
  charset: 'ascii' | 'unicode';
}

/** The credential policy a backend publishes at `GET /credentials/policy`. */
export interface CredentialPolicy {
  loginId: CredentialFieldPolicy;
  password: CredentialFieldPolicy;
  /** Symbols allowed besides letters and digits when `charset` is `ascii`. */
  allowedSymbols: string;
  /** Whether the login ID and the password must differ. */
  loginIdMustDifferFromPassword: boolean;
  /** Length of the single-use login ID printed on the postcard (alphanumerics). */
  initialLoginIdLength: number;
  /** Length of the single-use password printed on the postcard (alphanumerics). */
  initialPasswordLength: number;
  /** Consecutive failed logins after which the account locks. */
  lockThreshold: number;
  /** Hours a mailed confirmation link stays valid. */
  confirmationLinkTtlHours: number;
  /**
   * Hours a reissued temporary password logs in. After that it is refused
   * like a wrong password, and it dies at the forced password change.
   */
  temporaryPasswordHours: number;
  /**
   * How the backend holds sessions ({@link SessionMode}); absent means a
   * bearer token the client keeps in memory (`memory`).
   */
  sessionMode?: SessionMode;
  /** Minutes a session lives without activity (every authenticated call starts them again). */
  sessionIdleMinutes?: number;
}

/**
 * How sessions are held:
 *
 * - `cookie`: the backend sets an `HttpOnly` `__Host-` cookie
 *   ({@link SESSION_COOKIE}) at login and rotates it at every credential
 *   change; the client never sees a token, sends `credentials: 'include'`
 *   and the {@link CSRF_HEADER} on every request, and every write without
 *   that header, or from a foreign `Origin`, is refused with 403 `forbidden`.
 * - `tab`: the login answer carries a bearer token that the client keeps in
 *   `sessionStorage` (this tab only, gone when it closes).
 * - `memory`: the same bearer token, kept in memory only: a reload logs out.
 */
export type SessionMode = 'cookie' | 'tab' | 'memory';

/** The session cookie of the `cookie` mode: `HttpOnly; Secure; SameSite=Lax; Path=/`, no `Domain`. */
export const SESSION_COOKIE = '__Host-wb-session';

/**
 * The header every request carries in the `cookie` mode (value `1`). A
 * cross-site form or a "simple" request cannot set a custom header, and a
 * cross-site script that sets it must pass a CORS preflight first, so a
 * backend that requires it on every write is safe from cross-site request
 * forgery (with an `Origin` check besides).
 */
export const CSRF_HEADER = 'X-Web-Billing-CSRF';

/** The user guide's policy (user guide, §1 Initial login; docs/spec/user-guide.md); used when the backend's published policy is unavailable. */
export const DEFAULT_CREDENTIAL_POLICY: CredentialPolicy = Object.freeze({
  loginId: Object.freeze({ minLength: 5, maxLength: 31, requireLetterAndDigit: true, charset: 'ascii' as const }),
  password: Object.freeze({ minLength: 8, maxLength: 32, requireLetterAndDigit: true, charset: 'ascii' as const }),
  allowedSymbols: DEFAULT_ALLOWED_SYMBOLS,
  loginIdMustDifferFromPassword: true,
  initialLoginIdLength: 7,
  initialPasswordLength: 8,
  lockThreshold: 5,
  confirmationLinkTtlHours: 24,
  temporaryPasswordHours: 24,
}) as CredentialPolicy;

/** Calendar rules of billing data. */
export const BILLING_RULES = Object.freeze({
  /** Months of billing amounts kept, including the current month. */
  historyMonths: 15,
  /** Months of itemised breakdowns kept, including the current month. */
  breakdownMonths: 4,
  /** Day of the month on which a month's bill is due. */
  dueDay: 26,
  /** Days before the due date on which the monthly amount mail is sent. */
  noticeMailDaysBeforeDue: 14,
});

/** Lifetime of a login session without activity, in minutes. */
export const SESSION_IDLE_MINUTES = 30;

/** Inquiry desk as the user guide prints it (user guide, §6 To reissue a login password; docs/spec/user-guide.md), shown to locked-out customers. */
export const INQUIRY_DESK = Object.freeze({
  phone: '0800-333-0030',
  hours: {
    ja: '平日 9:00〜17:00（祝日・年末年始 12月29日〜1月3日を除く）',
    en: '9 am to 5 pm, Monday to Friday (closed on public holidays and from December 29 to January 3)',
  },
});

/** The fixed sender of every mail of the service. */
export const MAIL_SENDER = 'webbilling_info@ntt-finance.co.jp';

/** Which rule of a credential a check is about. */
export type CredentialRule = 'length' | 'letterAndDigit' | 'charset' | 'differs' | 'matches';

/** One line of a credential checklist. */
export interface CredentialCheck {
  rule: CredentialRule;
  ok: boolean;
}

const ASCII_LETTER = /[A-Za-z]/;
const ASCII_DIGIT = /[0-9]/;
// Cc (controls), Cf (format, e.g. zero-width), Zl/Zp separators, lone surrogates, unassigned.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}]/u;

/** Length in Unicode code points, as a person counts characters. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function inCharset(value: string, field: CredentialFieldPolicy, symbols: string): boolean {
  if (field.charset === 'unicode') return !NON_PRINTABLE.test(value);
  for (const ch of value) {
    if (!(ASCII_LETTER.test(ch) || ASCII_DIGIT.test(ch) || symbols.includes(ch))) return false;
  }
  return true;
}

/**
 * Checks a chosen login ID or password against a policy.
 *
 * @param kind - which credential `value` is
 * @param value - what the user typed, unmodified
 * @param policy - the backend's published policy
 * @param other - the other credential (password for a login ID, and the reverse), for the "differs" rule
 * @param confirmation - the value typed again, for the "matches" rule
 * @returns one check per rule that applies, in display order
 *
 * @example
 * ```ts
 * checkCredential('password', 'abc', DEFAULT_CREDENTIAL_POLICY)
 * // [{ rule: 'length', ok: false }, { rule: 'letterAndDigit', ok: false }, { rule: 'charset', ok: true }]
 * ```
 */
export function checkCredential(
  kind: 'loginId' | 'password',
  value: string,
  policy: CredentialPolicy,
  other?: string,
  confirmation?: string,
): CredentialCheck[] {
  const field = policy[kind];
  const length = codePointLength(value);
  const checks: CredentialCheck[] = [{ rule: 'length', ok: length >= field.minLength && length <= field.maxLength }];
  if (field.requireLetterAndDigit) {
    checks.push({ rule: 'letterAndDigit', ok: ASCII_LETTER.test(value) && ASCII_DIGIT.test(value) });
  }
  checks.push({ rule: 'charset', ok: inCharset(value, field, policy.allowedSymbols) });
  if (other !== undefined && policy.loginIdMustDifferFromPassword) {
    checks.push({ rule: 'differs', ok: value !== other });
  }
  if (confirmation !== undefined) checks.push({ rule: 'matches', ok: value === confirmation });
  return checks;
}

/** Whether every check passes. */
export function allPass(checks: readonly CredentialCheck[]): boolean {
  return checks.every((c) => c.ok);
}

/** Whether a value has the shape of a postcard credential: exactly `length` ASCII alphanumerics. */
export function isInitialCredential(value: string, length: number): boolean {
  return value.length === length && /^[A-Za-z0-9]+$/.test(value);
}

/**
 * Turns what a customer typed as a phone or customer number into the wire form:
 * full-width digits become ASCII, dashes (ASCII, full-width, and the Unicode
 * dash and minus forms) and spaces are removed. The result is not validated.
 *
 * @example
 * ```ts
 * normalizeNumber('090-1234-5678') // '09012345678'
 * normalizeNumber('０９０１２３４５６７８') // '09012345678'
 * ```
 */
export function normalizeNumber(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-\u2010-\u2015\u2212\u30fc\uff0d\uff70]/g, '');
}

/** A phone or customer number on the wire: 10 or 11 ASCII digits, no dashes. */
export const REGISTERED_NUMBER_PATTERN = /^[0-9]{10,11}$/;

/** A billing month on the wire. */
export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` of a date, in Japan time (the service's calendar). */
export function monthOf(date: Date): string {
  const jst = new Date(date.getTime() + 9 * 3600_000);
  return `${jst.getUTCFullYear()}-${String(jst.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month `delta` months after `month` (negative for before). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

/** The months of the history window ending at `current`, newest first. */
export function historyWindow(current: string, months: number = BILLING_RULES.historyMonths): string[] {
  return Array.from({ length: months }, (_, i) => addMonths(current, -i));
}

/** Due date (`YYYY-MM-DD`) of a billing month. */
export function dueDateOf(month: string): string {
  return `${month}-${String(BILLING_RULES.dueDay).padStart(2, '0')}`;
}
