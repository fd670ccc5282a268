import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAIL_SENDER, normalizeNumber, REGISTERED_NUMBER_PATTERN, type NoticeEmailRequest, type NoticeEmailStatus, type WebBillingClient } from '../../src/core.js';
import { WbEmailDeletedEvent, WbEmailRegisteredEvent } from '../shared/events.js';
import { FormController } from '../shared/form-controller.js';
import { isEmailShaped, renderEmailField, renderScreen, renderTextField } from '../shared/form-render.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { RegistrationFlow } from '../shared/registration-flow.js';
import { WbNoticeEmailRestartEvent } from './events.js';
import { noticeEmailMessages } from './messages.js';
import { noticeEmailStyles } from './notice-email.styles.js';

type NoticeType = NoticeEmailRequest['type'];

const REGISTER_FIELDS = ['type', 'email'] as const;
const CONFIRM_FIELDS = ['registeredNumber'] as const;

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
export class WbNoticeEmail extends WbLocalizedElement {
  /** The token of the mailed confirmation link; when set, the element completes that formal registration. */
  @property() token = '';

  @state() private type: NoticeType | '' = '';
  @state() private email = '';
  @state() private registeredNumber = '';

  private readonly i18n = new LocalizeController(this, noticeEmailMessages);
  private readonly form = new FormController(this, noticeEmailStyles);
  private readonly flow: RegistrationFlow<NoticeEmailStatus, NoticeEmailRequest, 'settings'> = new RegistrationFlow(this, this.form, 'settings', {
    i18n: this.i18n,
    token: () => this.token,
    clearToken: () => (this.token = ''),
    load: (client, signal) => this.load(client, signal),
    loadProblems: () => ({ needsLogin: this.i18n.m.needsLogin, loadFailed: this.form.common.m.loadFailed }),
    resource: (client) => client.noticeEmail,
    screenOf: (status) => {
      if (status.state === 'registered' && status.type && !this.type) this.type = status.type;
      return 'settings';
    },
    registeredView: 'settings',
    noStatus: (): NoticeEmailStatus => ({ state: 'none', sender: this.flow.sender }),
    restartEvent: () => new WbNoticeEmailRestartEvent(),
    forgetConfirmation: () => (this.registeredNumber = ''),
    deleted: () => {
      this.type = '';
      this.dispatchEvent(new WbEmailDeletedEvent('notice'));
    },
    refused: (error) => {
      if (error.fields.some((f) => f.code === 'wrong_number')) this.form.set({ fieldErrors: { ...this.form.fieldErrors, registeredNumber: this.i18n.m.wrongNumber } });
    },
    editClearsAlert: true,
  });

  /** Light DOM: autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** With a token, the link's check; else the registration's status. */
  private async load(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    if (this.token) {
      await this.flow.openConfirm(client.noticeEmail.checkLink(this.token, { signal }), signal);
      return;
    }
    const status = await client.noticeEmail.status({ signal });
    if (!signal.aborted) this.flow.showStatus(status);
  }

  #typeLabel(type: NoticeType | '' | undefined): string {
    return type ? this.i18n.m[type] : '';
  }

  // ---------------------------------------------------------------- register / change

  #toReview(): void {
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.type) errors.type = m.chooseType;
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!isEmailShaped(this.form, 'email', this.email)) errors.email = m.emailFormat;
    this.flow.review(errors);
  }

  #register(): Promise<void> {
    return this.flow.send({ type: this.type as NoticeType, email: this.email.trim() }, REGISTER_FIELDS, () => {
      this.email = '';
      this.dispatchEvent(new WbEmailRegisteredEvent('notice', 'pending'));
    });
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  #confirm(): Promise<void> {
    const m = this.i18n.m;
    const number = normalizeNumber(this.registeredNumber);
    const error = !number ? m.enterNumber : REGISTERED_NUMBER_PATTERN.test(number) ? undefined : m.numberFormat;
    const errors: Record<string, string> = error ? { registeredNumber: error } : {};
    return this.flow.confirm(errors, (client, signal) => client.noticeEmail.confirm(this.token, number, { signal }), CONFIRM_FIELDS, () => {
      this.registeredNumber = '';
      this.dispatchEvent(new WbEmailRegisteredEvent('notice', 'registered'));
    });
  }

  // ---------------------------------------------------------------- rendering

  #notes(): TemplateResult {
    const m = this.i18n.m;
    return html`<h3>${m.notesTitle}</h3>
      <ul class="wb-notes wb-hint" part="notes">
        <li>${m.noteNotReached}</li>
        <li>${m.noteCharges}</li>
        <li>${m.noteJunk(this.flow.sender)}</li>
      </ul>`;
  }

  #renderStatus(): TemplateResult {
    const m = this.i18n.m;
    const flow = this.flow;
    const status = flow.status ?? { state: 'none' as const, sender: MAIL_SENDER };
    if (status.state === 'registered') {
      return flow.renderRegisteredScreen(
        m.title,
        status.email,
        html`<p>${m.registeredType(this.#typeLabel(status.type))}</p>
          ${status.pendingEmail ? html`<p class="wb-notice">${m.pending(status.pendingEmail, flow.until(status.pendingExpiresAt))}</p>` : nothing}
          ${this.#notes()}`,
      );
    }
    if (status.state === 'pending') return flow.renderPendingScreen(status, this.#notes());
    return renderScreen(this.form,
      m.title,
      html`<p class="wb-hint">${m.intro}</p>
        <p>${m.none}</p>
        ${this.#notes()}`,
      { actions: html`<button type="button" class="wb-button" part="register-button" @click=${() => flow.edit()}>${m.registerAddress}</button>` },
    );
  }

  #renderTypeField(): TemplateResult {
    const m = this.i18n.m;
    const { id, error, describedBy } = this.form.field('type');
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

  #renderForm(): TemplateResult {
    const m = this.i18n.m;
    return this.flow.renderFormScreen(
      html`${this.#renderTypeField()} ${renderEmailField(this.form, m.email, m.emailHint, this.email, (v) => (this.email = v))}`,
      m.next,
      () => this.#toReview(),
      'settings',
    );
  }

  #renderReview(): TemplateResult {
    const m = this.i18n.m;
    return this.flow.renderReviewScreen(
      html`<dt>${m.type}</dt>
        <dd>${this.#typeLabel(this.type)}</dd>
        <dt>${m.email}</dt>
        <dd>${this.email.trim()}</dd>`,
      m.next,
      () => this.#register(),
    );
  }

  #renderConfirm(): TemplateResult {
    const m = this.i18n.m;
    return this.flow.renderConfirmScreen(
      renderTextField(this.form, {
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

  protected override render() {
    const m = this.i18n.m;
    return this.flow.render(
      { form: () => this.#renderForm(), review: () => this.#renderReview(), confirm: () => this.#renderConfirm(), status: () => this.#renderStatus() },
      {
        completed: html`<p>${m.monthly}</p>
          <p>${m.sender(this.flow.sender)}</p>`,
      },
    );
  }
}
