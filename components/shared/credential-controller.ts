/**
 * What `<wb-credential-setup>` and `<wb-password-change>` do alike, as a
 * controller each holds beside its {@link FormController}: a new password
 * (and, for the setup, a new login ID) typed twice beside the live checklist
 * of the service's policy; the form sent once those checks pass; a current
 * password the service refuses cleared, with the new ones, and said on its
 * field.
 *
 * @module
 */
import { html, type ReactiveElement, type TemplateResult } from 'lit';
import { isWebBillingError, type WebBillingClient } from '../../src/core.js';
import {
  checklistMessages,
  credentialChecks,
  CredentialPolicyController,
  renderCredentialChecklist,
  type ChecklistMessages,
  type CredentialKind,
} from './credential-checklist.js';
import type { FormController } from './form-controller.js';
import { renderPasswordField, renderTextField } from './form-render.js';
import { LocalizeController } from './localize.js';

/** A new login ID or password as typed (see {@link CredentialController.renderNewCredential}). */
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

/** What the element's form checks and sends. */
export interface CredentialFormOptions {
  /** The fields, as the contract names them: the service's field errors land on these. */
  fields: readonly string[];
  /** Problems found before sending, by field (`undefined` where there is none). */
  problems(): Record<string, string | undefined>;
  /** Sends the change and moves on to the completion screen. */
  send(client: WebBillingClient, signal: AbortSignal): Promise<void>;
  /** The service refused the current password: clears it and returns the error for its field. */
  wrongPassword(): Record<string, string>;
  /** The message of an error that ends the attempt without "Try again", if it is one. */
  refusal(error: unknown): string | undefined;
  /** Sees any other error before the form places it; true when it placed it itself. */
  handle?: (error: unknown) => boolean;
}

export class CredentialController {
  /** The checklist's messages (the labels of the new credential's fields among them). */
  readonly checklist: LocalizeController<ChecklistMessages>;
  /** The service's credential policy, loaded once per client. */
  readonly policy: CredentialPolicyController;
  /** The new password, and what is typed in the field to confirm it. */
  newPassword = '';
  newPasswordConfirm = '';

  readonly #host: ReactiveElement;
  readonly #form: FormController;
  readonly #options: CredentialFormOptions;

  constructor(host: ReactiveElement & HTMLElement, form: FormController, options: CredentialFormOptions) {
    this.#host = host;
    this.#form = form;
    this.#options = options;
    this.checklist = new LocalizeController(host, checklistMessages);
    this.policy = new CredentialPolicyController(host, () => this.#form.client);
  }

  /** Forgets the new password and its confirmation. */
  clearNewPassword(): void {
    this.newPassword = this.newPasswordConfirm = '';
    this.#host.requestUpdate();
  }

  /**
   * Sends the form once: problems found before sending go next to their
   * fields and nothing is sent; a refused current password clears the
   * passwords and says so on its field; a `refusal` ends in an alert.
   */
  readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#form.busy) return;
    const { fields, handle } = this.#options;
    const problems = Object.fromEntries(Object.entries(this.#options.problems()).filter(([, v]) => v)) as Record<string, string>;
    if (Object.keys(problems).length) {
      this.#form.showFieldErrors(problems);
      return;
    }
    await this.#form.run(
      async (client, signal) => {
        try {
          await this.#options.send(client, signal);
        } catch (error) {
          if (isWebBillingError(error, 'invalid_credentials')) {
            this.clearNewPassword();
            this.#form.showFieldErrors(this.#options.wrongPassword());
            return;
          }
          const refusal = this.#options.refusal(error);
          if (refusal) {
            this.#form.set({ alert: { message: refusal, retryable: false } });
            return;
          }
          throw error;
        }
      },
      handle ? { fields, handle } : { fields },
    );
  };

  /** The form: title, intro, the fields, the alert and the submit button. */
  renderForm(text: { title: string; intro: string; submit: string }, fields: TemplateResult): TemplateResult {
    return html`<form class="wb-form" part="form" novalidate @submit=${this.submit} aria-labelledby="${this.#form.idPrefix}-title">
      <h2 id="${this.#form.idPrefix}-title">${text.title}</h2>
      <p class="wb-hint">${text.intro}</p>
      ${this.#form.renderNoProvider()}
      ${fields}
      ${this.#form.renderAlert()}
      <div class="wb-actions">${this.#form.renderSubmitButton(text.submit)}</div>
    </form>`;
  }

  /** The new password's fields and checklist (see {@link renderNewCredential}); it must differ from `loginId`. */
  renderNewPassword(loginId: string | undefined): TemplateResult {
    return this.renderNewCredential({
      kind: 'password',
      value: this.newPassword,
      onInput: (v) => {
        this.newPassword = v;
        this.#host.requestUpdate();
      },
      confirmation: this.newPasswordConfirm,
      onConfirmationInput: (v) => {
        this.newPasswordConfirm = v;
        this.#host.requestUpdate();
      },
      other: loginId,
    });
  }

  /**
   * A new login ID (`newLoginId`) or password (`newPassword`): its field,
   * described by the live checklist beneath it, then the field where it is
   * typed again (`…Confirm`).
   */
  renderNewCredential(credential: NewCredentialField): TemplateResult {
    const { kind, status } = credential;
    const name = kind === 'loginId' ? 'newLoginId' : 'newPassword';
    const checklistId = `${this.#form.fieldId(name)}-checklist`;
    const m = this.checklist.m;
    const field = (options: { name: string; label: string; value: string; onInput: (value: string) => void; describedBy?: string; autocomplete?: 'username'; onBlur?: () => void }) =>
      kind === 'password' ? renderPasswordField(this.#form, { ...options, autocomplete: 'new-password' }) : renderTextField(this.#form, options);
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
        m,
        touched: credential.value !== '',
        available: credential.available,
      })}
      ${field({ name: `${name}Confirm`, label: m.labelAgain(kind), value: credential.confirmation, onInput: credential.onConfirmationInput })}`;
  }
}
