import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ReissueEmailRequest, ReissueEmailStatus, WebBillingClient } from '../../src/core.js';
import { WbEmailDeletedEvent, WbEmailRegisteredEvent } from '../shared/events.js';
import { FormController } from '../shared/form-controller.js';
import { isEmailShaped, renderEmailField, renderTextField } from '../shared/form-render.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { RegistrationFlow } from '../shared/registration-flow.js';
import { SecretQuestions } from '../shared/secret-questions.js';
import { WbRestartRegistrationEvent } from './events.js';
import { reissueEmailMessages } from './messages.js';
import { reissueEmailStyles } from './reissue-email.styles.js';

type StatusView = 'registered' | 'pending';

const REGISTER_FIELDS = ['email', 'emailConfirm', 'questionId', 'answer'] as const;
const CONFIRM_FIELDS = ['questionId', 'answer'] as const;

/**
 * Registers, changes and deletes the email address (with a secret question
 * and its answer) to which a new login password is mailed when the customer
 * forgets theirs. Registering goes through a confirm step that shows what was
 * entered (Update / Back), then the "check your email" screen: nothing is
 * registered until the customer opens the mailed link, valid 24 hours.
 *
 * Opened from that link, give the link's token in the `token` attribute: the
 * element then asks for the secret question and answer again and completes
 * the registration (no login needed), or, when the link expired or was used
 * (checked as the step opens, without using it), says so at once and offers
 * to start again. Once read, the token is removed from the address
 * bar so it never travels in a `Referer`.
 *
 * Renders in light DOM, like the other forms, so autofill sees the email inputs.
 *
 * @summary Register, change or delete the email for password reissue, and confirm it from the mailed link.
 * @tag wb-reissue-email
 *
 * @fires wb-email-registered - `purpose` is `reissue`; `state` is `pending` after register or change (link mailed), `registered` after the link was confirmed.
 * @fires wb-email-deleted - The registration was deleted (`purpose` is `reissue`).
 * @fires wb-reissue-email-restart - The customer asked to start again after an expired or used link. Cancelable: unless cancelled, the register form is shown.
 * @fires wb-login-requested - "Log in" was chosen on the screen shown without a session. Cancelable; standalone, the element does nothing more.
 * @fires wb-top-requested - "To the top screen" on the completion screen. Cancelable: unless cancelled, the element goes back to its start (the registration state, loaded again).
 *
 * @csspart form - The `<form>` or section of each screen.
 * @csspart field - Each field wrapper (also `email-field`, `emailConfirm-field`, `questionId-field`, `answer-field`).
 * @csspart label - Each label.
 * @csspart input - Each text input.
 * @csspart select - The secret-question `<select>`.
 * @csspart hint - Each field's hint.
 * @csspart error - Each field's error.
 * @csspart alert - A form-level problem.
 * @csspart retry-button - "Try again" after a fault.
 * @csspart login-button - "Log in", when the element is shown without a session.
 * @csspart loading - The loading message.
 * @csspart notice - A status line (deleted, pending change).
 * @csspart review - The list of what was entered, on the confirm step.
 * @csspart submit-button - The main button of each screen (Confirm, Update, Register, Delete).
 * @csspart back-button - Back / Cancel / Keep it.
 * @csspart change-button - "Change", on the registered screen.
 * @csspart delete-button - "Delete", on the registered screen.
 * @csspart send-again-button - "Send again", while waiting for confirmation.
 * @csspart restart-button - "Start the registration again", after an expired link.
 * @csspart ok-button - "OK", on the "check your email" screen.
 * @csspart top-button - "To the top screen", on the completion screen.
 * @csspart registered-email - The registered (masked) address.
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - The completion message.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbReissueEmail extends WbLocalizedElement {
  /** The token of the mailed confirmation link; when set, the element completes that registration. */
  @property() token = '';

  @state() private email = '';
  @state() private emailConfirm = '';
  @state() private questionId = '';
  @state() private answer = '';

  private readonly i18n = new LocalizeController(this, reissueEmailMessages);
  private readonly form = new FormController(this, reissueEmailStyles);
  private readonly questions = new SecretQuestions(this);
  private readonly flow = new RegistrationFlow<ReissueEmailStatus, ReissueEmailRequest, StatusView>(this, this.form, 'form', {
    i18n: this.i18n,
    token: () => this.token,
    clearToken: () => (this.token = ''),
    load: (client, signal) => this.load(client, signal),
    loadProblems: () => this.questions.m,
    resource: (client) => client.reissueEmail,
    screenOf: (status) => {
      if (status.state === 'registered' && status.questionId && !this.questionId) this.questionId = status.questionId;
      return status.state === 'registered' ? 'registered' : status.state === 'pending' ? 'pending' : 'form';
    },
    registeredView: 'registered',
    noStatus: () => ({ state: 'none' }),
    restartEvent: () => new WbRestartRegistrationEvent(),
    forgetConfirmation: () => (this.answer = this.questionId = ''),
    linkExpired: () => (this.answer = ''),
    deleted: () => {
      this.questionId = '';
      this.dispatchEvent(new WbEmailDeletedEvent('reissue'));
    },
    refused: (error) => {
      if (error.fields.some((f) => f.code === 'wrong_answer')) {
        // The only thing a wrong answer clears is the answer itself.
        this.answer = '';
        this.form.set({ fieldErrors: { ...this.form.fieldErrors, answer: this.i18n.m.wrongAnswer } });
      }
    },
  });

  /** Light DOM: autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** With a token, the link's check (and the questions); else the registration's status. */
  private async load(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    if (this.token) {
      const check = client.reissueEmail.checkLink(this.token, { signal });
      await Promise.all([this.questions.load(client, signal), this.flow.openConfirm(check, signal)]);
      return;
    }
    const [status] = await Promise.all([client.reissueEmail.status({ signal }), this.questions.load(client, signal)]);
    if (signal.aborted) return;
    this.flow.showStatus(status);
  }

  // ---------------------------------------------------------------- register / change

  #toReview(): void {
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!isEmailShaped(this.form, 'email', this.email)) errors.email = m.emailFormat;
    if (!this.emailConfirm.trim()) errors.emailConfirm = m.enterEmailAgain;
    else if (this.emailConfirm.trim().toLowerCase() !== this.email.trim().toLowerCase()) errors.emailConfirm = m.emailMismatch;
    Object.assign(errors, this.#questionAndAnswerErrors());
    this.flow.review(errors);
  }

  #questionAndAnswerErrors(): Record<string, string> {
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.questionId) errors.questionId = m.chooseQuestion;
    if (!this.answer.trim()) errors.answer = m.enterAnswer;
    return errors;
  }

  #update(): Promise<void> {
    const request: ReissueEmailRequest = {
      email: this.email.trim(),
      emailConfirm: this.emailConfirm.trim(),
      questionId: this.questionId,
      answer: this.answer,
    };
    return this.flow.send(request, REGISTER_FIELDS, () => {
      this.email = this.emailConfirm = this.answer = '';
      this.dispatchEvent(new WbEmailRegisteredEvent('reissue', 'pending'));
    });
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  #confirm(): Promise<void> {
    const confirmation = { token: this.token, questionId: this.questionId, answer: this.answer };
    return this.flow.confirm(this.#questionAndAnswerErrors(), (client, signal) => client.reissueEmail.confirm(confirmation, { signal }), CONFIRM_FIELDS, () => {
      this.answer = '';
      this.dispatchEvent(new WbEmailRegisteredEvent('reissue', 'registered'));
    });
  }

  // ---------------------------------------------------------------- rendering

  #questionAndAnswer(): TemplateResult {
    const m = this.i18n.m;
    return html`${this.questions.renderField(this.form.field('questionId'), m.question, this.questionId, (v) => (this.questionId = v))}
    ${renderTextField(this.form, { name: 'answer', label: m.answer, value: this.answer, hint: m.answerHint, onInput: (v) => (this.answer = v) })}`;
  }

  #renderForm(): TemplateResult {
    const m = this.i18n.m;
    const state = this.flow.status?.state;
    const back = state === 'registered' ? 'registered' : state === 'pending' ? 'pending' : undefined;
    return this.flow.renderFormScreen(
      html`<p class="wb-hint">${m.withoutEmail}</p>
        ${renderEmailField(this.form, m.email, m.emailHint, this.email, (v) => (this.email = v))}
        ${renderTextField(this.form, {
          name: 'emailConfirm',
          label: m.emailConfirm,
          value: this.emailConfirm,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          onInput: (v) => (this.emailConfirm = v),
        })}
        ${this.#questionAndAnswer()}`,
      m.confirm,
      () => this.#toReview(),
      back,
    );
  }

  #renderReview(): TemplateResult {
    const m = this.i18n.m;
    return this.flow.renderReviewScreen(
      html`<dt>${m.email}</dt>
        <dd>${this.email.trim()}</dd>
        <dt>${m.question}</dt>
        <dd>${this.questions.label(this.questionId)}</dd>
        <dt>${m.answer}</dt>
        <dd>${this.answer}</dd>`,
      m.update,
      () => this.#update(),
    );
  }

  #renderStatus(): TemplateResult {
    const m = this.i18n.m;
    const flow = this.flow;
    const status = flow.status!;
    if (flow.view === 'pending') return flow.renderPendingScreen(status, nothing);
    return flow.renderRegisteredScreen(
      m.registeredTitle,
      status.email,
      html`${status.questionId ? html`<p>${m.registeredQuestion(this.questions.label(status.questionId))}</p>` : nothing}
        ${status.pendingEmail ? html`<p class="wb-notice">${m.pendingChange(status.pendingEmail, flow.until(status.pendingExpiresAt))}</p>` : nothing}`,
    );
  }

  protected override render() {
    return this.flow.render(
      {
        form: () => this.#renderForm(),
        review: () => this.#renderReview(),
        confirm: () => this.flow.renderConfirmScreen(this.#questionAndAnswer(), this.i18n.m.register, () => this.#confirm()),
        status: () => this.#renderStatus(),
      },
      { sent: html`<p class="wb-hint">${this.i18n.m.startAgainHint}</p>` },
    );
  }
}
