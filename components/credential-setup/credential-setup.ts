import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { isValidationError, isWebBillingError } from '../../src/errors.js';
import {
  checklistMessages,
  credentialChecks,
  credentialErrors,
  CredentialPolicyController,
  credentialStyles,
  renderCredentialChecklist,
} from '../shared/credential-checklist.js';
import { WbCredentialsChangedEvent, WbReissueEmailChoiceEvent } from '../shared/events.js';
import { WbFormElement } from '../shared/form-element.js';
import { LocalizeController } from '../shared/localize.js';
import { adoptLightStyles } from '../shared/styles.js';
import { credentialSetupMessages } from './messages.js';

type View = 'form' | 'done' | 'reissue-email' | 'later';

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
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - Met rules and a free login ID.
 * @cssprop --wb-color-info-surface - Background of the checklists.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbCredentialSetup extends WbFormElement {
  @state() private initialLoginId = '';
  @state() private initialPassword = '';
  @state() private newLoginId = '';
  @state() private newLoginIdConfirm = '';
  @state() private newPassword = '';
  @state() private newPasswordConfirm = '';
  @state() private view: View = 'form';
  @state() private availability?: Availability;
  /** The login ID the service confirmed. */
  @state() private changedLoginId = '';

  private readonly i18n = new LocalizeController(this, credentialSetupMessages);
  private readonly checklist = new LocalizeController(this, checklistMessages);
  private readonly policy = new CredentialPolicyController(this, () => this.client);
  #availabilityTimer?: ReturnType<typeof setTimeout>;
  #availabilityAbort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, credentialStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelAvailability();
  }

  private idChecks() {
    return credentialChecks('loginId', this.newLoginId, this.policy.policy, { other: this.newPassword, confirmation: this.newLoginIdConfirm });
  }

  private passwordChecks() {
    return credentialChecks('password', this.newPassword, this.policy.policy, { other: this.newLoginId, confirmation: this.newPasswordConfirm });
  }

  /** Whether `loginId` keeps the rules of its own (worth asking the service whether it is free). */
  private worthAsking(loginId: string): boolean {
    return credentialChecks('loginId', loginId, this.policy.policy).every((c) => c.ok);
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
    const client = this.client;
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

  /** Problems found before sending, by field, in form order. */
  private problems(): Partial<Record<Field, string>> {
    const m = this.i18n.m;
    const cm = this.checklist.m;
    const policy = this.policy.policy;
    const id = credentialErrors('loginId', this.newLoginId, this.newLoginIdConfirm, policy, cm);
    const password = credentialErrors('password', this.newPassword, this.newPasswordConfirm, policy, cm, this.newLoginId);
    const taken = this.availability?.state === 'taken' && this.availability.loginId === this.newLoginId;
    const problems: Partial<Record<Field, string>> = {
      initialLoginId: this.initialLoginId.trim() ? undefined : m.requiredInitialLoginId,
      initialPassword: this.initialPassword ? undefined : m.requiredInitialPassword,
      newLoginId: id.value ?? (taken ? m.taken : undefined),
      newLoginIdConfirm: id.confirmation,
      newPassword: password.value,
      newPasswordConfirm: password.confirmation,
    };
    return Object.fromEntries(Object.entries(problems).filter(([, v]) => v)) as Partial<Record<Field, string>>;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const problems = this.problems();
    if (Object.keys(problems).length) {
      this.showFieldErrors(problems);
      return;
    }
    await this.run(async () => {
      try {
        const { loginId } = await this.client!.credentials.setup({
          initialLoginId: this.initialLoginId.trim(),
          initialPassword: this.initialPassword,
          newLoginId: this.newLoginId,
          newLoginIdConfirm: this.newLoginIdConfirm,
          newPassword: this.newPassword,
          newPasswordConfirm: this.newPasswordConfirm,
        });
        this.#cancelAvailability();
        this.initialPassword = this.newPassword = this.newPasswordConfirm = '';
        this.changedLoginId = loginId;
        this.view = 'done';
        this.dispatchEvent(new WbCredentialsChangedEvent('setup', loginId));
      } catch (error) {
        if (isWebBillingError(error, 'invalid_credentials')) {
          this.initialPassword = this.newPassword = this.newPasswordConfirm = '';
          this.showFieldErrors({ initialPassword: this.i18n.m.wrongInitial });
          return;
        }
        if (isWebBillingError(error, 'conflict')) {
          this.alert = { message: this.i18n.m.alreadyChanged, retryable: false };
          return;
        }
        if (isValidationError(error) && error.forField('newLoginId').some((f) => f.code === 'login_id_taken')) {
          this.availability = { loginId: this.newLoginId, state: 'taken' };
        }
        throw error;
      }
    }, FIELDS);
  }

  private choose(now: boolean): void {
    if (this.dispatchEvent(new WbReissueEmailChoiceEvent(now))) this.view = now ? 'reissue-email' : 'later';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Moving to another screen moves focus to its heading, so screen readers announce it.
    if (changed.has('view') && changed.get('view') !== undefined) {
      this.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    }
  }

  private renderAvailability() {
    const m = this.i18n.m;
    // A field error (e.g. "already in use" from the service) says it already.
    const a = this.availability?.loginId === this.newLoginId && !this.fieldErrors.newLoginId ? this.availability : undefined;
    const text = a ? { checking: m.checking, available: m.available, taken: m.taken, unknown: m.uncheckable }[a.state] : '';
    return html`<p class="wb-status" part="availability" id="${this.fieldId('newLoginId')}-availability" role="status" data-state=${a?.state ?? 'none'}>${text}</p>`;
  }

  private renderForm() {
    const m = this.i18n.m;
    const policy = this.policy.policy;
    const idChecklist = `${this.fieldId('newLoginId')}-checklist`;
    const passwordChecklist = `${this.fieldId('newPassword')}-checklist`;
    return html`<form class="wb-form" part="form" novalidate @submit=${this.onSubmit} aria-labelledby="${this.idPrefix}-title">
      <h2 id="${this.idPrefix}-title">${m.title}</h2>
      <p class="wb-hint">${m.intro}</p>
      ${this.renderNoProvider()}
      <fieldset class="wb-fieldset" part="postcard-group">
        <legend class="wb-legend">${m.postcard}</legend>
        ${this.renderTextField({
          name: 'initialLoginId',
          label: m.initialLoginId,
          value: this.initialLoginId,
          onInput: (v) => (this.initialLoginId = v),
        })}
        ${this.renderPasswordField({
          name: 'initialPassword',
          label: m.initialPassword,
          value: this.initialPassword,
          autocomplete: 'current-password',
          onInput: (v) => (this.initialPassword = v),
        })}
      </fieldset>
      <fieldset class="wb-fieldset" part="login-id-group">
        <legend class="wb-legend">${m.newLoginIdGroup}</legend>
        ${this.renderTextField({
          name: 'newLoginId',
          label: m.newLoginId,
          value: this.newLoginId,
          autocomplete: 'username',
          describedBy: `${this.fieldId('newLoginId')}-availability ${idChecklist}`,
          onInput: (v) => this.onNewLoginIdInput(v),
          onBlur: () => this.onNewLoginIdBlur(),
        })}
        ${this.renderAvailability()}
        ${renderCredentialChecklist({
          loaded: this.policy.loaded,
          id: idChecklist,
          kind: 'loginId',
          checks: this.idChecks(),
          policy,
          m: this.checklist.m,
          touched: this.newLoginId !== '',
        })}
        ${this.renderTextField({
          name: 'newLoginIdConfirm',
          label: m.newLoginIdConfirm,
          value: this.newLoginIdConfirm,
          onInput: (v) => (this.newLoginIdConfirm = v),
        })}
      </fieldset>
      <fieldset class="wb-fieldset" part="password-group">
        <legend class="wb-legend">${m.newPasswordGroup}</legend>
        ${this.renderPasswordField({
          name: 'newPassword',
          label: m.newPassword,
          value: this.newPassword,
          autocomplete: 'new-password',
          describedBy: passwordChecklist,
          onInput: (v) => (this.newPassword = v),
        })}
        ${renderCredentialChecklist({
          loaded: this.policy.loaded,
          id: passwordChecklist,
          kind: 'password',
          checks: this.passwordChecks(),
          policy,
          m: this.checklist.m,
          touched: this.newPassword !== '',
        })}
        ${this.renderPasswordField({
          name: 'newPasswordConfirm',
          label: m.newPasswordConfirm,
          value: this.newPasswordConfirm,
          autocomplete: 'new-password',
          onInput: (v) => (this.newPasswordConfirm = v),
        })}
      </fieldset>
      ${this.renderAlert()}
      <div class="wb-actions">
        <button type="submit" class="wb-button" part="submit-button" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.common.m.sending : m.submit}
        </button>
      </div>
    </form>`;
  }

  private renderDone() {
    const m = this.i18n.m;
    return html`<section class="wb-form" part="form" aria-labelledby="${this.idPrefix}-done">
      <h2 id="${this.idPrefix}-done" tabindex="-1">${m.doneTitle}</h2>
      <p class="wb-success" part="completion">${m.done}</p>
      <p part="login-id">${m.yourLoginId(this.changedLoginId)}</p>
      <h3 class="wb-subheading" id="${this.idPrefix}-choice">${m.choiceTitle}</h3>
      <p>${m.choice}</p>
      <p class="wb-notice">${m.withoutEmail}</p>
      <div class="wb-actions" role="group" aria-labelledby="${this.idPrefix}-choice">
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
        return html`<section class="wb-form" part="form" aria-labelledby="${this.idPrefix}-later">
          <h2 id="${this.idPrefix}-later" tabindex="-1">${m.laterTitle}</h2>
          <p class="wb-success" role="status">${m.laterDone}</p>
        </section>`;
      default:
        return this.renderForm();
    }
  }
}
