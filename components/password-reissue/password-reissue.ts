import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAIL_SENDER, type WebBillingClient } from '../../src/core.js';
import { WbLoginRequestedEvent, WbPasswordReissueRequestedEvent } from '../shared/events.js';
import { FormController } from '../shared/form-controller.js';
import { isEmailShaped, renderEmailField, renderMessage, renderTextField } from '../shared/form-render.js';
import { FormLoadController } from '../shared/form-load.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { SecretQuestions } from '../shared/secret-questions.js';
import { passwordReissueMessages } from './messages.js';
import { passwordReissueStyles } from './password-reissue.styles.js';

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
export class WbPasswordReissue extends WbLocalizedElement {
  /** Pre-fills the login ID. */
  @property({ attribute: 'login-id' }) loginId = '';

  @state() private email = '';
  @state() private questionId = '';
  @state() private answer = '';
  @state() private view: View = 'form';

  private readonly i18n = new LocalizeController(this, passwordReissueMessages);
  private readonly form = new FormController(this, passwordReissueStyles);
  private readonly questions = new SecretQuestions(this);
  /** The secret questions, loaded before the form shows. */
  private readonly load = new FormLoadController(this, this.form, {
    load: (client: WebBillingClient, signal: AbortSignal) => this.questions.load(client, signal),
    screen: () => this.view,
  });

  /** Light DOM: password managers and autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.loginId.trim()) errors.loginId = m.enterLoginId;
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!isEmailShaped(this.form, 'email', this.email)) errors.email = m.emailFormat;
    if (!this.questionId) errors.questionId = m.chooseQuestion;
    if (!this.answer.trim()) errors.answer = m.enterAnswer;
    if (Object.keys(errors).length) {
      this.form.showFieldErrors(errors);
      return;
    }
    await this.form.run(
      async (client, signal) => {
        const request = { loginId: this.loginId.trim(), email: this.email.trim(), questionId: this.questionId, answer: this.answer };
        await client.passwordReissue.request(request, { signal });
        this.answer = '';
        this.view = 'done';
        this.dispatchEvent(new WbPasswordReissueRequestedEvent());
      },
      { fields: FIELDS },
    );
  }

  private toLogin(): void {
    this.dispatchEvent(new WbLoginRequestedEvent());
  }

  private renderForm(): TemplateResult {
    const m = this.i18n.m;
    return html`<form class="wb-form" part="form" novalidate @submit=${this.onSubmit} aria-labelledby="${this.form.idPrefix}-title">
      <h2 id="${this.form.idPrefix}-title">${m.title}</h2>
      <p class="wb-hint">${m.intro}</p>
      ${renderTextField(this.form, {
        name: 'loginId',
        label: m.loginId,
        value: this.loginId,
        autocomplete: 'username',
        onInput: (v) => (this.loginId = v),
      })}
      ${renderEmailField(this.form, m.email, m.emailHint, this.email, (v) => (this.email = v))}
      ${this.questions.renderField(this.form.field('questionId'), m.question, this.questionId, (v) => (this.questionId = v))}
      ${renderTextField(this.form, { name: 'answer', label: m.answer, value: this.answer, onInput: (v) => (this.answer = v) })}
      ${this.form.renderAlert()}
      <div class="wb-actions">
        ${this.form.renderSubmitButton(m.submit)}
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
    return renderMessage(this.form,
      m.doneTitle,
      html`<p class="wb-success" role="status">${m.done}</p>
        <p>${m.sender(MAIL_SENDER)}</p>
        <p>${m.next}</p>`,
      html`<button type="button" class="wb-button" part="login-button" @click=${this.toLogin}>${m.toLogin}</button>`,
      'done',
    );
  }

  protected override render() {
    return this.load.renderState(this.i18n.m.title, this.questions.m) ?? (this.view === 'done' ? this.renderDone() : this.renderForm());
  }
}
