import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAIL_SENDER } from '../../src/contract/rules.js';
import { isValidationError, isWebBillingError } from '../../src/errors.js';
import type { ReissueEmailRequest, ReissueEmailStatus, WebBillingClient } from '../../src/index.js';
import { WbEmailDeletedEvent, WbEmailRegisteredEvent } from '../shared/events.js';
import { LocalizeController } from '../shared/localize.js';
import { adoptLightStyles } from '../shared/styles.js';
import { WbRestartRegistrationEvent } from './events.js';
import { reissueEmailMessages } from './messages.js';
import { WbSecretQuestionForm } from './secret-question-form.js';

type View = 'form' | 'review' | 'sent' | 'registered' | 'pending' | 'delete' | 'confirm' | 'completed' | 'expired';

const REGISTER_FIELDS = ['email', 'emailConfirm', 'questionId', 'answer'] as const;
const CONFIRM_FIELDS = ['questionId', 'answer'] as const;

const reviewStyles = css`
  :where(.wb-review) { display: grid; gap: 0.5rem; margin: 0; }
  :where(.wb-review dt) { font-weight: 600; }
  :where(.wb-review dd) { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
`;

/**
 * Registers, changes and deletes the email address (with a secret question
 * and its answer) to which a new login password is mailed when the customer
 * forgets theirs. Registering goes through a confirm step that shows what was
 * entered (Update / Back), then the "check your email" screen: nothing is
 * registered until the customer opens the mailed link, valid 24 hours.
 *
 * Opened from that link, give the link's token in the `token` attribute: the
 * element then asks for the secret question and answer again and completes
 * the registration (no login needed), or says the link expired or was used
 * and offers to start again. Once read, the token is removed from the address
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
 * @csspart registered-email - The registered (masked) address.
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - The completion message.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbReissueEmail extends WbSecretQuestionForm {
  /** The token of the mailed confirmation link; when set, the element completes that registration. */
  @property() token = '';

  @state() private view: View = 'form';
  @state() private status?: ReissueEmailStatus;
  @state() private email = '';
  @state() private emailConfirm = '';
  @state() private questionId = '';
  @state() private answer = '';
  /** Where the last confirmation mail went (as typed; the status only has it masked). */
  @state() private sentTo = '';
  /** A status line above the current screen. */

  private readonly i18n = new LocalizeController(this, reissueEmailMessages);

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, reviewStyles);
  }

  protected override async loadData(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    if (this.token) {
      await this.loadQuestions(client, signal);
      this.view = 'confirm';
      return;
    }
    const [status] = await Promise.all([client.reissueEmail.status({ signal }), this.loadQuestions(client, signal)]);
    if (signal.aborted) return;
    this.#showStatus(status);
  }

  protected override loadArgs(): readonly unknown[] {
    return [this.client, this.token];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('token') && this.token) this.#removeTokenFromAddress(this.token);
    super.willUpdate(changed);
  }

  /** Keeps the token out of the address bar (and so out of any `Referer`), once the element has it. */
  #removeTokenFromAddress(token: string): void {
    const url = new URL(location.href);
    if (url.searchParams.get('token') !== token) return;
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url);
  }

  #showStatus(status: ReissueEmailStatus): void {
    this.status = status;
    this.view = status.state === 'registered' ? 'registered' : status.state === 'pending' ? 'pending' : 'form';
    if (status.state === 'registered' && status.questionId && !this.questionId) this.questionId = status.questionId;
  }

  /** Registering while one is registered is a change. */
  get #changing(): boolean {
    return this.status?.state === 'registered';
  }

  #until(iso: string | undefined): string {
    return iso ? this.i18n.date(iso, { dateStyle: 'long', timeStyle: 'short' }) : '';
  }

  // ---------------------------------------------------------------- register / change

  #toReview(event: SubmitEvent): void {
    event.preventDefault();
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!this.isEmailShaped('email', this.email)) errors.email = m.emailFormat;
    if (!this.emailConfirm.trim()) errors.emailConfirm = m.enterEmailAgain;
    else if (this.emailConfirm.trim().toLowerCase() !== this.email.trim().toLowerCase()) errors.emailConfirm = m.emailMismatch;
    if (!this.questionId) errors.questionId = m.chooseQuestion;
    if (!this.answer.trim()) errors.answer = m.enterAnswer;
    if (Object.keys(errors).length) {
      this.showFieldErrors(errors);
      return;
    }
    this.showFieldErrors({});
    this.notice = '';
    this.view = 'review';
  }

  async #update(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.run(async () => {
      const client = this.client!;
      const request: ReissueEmailRequest = {
        email: this.email.trim(),
        emailConfirm: this.emailConfirm.trim(),
        questionId: this.questionId,
        answer: this.answer,
      };
      const status = this.#changing ? await client.reissueEmail.change(request) : await client.reissueEmail.register(request);
      this.status = status;
      this.sentTo = request.email;
      this.email = this.emailConfirm = this.answer = '';
      this.view = 'sent';
      this.dispatchEvent(new WbEmailRegisteredEvent('reissue', 'pending'));
    }, REGISTER_FIELDS);
  }

  async #delete(): Promise<void> {
    await this.run(async () => {
      await this.client!.reissueEmail.delete();
      this.status = { state: 'none' };
      this.questionId = '';
      this.notice = this.i18n.m.deleted;
      this.view = 'form';
      this.dispatchEvent(new WbEmailDeletedEvent('reissue'));
    });
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  async #confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.questionId) errors.questionId = m.chooseQuestion;
    if (!this.answer.trim()) errors.answer = m.enterAnswer;
    if (Object.keys(errors).length) {
      this.showFieldErrors(errors);
      return;
    }
    await this.run(async () => {
      const status = await this.client!.reissueEmail.confirm({ token: this.token, questionId: this.questionId, answer: this.answer });
      this.status = status;
      this.answer = '';
      this.view = 'completed';
      this.dispatchEvent(new WbEmailRegisteredEvent('reissue', 'registered'));
    }, CONFIRM_FIELDS);
  }

  #restart(): void {
    if (!this.dispatchEvent(new WbRestartRegistrationEvent())) return;
    this.answer = this.questionId = '';
    this.fieldErrors = {};
    this.alert = undefined;
    // Without the token the element loads the registration state, then shows the register form.
    this.focusWhenLoaded = true;
    this.token = '';
  }

  protected override handleError(error: unknown, fieldNames: readonly string[]): void {
    const m = this.i18n.m;
    if (isWebBillingError(error, 'link_expired')) {
      this.answer = '';
      this.view = 'expired';
      return;
    }
    if (isWebBillingError(error, 'conflict') || isWebBillingError(error, 'not_found')) {
      // Someone changed the registration meanwhile (another tab): show it as it is now.
      this.notice = error.code === 'conflict' ? m.conflict : m.notFound;
      void this.loader.run();
      return;
    }
    super.handleError(error, fieldNames);
    if (!isValidationError(error)) return;
    if (error.fields.some((f) => f.code === 'wrong_answer')) {
      // The only thing a wrong answer clears is the answer itself.
      this.answer = '';
      this.fieldErrors = { ...this.fieldErrors, answer: m.wrongAnswer };
    }
    // A field the server refused is corrected on the form, not on the confirm step.
    if (this.view === 'review' && Object.keys(this.fieldErrors).length) this.view = 'form';
  }

  protected override updated(changed: PropertyValues): void {
    // Moving to another screen moves focus to its heading, so screen readers announce it;
    // a field error found in the same update takes focus after (super.updated).
    // A load finishing (first screen, or after a conflict) keeps focus where it is.
    const previous = changed.get('view') as View | undefined;
    if (changed.has('view') && previous !== undefined && this.loaded && !this.loadJustFinished) {
      this.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    }
    super.updated(changed);
  }

  // ---------------------------------------------------------------- rendering


  #questionAndAnswer(): TemplateResult {
    const m = this.i18n.m;
    return html`${this.renderQuestionField({ name: 'questionId', label: m.question, value: this.questionId, onChange: (v) => (this.questionId = v) })}
    ${this.renderTextField({ name: 'answer', label: m.answer, value: this.answer, hint: m.answerHint, onInput: (v) => (this.answer = v) })}`;
  }

  #renderForm(): TemplateResult {
    const m = this.i18n.m;
    const back = this.status?.state === 'registered' ? 'registered' : this.status?.state === 'pending' ? 'pending' : undefined;
    return this.renderScreen(
      this.#changing ? m.changeTitle : m.registerTitle,
      html`<p class="wb-hint">${m.intro}</p>
        <p class="wb-hint">${m.withoutEmail}</p>
        ${this.renderTextField({
          name: 'email',
          label: m.email,
          value: this.email,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          hint: m.emailHint,
          onInput: (v) => (this.email = v),
        })}
        ${this.renderTextField({
          name: 'emailConfirm',
          label: m.emailConfirm,
          value: this.emailConfirm,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          onInput: (v) => (this.emailConfirm = v),
        })}
        ${this.#questionAndAnswer()}`,
      {
        onSubmit: (e) => this.#toReview(e),
        actions: html`${this.renderSubmitButton(m.confirm)}
        ${back
          ? this.renderSecondaryButton('back-button', m.cancel, () => {
              this.showFieldErrors({});
              this.view = back;
            })
          : nothing}`,
      },
    );
  }

  #renderReview(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.reviewTitle,
      html`<p>${m.reviewIntro}</p>
        <dl class="wb-review" part="review">
          <dt>${m.email}</dt>
          <dd>${this.email.trim()}</dd>
          <dt>${m.question}</dt>
          <dd>${this.questionLabel(this.questionId)}</dd>
          <dt>${m.answer}</dt>
          <dd>${this.answer}</dd>
        </dl>`,
      {
        onSubmit: (e) => this.#update(e),
        actions: html`${this.renderSubmitButton(m.update)}
        ${this.renderSecondaryButton('back-button', m.back, () => {
          this.alert = undefined;
          this.view = 'form';
        })}`,
      },
    );
  }

  #renderSent(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.sentTitle,
      html`<p class="wb-notice" role="status">${m.sent(this.sentTo)}</p>
        <p>${m.sender(MAIL_SENDER)}</p>
        <p>${m.within24h(this.#until(this.status?.pendingExpiresAt))}</p>
        <p class="wb-hint">${m.startAgainHint}</p>`,
      { actions: this.renderSecondaryButton('ok-button', m.ok, () => this.#showStatus(this.status ?? { state: 'none' })) },
    );
  }

  #renderRegistered(): TemplateResult {
    const m = this.i18n.m;
    const status = this.status!;
    return this.renderScreen(
      m.registeredTitle,
      html`<p class="wb-hint">${m.intro}</p>
        <p part="registered-email">${m.registered(status.email ?? '')}</p>
        ${status.questionId ? html`<p>${m.registeredQuestion(this.questionLabel(status.questionId))}</p>` : nothing}
        ${status.pendingEmail ? html`<p class="wb-notice">${m.pendingChange(status.pendingEmail, this.#until(status.pendingExpiresAt))}</p>` : nothing}`,
      {
        actions: html`<button type="button" class="wb-button" part="change-button" @click=${() => this.#edit()}>${m.change}</button>
          ${this.renderSecondaryButton('delete-button', m.delete, () => {
            this.notice = '';
            this.view = 'delete';
          })}`,
      },
    );
  }

  #edit(): void {
    this.notice = '';
    this.view = 'form';
  }

  #renderPending(): TemplateResult {
    const m = this.i18n.m;
    const status = this.status!;
    return this.renderScreen(
      m.pendingTitle,
      html`<p>${m.pending(status.pendingEmail ?? '', this.#until(status.pendingExpiresAt))}</p>
        <p>${m.sender(MAIL_SENDER)}</p>`,
      { actions: html`<button type="button" class="wb-button" part="send-again-button" @click=${() => this.#edit()}>${m.sendAgain}</button>` },
    );
  }

  #renderDelete(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.deleteTitle,
      html`<p>${m.registered(this.status?.email ?? '')}</p>
        <p class="wb-notice">${m.deleteWarning}</p>`,
      {
        onSubmit: (e) => {
          e.preventDefault();
          return this.#delete();
        },
        actions: html`${this.renderSubmitButton(m.delete)}
        ${this.renderSecondaryButton('back-button', m.keep, () => {
          this.alert = undefined;
          this.view = 'registered';
        })}`,
      },
    );
  }

  #renderConfirm(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(m.confirmTitle, html`<p class="wb-hint">${m.confirmIntro}</p>${this.#questionAndAnswer()}`, {
      onSubmit: (e) => this.#confirm(e),
      actions: this.renderSubmitButton(m.register),
    });
  }

  protected override render() {
    const m = this.i18n.m;
    const loading = this.renderLoadState(this.token ? m.confirmTitle : m.title);
    if (loading) return loading;
    switch (this.view) {
      case 'review':
        return this.#renderReview();
      case 'sent':
        return this.#renderSent();
      case 'registered':
        return this.#renderRegistered();
      case 'pending':
        return this.#renderPending();
      case 'delete':
        return this.#renderDelete();
      case 'confirm':
        return this.#renderConfirm();
      case 'completed':
        return this.renderScreen(m.completedTitle, html`<p class="wb-success" role="status">${m.completed}</p>`, { actions: nothing });
      case 'expired':
        return this.renderScreen(m.expiredTitle, html`<p class="wb-alert" role="alert">${m.expired}</p>`, {
          actions: html`<button type="button" class="wb-button" part="restart-button" @click=${() => this.#restart()}>${m.restart}</button>`,
        });
      default:
        return this.#renderForm();
    }
  }
}
