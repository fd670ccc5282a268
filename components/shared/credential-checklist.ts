/**
 * The live checklist of a new login ID or password, shared by
 * `<wb-credential-setup>` and `<wb-password-change>`: the backend's policy
 * (loaded by {@link CredentialPolicyController}), one list item per rule
 * that ticks as the customer types, and the same rules as field errors when
 * the form is sent.
 *
 * Accessibility: the list is a real `<ul>`; each item says in words whether
 * it is met (the ✓ is decoration); the input points at the list with
 * `aria-describedby`; a visually hidden polite status says "3 of 5 met",
 * which changes only when the count changes, not on every keystroke.
 *
 * @module
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
// Value imports come from the SDK's modules, not its index, so that an element
// does not bundle the client and its schemas.
import { checkCredential, DEFAULT_CREDENTIAL_POLICY, type CredentialCheck, type CredentialPolicy, type CredentialRule } from '../../src/contract/rules.js';
import type { WebBillingClient } from '../../src/index.js';
import { defineMessages } from './localize.js';

/** Which credential a checklist is about. */
export type CredentialKind = 'loginId' | 'password';

/** Names of the default policy's symbols, for screen readers (which often skip punctuation). */
const SYMBOL_NAMES: Record<'en' | 'ja', Record<string, string>> = {
  en: {
    '!': 'exclamation mark',
    '#': 'number sign',
    $: 'dollar sign',
    '%': 'percent sign',
    '&': 'ampersand',
    '(': 'left parenthesis',
    ')': 'right parenthesis',
    '*': 'asterisk',
    '+': 'plus sign',
    '-': 'hyphen',
    '.': 'full stop',
    '/': 'slash',
    ':': 'colon',
    ';': 'semicolon',
    '=': 'equals sign',
    '?': 'question mark',
    '@': 'at sign',
    '[': 'left square bracket',
    ']': 'right square bracket',
    _: 'underscore',
  },
  ja: {
    '!': '感嘆符',
    '#': 'シャープ',
    $: 'ドル記号',
    '%': 'パーセント',
    '&': 'アンパサンド',
    '(': '左丸かっこ',
    ')': '右丸かっこ',
    '*': 'アスタリスク',
    '+': 'プラス',
    '-': 'ハイフン',
    '.': 'ピリオド',
    '/': 'スラッシュ',
    ':': 'コロン',
    ';': 'セミコロン',
    '=': 'イコール',
    '?': '疑問符',
    '@': 'アットマーク',
    '[': '左角かっこ',
    ']': '右角かっこ',
    _: 'アンダースコア',
  },
};

const spokenSymbols = (locale: 'en' | 'ja', symbols: string): string =>
  Array.from(symbols, (s) => SYMBOL_NAMES[locale][s] ?? s).join(locale === 'ja' ? '、' : ', ');

/** Messages of the checklist, of the rule errors, and the labels of the new credential's fields. */
export const checklistMessages = defineMessages({
  en: {
    label: (kind: CredentialKind) => (kind === 'loginId' ? 'New login ID' : 'New password'),
    labelAgain: (kind: CredentialKind) => (kind === 'loginId' ? 'New login ID again, for confirmation' : 'New password again, for confirmation'),
    title: (kind: CredentialKind) => (kind === 'loginId' ? 'Conditions for the new login ID' : 'Conditions for the new password'),
    length: (min: number, max: number) => `${min} to ${max} characters`,
    letterAndDigit: 'Both letters and digits',
    charsetAscii: 'Only one-byte letters, digits and these symbols:',
    spokenSymbols: (symbols: string) => `, which are: ${spokenSymbols('en', symbols)}`,
    charsetUnicode: 'No control or invisible characters',
    differs: (kind: CredentialKind) => (kind === 'loginId' ? 'Different from the new password' : 'Different from the login ID'),
    matches: 'Typed the same both times',
    met: '(met)',
    unmet: '(not met yet)',
    loadingRules: 'Loading the conditions from the billing service…',
    summary: (kind: CredentialKind, met: number, total: number) =>
      `${kind === 'loginId' ? 'New login ID' : 'New password'}: ${met} of ${total} conditions met.`,
    required: (kind: CredentialKind) => (kind === 'loginId' ? 'Enter a login ID of your choice.' : 'Enter a password of your choice.'),
    requiredAgain: (kind: CredentialKind) => (kind === 'loginId' ? 'Enter the new login ID again.' : 'Enter the new password again.'),
    lengthError: (min: number, max: number) => `Use ${min} to ${max} characters.`,
    letterAndDigitError: 'Use both letters and digits (not letters only or digits only).',
    charsetAsciiError: 'Use only one-byte letters, digits and the listed symbols.',
    charsetUnicodeError: 'Remove control or invisible characters.',
    differsError: 'The password must be different from the login ID.',
    matchesError: (kind: CredentialKind) =>
      kind === 'loginId' ? 'This does not match the new login ID.' : 'This does not match the new password.',
  },
  ja: {
    label: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインID' : '新しいパスワード'),
    labelAgain: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインID（確認用）' : '新しいパスワード（確認用）'),
    title: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインIDの条件' : '新しいパスワードの条件'),
    length: (min: number, max: number) => `${min}〜${max}文字`,
    letterAndDigit: '英字と数字の両方を含む',
    charsetAscii: '半角英数字と次の記号のみ：',
    spokenSymbols: (symbols: string) => `（${spokenSymbols('ja', symbols)}）`,
    charsetUnicode: '制御文字・見えない文字を含まない',
    differs: (kind: CredentialKind) => (kind === 'loginId' ? '新しいパスワードと異なる' : 'ログインIDと異なる'),
    matches: '確認用の入力と一致',
    met: '（条件を満たしています）',
    unmet: '（まだ満たしていません）',
    loadingRules: '条件を読み込んでいます…',
    summary: (kind: CredentialKind, met: number, total: number) =>
      `${kind === 'loginId' ? '新しいログインID' : '新しいパスワード'}：${total}件中${met}件の条件を満たしています。`,
    required: (kind: CredentialKind) => (kind === 'loginId' ? 'お好きなログインIDを入力してください。' : 'お好きなパスワードを入力してください。'),
    requiredAgain: (kind: CredentialKind) =>
      kind === 'loginId' ? '確認のため、新しいログインIDをもう一度入力してください。' : '確認のため、新しいパスワードをもう一度入力してください。',
    lengthError: (min: number, max: number) => `${min}〜${max}文字で入力してください。`,
    letterAndDigitError: '英字と数字を両方使ってください（英字のみ・数字のみは使えません）。',
    charsetAsciiError: '半角英数字と記載の記号のみ使えます。',
    charsetUnicodeError: '制御文字や見えない文字を取り除いてください。',
    differsError: 'ログインIDと異なるパスワードにしてください。',
    matchesError: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインIDと一致しません。' : '新しいパスワードと一致しません。'),
  },
});

/** The checklist's messages in one locale. */
export type ChecklistMessages = (typeof checklistMessages)['en'];

/**
 * The checks of a new credential as the checklist shows them: the policy's
 * rules, except that nothing counts as met before anything is typed (an
 * empty value or confirmation, or no other credential to differ from yet).
 */
export function credentialChecks(
  kind: CredentialKind,
  value: string,
  policy: CredentialPolicy,
  context: { other?: string | undefined; confirmation?: string | undefined } = {},
): CredentialCheck[] {
  const { other, confirmation } = context;
  return checkCredential(kind, value, policy, other, confirmation).map((check) => {
    if (value === '') return { ...check, ok: false };
    if (check.rule === 'differs' && other === '') return { ...check, ok: false };
    if (check.rule === 'matches' && confirmation === '') return { ...check, ok: false };
    return check;
  });
}

/**
 * The first problem of a new credential and of its confirmation, in
 * customer words, to show as field errors when the form is sent. The
 * "differs" rule is reported on the password only (as the service does).
 */
export function credentialErrors(
  kind: CredentialKind,
  value: string,
  confirmation: string,
  policy: CredentialPolicy,
  m: ChecklistMessages,
  other?: string,
): { value?: string; confirmation?: string } {
  const errors: { value?: string; confirmation?: string } = {};
  if (value === '') errors.value = m.required(kind);
  if (confirmation === '') errors.confirmation = m.requiredAgain(kind);
  if (value === '') return errors;
  const field = policy[kind];
  const text: Record<CredentialRule, string | undefined> = {
    length: m.lengthError(field.minLength, field.maxLength),
    letterAndDigit: m.letterAndDigitError,
    charset: field.charset === 'ascii' ? m.charsetAsciiError : m.charsetUnicodeError,
    differs: kind === 'password' ? m.differsError : undefined,
    matches: undefined,
  };
  for (const check of checkCredential(kind, value, policy, other, confirmation === '' ? undefined : confirmation)) {
    if (check.ok) continue;
    if (check.rule === 'matches') errors.confirmation ??= m.matchesError(kind);
    else if (text[check.rule]) errors.value ??= text[check.rule];
  }
  return errors;
}

/** What {@link renderCredentialChecklist} needs. */
export interface ChecklistOptions {
  /** Id of the `<ul>`, for the input's `aria-describedby`. */
  id: string;
  kind: CredentialKind;
  checks: readonly CredentialCheck[];
  policy: CredentialPolicy;
  m: ChecklistMessages;
  /** Whether anything was typed yet (the status stays quiet until then). */
  touched: boolean;
  /**
   * Whether the backend's policy has arrived. Until then the list says it is
   * loading rather than showing the default policy's rules, which a backend
   * with another policy (NIST-style, say) would then contradict.
   */
  loaded?: boolean;
}

/** The checklist of a new login ID or password: a titled list, each rule met or not in words, and a polite count. */
export function renderCredentialChecklist(options: ChecklistOptions): TemplateResult {
  const { id, kind, checks, policy, m } = options;
  const field = policy[kind];
  const label = (check: CredentialCheck) => {
    switch (check.rule) {
      case 'length':
        return m.length(field.minLength, field.maxLength);
      case 'letterAndDigit':
        return m.letterAndDigit;
      case 'charset':
        return field.charset === 'ascii'
          ? html`${m.charsetAscii}
              <code class="wb-symbols" part="symbols" aria-hidden="true">${policy.allowedSymbols}</code
              ><span class="wb-visually-hidden">${m.spokenSymbols(policy.allowedSymbols)}</span>`
          : m.charsetUnicode;
      case 'differs':
        return m.differs(kind);
      case 'matches':
        return m.matches;
    }
  };
  const met = checks.filter((c) => c.ok).length;
  const part = kind === 'loginId' ? 'login-id-checklist' : 'password-checklist';
  return html`<div class="wb-checklist-box" part="checklist ${part}">
    <p class="wb-checklist-title" id="${id}-title">${m.title(kind)}</p>
    <ul class="wb-checklist" id=${id} aria-labelledby="${id}-title" aria-busy=${options.loaded === false ? 'true' : 'false'}>
      ${options.loaded === false
        ? html`<li class="wb-check-loading" part="check-loading">${m.loadingRules}</li>`
        : checks.map(
        (check) => html`<li class="wb-check" part="check" data-rule=${check.rule} ?data-ok=${check.ok}>
          ${label(check)}<span class="wb-visually-hidden"> ${check.ok ? m.met : m.unmet}</span>
        </li>`,
          )}
    </ul>
    <p class="wb-visually-hidden" role="status">${options.touched ? m.summary(kind, met, checks.length) : nothing}</p>
  </div>`;
}

/** Styles of the checklist and the credential forms' groups (adopted beside `formStyles`). */
export const credentialStyles = css`
  :where(.wb-checklist-box) {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    background: var(--wb-color-info-surface, #e8f0fe);
    border-radius: var(--wb-radius, 0.375rem);
  }
  :where(.wb-checklist-title) { font-size: 0.875rem; font-weight: 600; }
  :where(.wb-check) { overflow-wrap: anywhere; }
  /* Latin monospace fonts first: under lang="ja" the generic monospace is a CJK
     font whose ASCII symbols look full-width, the opposite of what is allowed. */
  :where(.wb-symbols) {
    display: inline-block;
    font-family: var(--wb-font-mono, ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace);
    letter-spacing: 0.15em;
    word-break: break-all;
  }
  :where(.wb-fieldset) { display: grid; gap: var(--wb-space, 1rem); min-width: 0; margin: 0; padding: 0; border: 0; }
  :where(.wb-legend) { padding: 0; margin-bottom: 0.5rem; font-weight: 700; font-size: 1.0625rem; }
  :where(.wb-subheading) { margin: 0.5rem 0 0; font-size: 1.125rem; }
  :where(.wb-status) { font-size: 0.875rem; font-weight: 600; }
  :where(.wb-status[data-state='available']) { color: var(--wb-color-success, #146c2e); }
  :where(.wb-status[data-state='taken']) { color: var(--wb-color-danger, #b3261e); }
  :where(.wb-status:empty) { display: none; }
`;

/**
 * Loads the backend's credential policy once per client and re-renders the
 * host when it arrives. Until then, and when the service cannot be reached,
 * the documented default applies (the SDK falls back to it too).
 */
export class CredentialPolicyController implements ReactiveController {
  /** The policy the checklist and checks use. */
  policy: CredentialPolicy = DEFAULT_CREDENTIAL_POLICY;
  /** Whether the policy came from the service (or its documented default). */
  loaded = false;
  readonly #host: ReactiveControllerHost;
  readonly #client: () => WebBillingClient | undefined;
  #loadedFor?: WebBillingClient;
  #abort?: AbortController;

  constructor(host: ReactiveControllerHost, client: () => WebBillingClient | undefined) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  hostUpdate(): void {
    const client = this.#client();
    if (client && client !== this.#loadedFor) void this.#load(client);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#loadedFor = undefined;
  }

  async #load(client: WebBillingClient): Promise<void> {
    this.#loadedFor = client;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    try {
      const policy = await client.credentials.policy({ signal: abort.signal });
      if (abort.signal.aborted) return;
      this.policy = policy;
      this.loaded = true;
      this.#host.requestUpdate();
    } catch {
      // Aborted, or an error the SDK does not fall back on: the documented default applies.
      if (abort.signal.aborted) return;
      this.loaded = true;
      this.#host.requestUpdate();
    }
  }
}
