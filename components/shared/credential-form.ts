/**
 * What `<wb-credential-setup>` and `<wb-password-change>` share: a form
 * with a current password the service may refuse and a new password (and,
 * for the setup, a new login ID) typed twice beside the live checklist of
 * the service's policy, sent once those checks pass; then completion
 * screens, each announced by moving focus to its start.
 *
 * A thin base class rather than a controller: the shared parts are built on
 * {@link WbFormElement}'s protected API (fields, `run`, field errors), which a
 * controller cannot reach.
 *
 * @module
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
// Value imports come from the SDK's modules, not its index, so that an element
// does not bundle the client and its schemas.
import { isWebBillingError } from '../../src/errors.js';
import {
  checklistMessages,
  credentialChecks,
  CredentialPolicyController,
  credentialStyles,
  renderCredentialChecklist,
  type CredentialKind,
} from './credential-checklist.js';
import { WbFormElement } from './form-element.js';
import { LocalizeController } from './localize.js';
import { adoptLightStyles } from './styles.js';

/** A new login ID or password as typed (see {@link WbCredentialForm.renderNewCredential}). */
export interface NewCredentialField {
  kind: CredentialKind;
  value: string;
  onInput: (value: string) => void;
  /** What is typed in the field where it is typed again. */
  confirmation: string;
  onConfirmationInput: (value: string) => void;
  /** The credential it must differ from (the other new one, or the session's login ID). */
  other: string | undefined;
  /** A status shown between the field and its checklist, which describes the field too. */
  status?: { id: string; content: TemplateResult };
  /** For a new login ID: whether the service said it is free (a line of the checklist). */
  available?: boolean;
  onBlur?: () => void;
}

/**
 * Base of `<wb-credential-setup>` and `<wb-password-change>`; `View` names
 * their screens. The element says what its form checks and sends (`fields`,
 * `problems`, `send`, `wrongPassword`, `refusal`); sending, the new password
 * and its checklist, and the move between screens are done here.
 */
export abstract class WbCredentialForm<View extends string> extends WbFormElement {
  // The element declares these as `@state()`: a decorator in this module would
  // bundle another copy of TypeScript's decorator helper.
  /** The new password, and what is typed in the field to confirm it. */
  protected abstract newPassword: string;
  protected abstract newPasswordConfirm: string;
  /** The screen shown: `form`, until the change is done. */
  protected abstract view: View;
  /** The element that starts each screen but the form (its heading), focused when the screen changes. */
  protected abstract readonly screenStart: string;

  /** The fields, as the contract names them: the service's field errors land on these. */
  protected abstract readonly fields: readonly string[];
  /** Problems found before sending, by field (`undefined` where there is none). */
  protected abstract problems(): Record<string, string | undefined>;
  /** Sends the change and moves on to the completion screen. */
  protected abstract send(): Promise<void>;
  /** The service refused the current password: clears it (the new ones are cleared already) and returns the error for its field. */
  protected abstract wrongPassword(): Record<string, string>;
  /** The message of an error that ends the attempt without "Try again", if it is one. */
  protected abstract refusal(error: unknown): string | undefined;

  protected readonly checklist = new LocalizeController(this, checklistMessages);
  protected readonly policy = new CredentialPolicyController(this, () => this.client);

  /** Adds the form's styles to the document (or shadow root) it renders in: the element has no shadow DOM of its own. */
  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, credentialStyles);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Moving to another screen moves focus to its heading, so screen readers announce it.
    if (changed.has('view') && changed.get('view') !== undefined) {
      this.querySelector<HTMLElement>(this.screenStart)?.focus();
    }
  }

  /**
   * Sends the form once: problems found before sending go next to their
   * fields and nothing is sent; a refused current password clears the
   * passwords and says so on its field; a `refusal` ends in an alert.
   */
  protected async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const problems = Object.fromEntries(Object.entries(this.problems()).filter(([, v]) => v)) as Record<string, string>;
    if (Object.keys(problems).length) {
      this.showFieldErrors(problems);
      return;
    }
    await this.run(async () => {
      try {
        await this.send();
      } catch (error) {
        if (isWebBillingError(error, 'invalid_credentials')) {
          this.newPassword = this.newPasswordConfirm = '';
          this.showFieldErrors(this.wrongPassword());
          return;
        }
        const refusal = this.refusal(error);
        if (refusal) {
          this.alert = { message: refusal, retryable: false };
          return;
        }
        throw error;
      }
    }, this.fields);
  }

  /** The form: title, intro, the fields, the alert and the submit button. */
  protected renderCredentialForm(text: { title: string; intro: string; submit: string }, fields: TemplateResult): TemplateResult {
    return html`<form class="wb-form" part="form" novalidate @submit=${this.onSubmit} aria-labelledby="${this.idPrefix}-title">
      <h2 id="${this.idPrefix}-title">${text.title}</h2>
      <p class="wb-hint">${text.intro}</p>
      ${this.renderNoProvider()}
      ${fields}
      ${this.renderAlert()}
      <div class="wb-actions">${this.renderSubmitButton(text.submit)}</div>
    </form>`;
  }

  /** The new password's fields and checklist (see {@link WbCredentialForm.renderNewCredential}); it must differ from `loginId`. */
  protected renderNewPassword(loginId: string | undefined): TemplateResult {
    return this.renderNewCredential({
      kind: 'password',
      value: this.newPassword,
      onInput: (v) => (this.newPassword = v),
      confirmation: this.newPasswordConfirm,
      onConfirmationInput: (v) => (this.newPasswordConfirm = v),
      other: loginId,
    });
  }

  /**
   * A new login ID (`newLoginId`) or password (`newPassword`): its field,
   * described by the live checklist beneath it, then the field where it is
   * typed again (`…Confirm`).
   */
  protected renderNewCredential(credential: NewCredentialField): TemplateResult {
    const { kind, status } = credential;
    const name = kind === 'loginId' ? 'newLoginId' : 'newPassword';
    const checklistId = `${this.fieldId(name)}-checklist`;
    const m = this.checklist.m;
    const field = (options: { name: string; label: string; value: string; onInput: (value: string) => void; describedBy?: string; autocomplete?: 'username'; onBlur?: () => void }) =>
      kind === 'password' ? this.renderPasswordField({ ...options, autocomplete: 'new-password' }) : this.renderTextField(options);
    const policy = this.policy.policy;
    return html`${field({
        name,
        label: m.label(kind),
        value: credential.value,
        autocomplete: 'username',
        describedBy: status ? `${status.id} ${checklistId}` : checklistId,
        onInput: credential.onInput,
        onBlur: credential.onBlur,
      })}
      ${status?.content}
      ${renderCredentialChecklist({
        loaded: this.policy.loaded,
        id: checklistId,
        kind,
        checks: credentialChecks(kind, credential.value, policy, { other: credential.other, confirmation: credential.confirmation }),
        policy,
        m: this.checklist.m,
        touched: credential.value !== '',
        available: credential.available,
      })}
      ${field({ name: `${name}Confirm`, label: m.labelAgain(kind), value: credential.confirmation, onInput: credential.onConfirmationInput })}`;
  }
}
