import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAIL_SENDER } from '../../src/contract/rules.js';
import type { WebBillingClient } from '../../src/index.js';
import { WbEmailFormElement } from '../shared/email-form.js';
import { WbLoginRequestedEvent, WbPasswordReissueRequestedEvent } from '../shared/events.js';
import { LocalizeController } from '../shared/localize.js';
import { SecretQuestions } from '../reissue-email/secret-questions.js';
import { passwordReissueMessages } from './messages.js';

type View = 'form' | 'done';

const FIELDS = ['loginId', 'email', 'questionId', 'answer'] as const;

/**
 * The password reissue screen: the login ID, the email address registered
 * to reissue a login password, the secret question and its answer. On a
 * match the service mails a new (temporary) password and unlocks the
 * account; the screen says the same words whatever matched, as the service
 * answers the same, so nobody can learn which accounts exist. Without a
 * registered email, it points to the inquiry desk (a postcard, about a week).
 * Needs no login.
 *
 * Renders in light DOM inside a real `<form>` (the login ID input has
 * `autocomplete="username"`, the email `autocomplete="email"`).
 *
 * @summary Reissue a forgotten login password by email.
 * @tag wb-password-reissue
 *
 * @fires wb-password-reissue-requested - The request was sent (it never says whether anything matched).
 * @fires wb-login-requested - "To login screen" or "Back to login" was chosen. Cancelable; standalone, the element does nothing more.
 *
 * @csspart form - The `<form>` or the section of the result.
 * @csspart field - Each field wrapper (also `loginId-field`, `email-field`, `questionId-field`, `answer-field`).
 * @csspart label - Each label.
 * @csspart input - Each text input.
 * @csspart select - The secret-question `<select>`.
 * @csspart hint - Each field's hint.
 * @csspart error - Each field's error.
 * @csspart alert - A form-level problem.
 * @csspart retry-button - "Try again" after a fault.
 * @csspart loading - The loading message.
 * @csspart inquiry - The inquiry desk's note for customers without a registered email.
 * @csspart submit-button - The send button.
 * @csspart login-button - "To login screen" / "Back to login".
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbPasswordReissue extends WbEmailFormElement {
  /** Pre-fills the login ID. */
  @property({ attribute: 'login-id' }) loginId = '';

  @state() private email = '';
  @state() private questionId = '';
  @state() private answer = '';
  @state() private view: View = 'form';

  private readonly i18n = new LocalizeController(this, passwordReissueMessages);
  private readonly questions = new SecretQuestions(this);

  protected override async loadData(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    await this.questions.load(client, signal);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.loginId.trim()) errors.loginId = m.enterLoginId;
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!this.isEmailShaped('email', this.email)) errors.email = m.emailFormat;
    if (!this.questionId) errors.questionId = m.chooseQuestion;
    if (!this.answer.trim()) errors.answer = m.enterAnswer;
    if (Object.keys(errors).length) {
      this.showFieldErrors(errors);
      return;
    }
    await this.run(async () => {
      await this.client!.passwordReissue.request({
        loginId: this.loginId.trim(),
        email: this.email.trim(),
        questionId: this.questionId,
        answer: this.answer,
      });
      this.answer = '';
      this.view = 'done';
      this.dispatchEvent(new WbPasswordReissueRequestedEvent());
    }, FIELDS);
  }

  private toLogin(): void {
    this.dispatchEvent(new WbLoginRequestedEvent());
  }

  private renderForm(): TemplateResult {
    const m = this.i18n.m;
    return html`<form class="wb-form" part="form" novalidate @submit=${this.onSubmit} aria-labelledby="${this.idPrefix}-title">
      <h2 id="${this.idPrefix}-title">${m.title}</h2>
      <p class="wb-hint">${m.intro}</p>
      ${this.renderTextField({
        name: 'loginId',
        label: m.loginId,
        value: this.loginId,
        autocomplete: 'username',
        onInput: (v) => (this.loginId = v),
      })}
      ${this.renderEmailField(m.email, m.emailHint, this.email, (v) => (this.email = v))}
      ${this.questions.renderField(this.field('questionId'), m.question, this.questionId, (v) => (this.questionId = v))}
      ${this.renderTextField({ name: 'answer', label: m.answer, value: this.answer, onInput: (v) => (this.answer = v) })}
      ${this.renderAlert()}
      <div class="wb-actions">
        <button type="submit" class="wb-button" part="submit-button" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? this.common.m.sending : m.submit}
        </button>
        <button type="button" class="wb-link" part="login-button" @click=${this.toLogin}>${m.backToLogin}</button>
      </div>
      <div class="wb-notice" part="inquiry">
        <p><strong>${m.noEmailTitle}</strong></p>
        <p>${m.noEmail}</p>
      </div>
    </form>`;
  }

  private renderDone(): TemplateResult {
    const m = this.i18n.m;
    return html`<section class="wb-form" part="form" aria-labelledby="${this.idPrefix}-done">
      <h2 id="${this.idPrefix}-done" tabindex="-1">${m.doneTitle}</h2>
      <p class="wb-success" role="status">${m.done}</p>
      <p>${m.sender(MAIL_SENDER)}</p>
      <p>${m.next}</p>
      <div class="wb-actions">
        <button type="button" class="wb-button" part="login-button" @click=${this.toLogin}>${m.toLogin}</button>
      </div>
    </section>`;
  }

  protected override render() {
    return this.renderLoadState(this.i18n.m.title, this.questions.m) ?? (this.view === 'done' ? this.renderDone() : this.renderForm());
  }
}
