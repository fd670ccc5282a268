/**
 * The live checklist of a new login ID or password, shared by
 * `<wb-credential-setup>` and `<wb-password-change>`: the backend's policy
 * (loaded by {@link CredentialPolicyController}), one list item per rule
 * that ticks as the customer types, and the same rules as field errors when
 * the form is sent.
 *
 * Accessibility: the list is a real `<ul>`; each item says in words whether
 * it is met (the ✓ is decoration); the input points at the list with
 * `aria-describedby`; a visually hidden polite status says "3 of 6 met",
 * which changes only when the count changes, not on every keystroke.
 *
 * @module
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  checkCredential,
  DEFAULT_CREDENTIAL_POLICY,
  type CredentialCheck,
  type CredentialPolicy,
  type CredentialRule,
  type WebBillingClient,
} from '../../src/core.js';
import { defineMessages, type MessagesOf } from './localize.js';

/** Which credential a checklist is about. */
export type CredentialKind = 'loginId' | 'password';

/** Messages of the checklist, of the rule errors, and the labels of the new credential's fields; one module per locale. */
export const checklistMessages = defineMessages({
  en: () => import('./checklist-messages.en.js'),
  ja: () => import('./checklist-messages.ja.js'),
});

/** The checklist's messages in one locale. */
export type ChecklistMessages = MessagesOf<typeof checklistMessages>;

/** The symbols that the catalogs name (their `symbolNames`, in this order): the default policy's. */
export const NAMED_SYMBOLS = '!#$%&()*+-./:;=?@[]_';

/** `symbols` as a screen reader should say them: each named symbol by its name, any other as it is. */
export function spokenSymbols(symbols: string, m: ChecklistMessages): string {
  const names = m.symbolNames.split(m.listSeparator);
  return Array.from(symbols, (symbol) => names[NAMED_SYMBOLS.indexOf(symbol)] ?? symbol).join(m.listSeparator);
}

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
  /**
   * For a new login ID: whether the service said it is free (a line of its
   * own, "not in use by anyone else", counted with the rules); `undefined`
   * leaves the line out.
   */
  available?: boolean | undefined;
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
              ><span class="wb-visually-hidden">${m.spokenSymbols(spokenSymbols(policy.allowedSymbols, m))}</span>`
          : m.charsetUnicode;
      case 'differs':
        return m.differs(kind);
      case 'matches':
        return m.matches;
    }
  };
  const availability = options.available === undefined ? [] : [{ rule: 'available', ok: options.available }];
  const lines = [...checks.map((check) => ({ ...check, label: label(check) })), ...availability.map((check) => ({ ...check, label: m.notInUse }))];
  const met = lines.filter((c) => c.ok).length;
  const part = kind === 'loginId' ? 'login-id-checklist' : 'password-checklist';
  return html`<div class="wb-checklist-box" part="checklist ${part}">
    <p class="wb-checklist-title" id="${id}-title">${m.title(kind)}</p>
    <ul class="wb-checklist" id=${id} aria-labelledby="${id}-title" aria-busy=${options.loaded === false ? 'true' : 'false'}>
      ${options.loaded === false
        ? html`<li class="wb-check-loading" part="check-loading">${m.loadingRules}</li>`
        : lines.map(
        (check) => html`<li class="wb-check" part="check" data-rule=${check.rule} ?data-ok=${check.ok}>
          ${check.label}<span class="wb-visually-hidden"> ${check.ok ? m.met : m.unmet}</span>
        </li>`,
          )}
    </ul>
    <p class="wb-visually-hidden" role="status">${options.touched ? m.summary(kind, met, lines.length) : nothing}</p>
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
