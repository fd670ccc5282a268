import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { isValidationError, isWebBillingError } from '../../src/core.js';
import { credentialChecks, credentialErrors } from '../shared/credential-checklist.js';
import { CredentialController } from '../shared/credential-controller.js';
import { WbCredentialsChangedEvent, WbReissueEmailChoiceEvent } from '../shared/events.js';
import { FormController } from '../shared/form-controller.js';
import { renderMessage, renderPasswordField, renderTextField, renderTopButton } from '../shared/form-render.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { credentialSetupMessages } from './messages.js';
import { credentialSetupStyles } from './credential-setup.styles.js';

type View = 'form' | 'done' | 'reissue-email' | 'later' | 'top';

/** Field names, as the contract's `CredentialSetupRequest` has them. */
const FIELDS = ['initialLoginId', 'initialPassword', 'newLoginId', 'newLoginIdConfirm', 'newPassword', 'newPasswordConfirm'] as const;
type Field = (typeof FIELDS)[number];

/** Wait after the last keystroke before asking whether a login ID is free. */
const AVAILABILITY_DELAY_MS = 400;

interface Availability {
  loginId: string;
  state: 'checking' | 'available' | 'taken' | 'unknown';
}

/**
 * The first change after a postcard login: the initial login ID and password
 * from the postcard again, then a login ID and a password of the customer's
 * own, each typed twice. Every rule of the service's published policy is a
 * live checklist that ticks as the customer types; whether the login ID is
 * free is asked of the service when typing pauses and on leaving the field.
 * On completion it offers to register the email address for password
 * reissue now (showing `<wb-reissue-email>` in place) or later.
 *
 * Renders in light DOM inside a real `<form>`, with `autocomplete`
 * `username` / `current-password` / `new-password`, so password managers
 * save the new credentials.
 *
 * @summary First change of login ID and password after a postcard login.
 * @tag wb-credential-setup
 *
 * @fires wb-credentials-changed - The login ID and password were changed; `change` is `setup`, `loginId` the new ID.
 * @fires wb-reissue-email-choice - The customer chose to register the reissue email `now` or later. Cancelable: cancel to route yourself instead of showing `<wb-reissue-email>` in place.
 * @fires wb-top-requested - "To the top screen" after "Later". Cancelable: unless cancelled, `<wb-top>` is shown in place (define it too, e.g. with the autoloader).
 *
 * @csspart form - The `<form>`, and the completion screens.
 * @csspart postcard-group - The postcard's ID and password (also `login-id-group`, `password-group` for the new ones).
 * @csspart field - Each field wrapper (also `initialLoginId-field`, `newLoginId-field`, …).
 * @csspart label - Each label.
 * @csspart input - Each input.
 * @csspart error - Each field's error.
 * @csspart availability - Whether the new login ID is free.
 * @csspart checklist - Each checklist (also `login-id-checklist`, `password-checklist`).
 * @csspart check - Each rule of a checklist.
 * @csspart symbols - The allowed symbols.
 * @csspart alert - A form-level problem.
 * @csspart retry-button - "Try again" after a fault.
 * @csspart submit-button - The update button.
 * @csspart completion - The completion message.
 * @csspart login-id - The new login ID on the completion screen.
 * @csspart now-button - "Register now" (the reissue email).
 * @csspart later-button - "Later".
 * @csspart top-button - "To the top screen" after "Later".
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - Met rules and a free login ID.
 * @cssprop --wb-color-info-surface - Background of the checklists.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbCredentialSetup extends WbLocalizedElement {
  @state() private initialLoginId = '';
  @state() private initialPassword = '';
  @state() private newLoginId = '';
  @state() private newLoginIdConfirm = '';
  @state() private view: View = 'form';
  @state() private availability?: Availability;
  /** The login ID the service confirmed. */
  @state() private changedLoginId = '';

  private readonly i18n = new LocalizeController(this, credentialSetupMessages);
  private readonly form = new FormController(this, credentialSetupStyles, () => this.view);
  private readonly credential = new CredentialController(this, this.form, {
    fields: FIELDS,
    /** Problems found before sending, by field, in form order. */
    problems: (): Record<Field, string | undefined> => {
      const m = this.i18n.m;
      const { policy, checklist, newPassword, newPasswordConfirm } = this.credential;
      const id = credentialErrors('loginId', this.newLoginId, this.newLoginIdConfirm, policy.policy, checklist.m);
      const password = credentialErrors('password', newPassword, newPasswordConfirm, policy.policy, checklist.m, this.newLoginId);
      const taken = this.availability?.state === 'taken' && this.availability.loginId === this.newLoginId;
      return {
        initialLoginId: this.initialLoginId.trim() ? undefined : m.requiredInitialLoginId,
        initialPassword: this.initialPassword ? undefined : m.requiredInitialPassword,
        newLoginId: id.value ?? (taken ? m.taken : undefined),
        newLoginIdConfirm: id.confirmation,
        newPassword: password.value,
        newPasswordConfirm: password.confirmation,
      };
    },
    send: async (client, signal) => {
      const { newPassword, newPasswordConfirm } = this.credential;
      const request = { initialLoginId: this.initialLoginId.trim(), initialPassword: this.initialPassword, newLoginId: this.newLoginId, newLoginIdConfirm: this.newLoginIdConfirm, newPassword, newPasswordConfirm };
      const { loginId } = await client.credentials.setup(request, { signal });
      this.#cancelAvailability();
      this.initialPassword = '';
      this.credential.clearNewPassword();
      this.changedLoginId = loginId;
      this.view = 'done';
      this.dispatchEvent(new WbCredentialsChangedEvent('setup', loginId));
    },
    wrongPassword: () => {
      this.initialPassword = '';
      return { initialPassword: this.i18n.m.wrongInitial };
    },
    refusal: (error) => (isWebBillingError(error, 'conflict') ? this.i18n.m.alreadyChanged : undefined),
    handle: (error) => {
      // The service's word that the ID is taken is what the availability status says from now on.
      if (isValidationError(error) && error.forField('newLoginId').some((f) => f.code === 'login_id_taken')) {
        this.availability = { loginId: this.newLoginId, state: 'taken' };
      }
      return false;
    },
  });
  #availabilityTimer?: ReturnType<typeof setTimeout>;
  #availabilityAbort?: AbortController;

  /** Light DOM: password managers and autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelAvailability();
  }

  /** Whether `loginId` keeps the rules of its own (worth asking the service whether it is free). */
  private worthAsking(loginId: string): boolean {
    return credentialChecks('loginId', loginId, this.credential.policy.policy).every((c) => c.ok);
  }

  #cancelAvailability(): void {
    clearTimeout(this.#availabilityTimer);
    this.#availabilityAbort?.abort();
    this.#availabilityAbort = undefined;
  }

  private onNewLoginIdInput(value: string): void {
    this.newLoginId = value;
    this.#cancelAvailability();
    if (this.availability?.loginId !== value) this.availability = undefined;
    if (this.worthAsking(value)) this.#availabilityTimer = setTimeout(() => void this.checkAvailability(), AVAILABILITY_DELAY_MS);
  }

  private onNewLoginIdBlur(): void {
    clearTimeout(this.#availabilityTimer);
    void this.checkAvailability();
  }

  /** Asks the service whether the typed login ID is free, unless already known or pointless. */
  private async checkAvailability(): Promise<void> {
    const loginId = this.newLoginId;
    const client = this.form.client;
    if (!client || !this.worthAsking(loginId)) return;
    const known = this.availability;
    if (known?.loginId === loginId && known.state !== 'unknown') return;
    this.#availabilityAbort?.abort();
    const abort = (this.#availabilityAbort = new AbortController());
    this.availability = { loginId, state: 'checking' };
    try {
      const { available } = await client.credentials.loginIdAvailability(loginId, { signal: abort.signal });
      if (!abort.signal.aborted && this.newLoginId === loginId) this.availability = { loginId, state: available ? 'available' : 'taken' };
    } catch {
      if (!abort.signal.aborted && this.newLoginId === loginId) this.availability = { loginId, state: 'unknown' };
    }
  }

  private choose(now: boolean): void {
    if (this.dispatchEvent(new WbReissueEmailChoiceEvent(now))) this.view = now ? 'reissue-email' : 'later';
  }

  private renderAvailability() {
    const m = this.i18n.m;
    // A field error (e.g. "already in use" from the service) says it already.
    const a = this.availability?.loginId === this.newLoginId && !this.form.fieldErrors.newLoginId ? this.availability : undefined;
    const text = a ? { checking: m.checking, available: m.available, taken: m.taken, unknown: m.uncheckable }[a.state] : '';
    return html`<p class="wb-status" part="availability" id="${this.form.fieldId('newLoginId')}-availability" role="status" data-state=${a?.state ?? 'none'}>${text}</p>`;
  }

  private renderForm() {
    const m = this.i18n.m;
    return this.credential.renderForm(
      { title: m.title, intro: m.intro, submit: m.submit },
      html`<fieldset class="wb-fieldset" part="postcard-group">
          <legend class="wb-legend">${m.postcard}</legend>
          ${renderTextField(this.form, {
            name: 'initialLoginId',
            label: m.initialLoginId,
            value: this.initialLoginId,
            onInput: (v) => (this.initialLoginId = v),
          })}
          ${renderPasswordField(this.form, {
            name: 'initialPassword',
            label: m.initialPassword,
            value: this.initialPassword,
            autocomplete: 'current-password',
            onInput: (v) => (this.initialPassword = v),
          })}
        </fieldset>
        <fieldset class="wb-fieldset" part="login-id-group">
          <legend class="wb-legend">${m.newLoginIdGroup}</legend>
          ${this.credential.renderNewCredential({
            kind: 'loginId',
            value: this.newLoginId,
            onInput: (v) => this.onNewLoginIdInput(v),
            onBlur: () => this.onNewLoginIdBlur(),
            status: { id: `${this.form.fieldId('newLoginId')}-availability`, content: this.renderAvailability() },
            available: this.availability?.loginId === this.newLoginId && this.availability.state === 'available',
            confirmation: this.newLoginIdConfirm,
            onConfirmationInput: (v) => (this.newLoginIdConfirm = v),
            other: this.credential.newPassword,
          })}
        </fieldset>
        <fieldset class="wb-fieldset" part="password-group">
          <legend class="wb-legend">${m.newPasswordGroup}</legend>
          ${this.credential.renderNewPassword(this.newLoginId)}
        </fieldset>`,
    );
  }

  private renderDone() {
    const m = this.i18n.m;
    const id = this.form.idPrefix;
    return html`<section class="wb-form" part="form" aria-labelledby="${id}-done">
      <h2 id="${id}-done" tabindex="-1">${m.doneTitle}</h2>
      <p class="wb-success" part="completion">${m.done}</p>
      <p part="login-id">${m.yourLoginId(this.changedLoginId)}</p>
      <h3 class="wb-subheading" id="${id}-choice">${m.choiceTitle}</h3>
      <p>${m.choice}</p>
      <p class="wb-notice">${m.withoutEmail}</p>
      <div class="wb-actions" role="group" aria-labelledby="${id}-choice">
        <button type="button" class="wb-button" part="now-button" @click=${() => this.choose(true)}>${m.now}</button>
        <button type="button" class="wb-button wb-secondary" part="later-button" @click=${() => this.choose(false)}>${m.later}</button>
      </div>
    </section>`;
  }

  protected override render() {
    const m = this.i18n.m;
    switch (this.view) {
      case 'done':
        return this.renderDone();
      case 'reissue-email':
        return html`<wb-reissue-email></wb-reissue-email>`;
      case 'later':
        return renderMessage(this.form, m.laterTitle, html`<p class="wb-success" role="status">${m.laterDone}</p>`, renderTopButton(this.form, () => (this.view = 'top')), 'later');
      case 'top':
        return html`<wb-top></wb-top>`;
      default:
        return this.renderForm();
    }
  }
}
