import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAIL_SENDER, normalizeNumber, REGISTERED_NUMBER_PATTERN } from '../../src/contract/rules.js';
import type { ValidationError } from '../../src/errors.js';
import type { NoticeEmailRequest, NoticeEmailStatus, WebBillingClient } from '../../src/index.js';
import type { LoadProblems } from '../shared/email-form.js';
import { WbEmailRegistrationElement, type RegistrationView } from '../shared/email-registration.js';
import { WbEmailDeletedEvent, WbEmailRegisteredEvent } from '../shared/events.js';
import { LocalizeController } from '../shared/localize.js';
import { adoptLightStyles } from '../shared/styles.js';
import { WbNoticeEmailRestartEvent } from './events.js';
import { noticeEmailMessages } from './messages.js';

type View = RegistrationView | 'settings';
type NoticeType = NoticeEmailRequest['type'];

const REGISTER_FIELDS = ['type', 'email'] as const;
const CONFIRM_FIELDS = ['registeredNumber'] as const;

const noticeStyles = css`
  :where(.wb-review) { display: grid; gap: 0.5rem; margin: 0; }
  :where(.wb-review dt) { font-weight: 600; }
  :where(.wb-review dd) { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
  :where(.wb-radio-group) { border: 0; margin: 0; padding: 0; min-width: 0; }
  :where(.wb-radio-group legend) { padding: 0; margin-bottom: 0.25rem; }
  :where(.wb-radio) { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; cursor: pointer; }
  :where(.wb-radio input) { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
  :where(.wb-notes) { margin: 0; padding-left: 1.25rem; overflow-wrap: anywhere; }
  :where(wb-notice-email p) { overflow-wrap: anywhere; }
`;

/**
 * Registers, changes and deletes the email address to which the monthly
 * billing amount is mailed (2 weeks before each due date). Registering
 * chooses the type of address (mobile phone, or Internet: computer,
 * smartphone or tablet) and the address, goes through a confirm step that
 * shows what was entered (Next / Back), then says the temporary registration
 * is done: nothing is mailed monthly until the customer opens the mailed
 * link, valid 24 hours.
 *
 * Opened from that link, give the link's token in the `token` attribute: the
 * element then asks for the registered phone or customer number (dashes,
 * spaces and full-width digits are removed, and the hint says so) and
 * completes the formal registration (no login needed), or, when the link
 * expired or was used (checked as the step opens, without using it), says
 * so at once and offers to start again. Once read, the token is
 * removed from the address bar so it never travels in a `Referer`.
 *
 * Renders in light DOM, like the other forms, so autofill sees the email input.
 *
 * @summary Register, change or delete the billing-amount notice email, and confirm it from the mailed link.
 * @tag wb-notice-email
 *
 * @fires wb-email-registered - `purpose` is `notice`; `state` is `pending` after register or change (link mailed), `registered` after the link was confirmed.
 * @fires wb-email-deleted - The notice email was deleted (`purpose` is `notice`).
 * @fires wb-notice-email-restart - The customer asked to start again after an expired or used link. Cancelable: unless cancelled, the register form is shown.
 * @fires wb-login-requested - "Log in" was chosen on the screen shown without a session. Cancelable; standalone, the element does nothing more.
 * @fires wb-top-requested - "To the top screen" on the completion screen. Cancelable: unless cancelled, the element goes back to its start (the registration state, loaded again).
 *
 * @csspart form - The `<form>` or section of each screen.
 * @csspart field - Each field wrapper (also `type-field`, `email-field`, `registeredNumber-field`).
 * @csspart label - Each label (and the legend of the type choice).
 * @csspart input - Each text input.
 * @csspart radio - Each type radio button.
 * @csspart hint - Each field's hint.
 * @csspart error - Each field's error.
 * @csspart alert - A form-level problem.
 * @csspart retry-button - "Try again" after a fault.
 * @csspart login-button - "Log in", when the element is shown without a session.
 * @csspart loading - The loading message.
 * @csspart notice - A status line (deleted, pending change).
 * @csspart notes - The important points to note (sender, charges, junk-mail settings).
 * @csspart review - The list of what was entered, on the confirm step.
 * @csspart submit-button - The main button of each screen (Next, Delete, To complete the formal registration).
 * @csspart back-button - Back / Cancel / Keep it.
 * @csspart register-button - "Register address", when none is registered.
 * @csspart change-button - "Change", on the registered screen.
 * @csspart delete-button - "Delete", on the registered screen.
 * @csspart send-again-button - "Send again", while waiting for the formal registration.
 * @csspart restart-button - "Start the registration again", after an expired link.
 * @csspart ok-button - "OK", on the temporary-registration screen.
 * @csspart top-button - "To the top screen", on the completion screen.
 * @csspart registered-email - The registered (masked) address.
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - The completion message.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbNoticeEmail extends WbEmailRegistrationElement<NoticeEmailStatus, NoticeEmailRequest, 'settings'> {
  /** The token of the mailed confirmation link; when set, the element completes that formal registration. */
  @property() token = '';

  @state() protected view: View = 'settings';
  @state() protected status?: NoticeEmailStatus;
  @state() protected sentTo = '';
  @state() private type: NoticeType | '' = '';
  @state() private email = '';
  @state() private registeredNumber = '';

  protected readonly i18n = new LocalizeController(this, noticeEmailMessages);
  protected readonly registeredView = 'settings';

  /** Adds the notice form's styles to the document (or shadow root) it renders in: the element has no shadow DOM of its own. */
  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, noticeStyles);
  }

  protected override async loadData(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    if (this.token) {
      await this.openConfirm(client.noticeEmail.checkLink(this.token, { signal }), signal);
      return;
    }
    const status = await client.noticeEmail.status({ signal });
    if (!signal.aborted) this.showStatus(status);
  }

  protected override loadProblems(): LoadProblems {
    return { needsLogin: this.i18n.m.needsLogin, loadFailed: this.common.m.loadFailed };
  }

  protected override resource(client: WebBillingClient) {
    return client.noticeEmail;
  }

  protected override showStatus(status: NoticeEmailStatus): void {
    this.status = status;
    this.view = 'settings';
    if (status.state === 'registered' && status.type && !this.type) this.type = status.type;
  }

  protected override noStatus(): NoticeEmailStatus {
    return { state: 'none', sender: this.sender };
  }

  #typeLabel(type: NoticeType | '' | undefined): string {
    return type ? this.i18n.m[type] : '';
  }

  // ---------------------------------------------------------------- register / change

  protected override edit(): void {
    this.alert = undefined;
    super.edit();
  }

  #toReview(): void {
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.type) errors.type = m.chooseType;
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!this.isEmailShaped('email', this.email)) errors.email = m.emailFormat;
    this.review(errors);
  }

  #register(): Promise<void> {
    return this.send({ type: this.type as NoticeType, email: this.email.trim() }, REGISTER_FIELDS, () => {
      this.email = '';
      this.dispatchEvent(new WbEmailRegisteredEvent('notice', 'pending'));
    });
  }

  protected override deleted(): void {
    this.type = '';
    this.dispatchEvent(new WbEmailDeletedEvent('notice'));
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  #confirm(): Promise<void> {
    const m = this.i18n.m;
    const number = normalizeNumber(this.registeredNumber);
    const error = !number ? m.enterNumber : REGISTERED_NUMBER_PATTERN.test(number) ? undefined : m.numberFormat;
    const errors: Record<string, string> = error ? { registeredNumber: error } : {};
    return this.confirm(errors, () => this.client!.noticeEmail.confirm(this.token, number), CONFIRM_FIELDS, () => {
      this.registeredNumber = '';
      this.dispatchEvent(new WbEmailRegisteredEvent('notice', 'registered'));
    });
  }

  protected override restartEvent(): Event {
    return new WbNoticeEmailRestartEvent();
  }

  protected override forgetConfirmation(): void {
    this.registeredNumber = '';
  }

  protected override refused(error: ValidationError): void {
    if (error.fields.some((f) => f.code === 'wrong_number')) {
      this.fieldErrors = { ...this.fieldErrors, registeredNumber: this.i18n.m.wrongNumber };
    }
  }

  // ---------------------------------------------------------------- rendering

  #notes(): TemplateResult {
    const m = this.i18n.m;
    return html`<h3>${m.notesTitle}</h3>
      <ul class="wb-notes wb-hint" part="notes">
        <li>${m.noteNotReached}</li>
        <li>${m.noteCharges}</li>
        <li>${m.noteJunk(this.sender)}</li>
      </ul>`;
  }

  protected override renderStatus(): TemplateResult {
    const m = this.i18n.m;
    const status = this.status ?? { state: 'none' as const, sender: MAIL_SENDER };
    if (status.state === 'registered') {
      return this.renderRegisteredScreen(
        m.title,
        status.email,
        html`<p>${m.registeredType(this.#typeLabel(status.type))}</p>
          ${status.pendingEmail ? html`<p class="wb-notice">${m.pending(status.pendingEmail, this.until(status.pendingExpiresAt))}</p>` : nothing}
          ${this.#notes()}`,
      );
    }
    if (status.state === 'pending') return this.renderPendingScreen(status, this.#notes());
    return this.renderScreen(
      m.title,
      html`<p class="wb-hint">${m.intro}</p>
        <p>${m.none}</p>
        ${this.#notes()}`,
      { actions: html`<button type="button" class="wb-button" part="register-button" @click=${() => this.edit()}>${m.registerAddress}</button>` },
    );
  }

  #renderTypeField(): TemplateResult {
    const m = this.i18n.m;
    const { id, error, describedBy } = this.field('type');
    return html`<fieldset class="wb-field wb-radio-group" part="field type-field">
      <legend class="wb-label" part="label">${m.type}</legend>
      ${(['mobile', 'internet'] as const).map(
        (value) => html`<label class="wb-radio">
          <input
            type="radio"
            part="radio"
            name="type"
            id="${id}-${value}"
            value=${value}
            required
            .checked=${this.type === value}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @change=${() => (this.type = value)}
          />
          <span>${m[value]}</span>
        </label>`,
      )}
      <p class="wb-error" part="error" id="${id}-error">${error ?? ''}</p>
    </fieldset>`;
  }

  protected override renderForm(): TemplateResult {
    const m = this.i18n.m;
    return this.renderFormScreen(
      html`${this.#renderTypeField()} ${this.renderEmailField(m.email, m.emailHint, this.email, (v) => (this.email = v))}`,
      m.next,
      () => this.#toReview(),
      'settings',
    );
  }

  protected override renderReview(): TemplateResult {
    const m = this.i18n.m;
    return this.renderReviewScreen(
      html`<dt>${m.type}</dt>
        <dd>${this.#typeLabel(this.type)}</dd>
        <dt>${m.email}</dt>
        <dd>${this.email.trim()}</dd>`,
      m.next,
      () => this.#register(),
    );
  }

  protected override renderConfirm(): TemplateResult {
    const m = this.i18n.m;
    return this.renderConfirmScreen(
      this.renderTextField({
        name: 'registeredNumber',
        label: m.number,
        value: this.registeredNumber,
        inputmode: 'numeric',
        hint: m.numberHint,
        onInput: (v) => (this.registeredNumber = v),
      }),
      m.complete,
      () => this.#confirm(),
    );
  }

  protected override completedNotes(): TemplateResult {
    const m = this.i18n.m;
    return html`<p>${m.monthly}</p>
      <p>${m.sender(this.sender)}</p>`;
  }
}
