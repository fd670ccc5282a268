import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { MAIL_SENDER, normalizeNumber, REGISTERED_NUMBER_PATTERN } from '../../src/contract/rules.js';
import { isValidationError, isWebBillingError } from '../../src/errors.js';
import type { NoticeEmailRequest, NoticeEmailStatus, WebBillingClient } from '../../src/index.js';
import { WbEmailDeletedEvent, WbEmailRegisteredEvent } from '../shared/events.js';
import { WbFormElement } from '../shared/form-element.js';
import { LocalizeController } from '../shared/localize.js';
import { adoptLightStyles } from '../shared/styles.js';
import { WbNoticeEmailRestartEvent } from './events.js';
import { noticeEmailMessages } from './messages.js';

type View = 'settings' | 'form' | 'review' | 'sent' | 'delete' | 'confirm' | 'completed' | 'expired';
type NoticeType = NoticeEmailRequest['type'];

const REGISTER_FIELDS = ['type', 'email'] as const;
const CONFIRM_FIELDS = ['registeredNumber'] as const;
/** Shortest check of an email the browser's `type=email` rule accepts; the input's own validity is preferred when rendered. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
 * completes the formal registration (no login needed), or says the link
 * expired or was used and offers to start again. Once read, the token is
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
 * @csspart registered-email - The registered (masked) address.
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - The completion message.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbNoticeEmail extends WbFormElement {
  /** The token of the mailed confirmation link; when set, the element completes that formal registration. */
  @property() token = '';

  @state() private view: View = 'settings';
  @state() private status?: NoticeEmailStatus;
  @state() private type: NoticeType | '' = '';
  @state() private email = '';
  @state() private registeredNumber = '';
  /** Where the last confirmation mail went (as typed; the status only has it masked). */
  @state() private sentTo = '';
  /** A status line above the current screen. */

  private readonly i18n = new LocalizeController(this, noticeEmailMessages);

  /** Loads the registration state whenever the client or the token change. */
  private readonly loader = new Task(this, {
    task: async ([client, token]: readonly [WebBillingClient | undefined, string], { signal }) => {
      if (!client) return initialState;
      if (token) {
        this.view = 'confirm';
        return undefined;
      }
      const status = await client.noticeEmail.status({ signal });
      if (!signal.aborted) this.#showStatus(status);
      return undefined;
    },
    args: () => [this.client, this.token] as const,
  });

  /** Set when the customer (re)started the load: its first screen then takes focus. */
  #focusWhenLoaded = false;
  #loadJustFinished = false;
  #renderedStatus: TaskStatus = TaskStatus.INITIAL;

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, noticeStyles);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('token') && this.token) this.#removeTokenFromAddress(this.token);
    super.willUpdate(changed);
  }

  protected override update(changed: PropertyValues): void {
    const status = this.loader.status;
    this.#loadJustFinished = status === TaskStatus.COMPLETE && this.#renderedStatus !== TaskStatus.COMPLETE;
    this.#renderedStatus = status;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    // Moving to another screen moves focus to its heading, so screen readers announce it;
    // a field error found in the same update takes focus after (super.updated).
    const previous = changed.get('view') as View | undefined;
    const moved = changed.has('view') && previous !== undefined && this.#loaded && !this.#loadJustFinished;
    if (moved || (this.#focusWhenLoaded && this.#loadJustFinished)) {
      this.#focusWhenLoaded = false;
      this.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    }
    super.updated(changed);
  }

  get #loaded(): boolean {
    return this.loader.status === TaskStatus.COMPLETE;
  }

  /** Keeps the token out of the address bar (and so out of any `Referer`), once the element has it. */
  #removeTokenFromAddress(token: string): void {
    const url = new URL(location.href);
    if (url.searchParams.get('token') !== token) return;
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url);
  }

  #showStatus(status: NoticeEmailStatus): void {
    this.status = status;
    this.view = 'settings';
    if (status.state === 'registered' && status.type && !this.type) this.type = status.type;
  }

  /** Registering while one is registered is a change. */
  get #changing(): boolean {
    return this.status?.state === 'registered';
  }

  get #sender(): string {
    return this.status?.sender || MAIL_SENDER;
  }

  #until(iso: string | undefined): string {
    return iso ? this.i18n.date(iso, { dateStyle: 'long', timeStyle: 'short' }) : '';
  }

  #typeLabel(type: NoticeType | '' | undefined): string {
    return type ? this.i18n.m[type] : '';
  }

  #isEmailShaped(value: string): boolean {
    const input = this.querySelector<HTMLInputElement>(`#${this.fieldId('email')}`);
    if (input?.type === 'email') return !input.validity.typeMismatch && value.trim() !== '';
    return EMAIL_SHAPE.test(value.trim());
  }

  // ---------------------------------------------------------------- register / change

  #edit(): void {
    this.notice = '';
    this.alert = undefined;
    this.view = 'form';
  }

  #toReview(event: SubmitEvent): void {
    event.preventDefault();
    const m = this.i18n.m;
    const errors: Record<string, string> = {};
    if (!this.type) errors.type = m.chooseType;
    if (!this.email.trim()) errors.email = m.enterEmail;
    else if (!this.#isEmailShaped(this.email)) errors.email = m.emailFormat;
    if (Object.keys(errors).length) {
      this.showFieldErrors(errors);
      return;
    }
    this.showFieldErrors({});
    this.notice = '';
    this.view = 'review';
  }

  async #register(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.run(async () => {
      const client = this.client!;
      const request: NoticeEmailRequest = { type: this.type as NoticeType, email: this.email.trim() };
      const status = this.#changing ? await client.noticeEmail.change(request) : await client.noticeEmail.register(request);
      this.status = status;
      this.sentTo = request.email;
      this.email = '';
      this.view = 'sent';
      this.dispatchEvent(new WbEmailRegisteredEvent('notice', 'pending'));
    }, REGISTER_FIELDS);
  }

  async #delete(): Promise<void> {
    await this.run(async () => {
      await this.client!.noticeEmail.delete();
      this.status = { state: 'none', sender: this.#sender };
      this.type = '';
      this.notice = this.i18n.m.deleted;
      this.view = 'settings';
      this.dispatchEvent(new WbEmailDeletedEvent('notice'));
    });
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  async #confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const number = normalizeNumber(this.registeredNumber);
    if (!number) {
      this.showFieldErrors({ registeredNumber: m.enterNumber });
      return;
    }
    if (!REGISTERED_NUMBER_PATTERN.test(number)) {
      this.showFieldErrors({ registeredNumber: m.numberFormat });
      return;
    }
    await this.run(async () => {
      const status = await this.client!.noticeEmail.confirm(this.token, number);
      this.status = status;
      this.registeredNumber = '';
      this.view = 'completed';
      this.dispatchEvent(new WbEmailRegisteredEvent('notice', 'registered'));
    }, CONFIRM_FIELDS);
  }

  #restart(): void {
    if (!this.dispatchEvent(new WbNoticeEmailRestartEvent())) return;
    this.registeredNumber = '';
    this.fieldErrors = {};
    this.alert = undefined;
    // Without the token the element loads the registration state, then shows it.
    this.#focusWhenLoaded = true;
    this.token = '';
  }

  #retryLoad = (): void => {
    this.#focusWhenLoaded = true;
    void this.loader.run();
  };

  protected override handleError(error: unknown, fieldNames: readonly string[]): void {
    const m = this.i18n.m;
    if (isWebBillingError(error, 'link_expired')) {
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
    if (error.fields.some((f) => f.code === 'wrong_number')) {
      this.fieldErrors = { ...this.fieldErrors, registeredNumber: m.wrongNumber };
    }
    // A field the server refused is corrected on the form, not on the confirm step.
    if (this.view === 'review' && Object.keys(this.fieldErrors).length) this.view = 'form';
  }

  // ---------------------------------------------------------------- rendering


  #notes(): TemplateResult {
    const m = this.i18n.m;
    return html`<h3>${m.notesTitle}</h3>
      <ul class="wb-notes wb-hint" part="notes">
        <li>${m.noteNotReached}</li>
        <li>${m.noteCharges}</li>
        <li>${m.noteJunk(this.#sender)}</li>
      </ul>`;
  }

  #renderLoadState(): TemplateResult | undefined {
    if (!this.client) return html`<section class="wb-form" part="form">${this.renderNoProvider()}</section>`;
    if (this.#loaded) return undefined;
    const m = this.i18n.m;
    const failed = this.loader.status === TaskStatus.ERROR;
    const why = isWebBillingError(this.loader.error, 'session_expired') ? m.needsLogin : this.common.m.loadFailed;
    return html`<section class="wb-form" part="form" aria-labelledby="${this.idPrefix}-load-title" aria-busy=${failed ? 'false' : 'true'}>
      <h2 id="${this.idPrefix}-load-title">${this.token ? m.confirmTitle : m.title}</h2>
      <div role="status" aria-live="polite">${failed ? nothing : html`<p part="loading">${this.common.m.loading}</p>`}</div>
      <div role="alert" aria-live="assertive">
        ${failed
          ? html`<div class="wb-alert" part="alert">
              <p>${why}</p>
              <button type="button" class="wb-button wb-secondary" part="retry-button" @click=${this.#retryLoad}>${this.common.m.retry}</button>
            </div>`
          : nothing}
      </div>
    </section>`;
  }

  #renderSettings(): TemplateResult {
    const m = this.i18n.m;
    const status = this.status ?? { state: 'none' as const, sender: MAIL_SENDER };
    if (status.state === 'registered') {
      return this.renderScreen(
        m.title,
        html`<p class="wb-hint">${m.intro}</p>
          <p part="registered-email">${m.registered(status.email ?? '')}</p>
          <p>${m.registeredType(this.#typeLabel(status.type))}</p>
          ${status.pendingEmail ? html`<p class="wb-notice">${m.pending(status.pendingEmail, this.#until(status.pendingExpiresAt))}</p>` : nothing}
          ${this.#notes()}`,
        {
          actions: html`<button type="button" class="wb-button" part="change-button" @click=${() => this.#edit()}>${m.change}</button>
            ${this.renderSecondaryButton('delete-button', m.delete, () => {
              this.notice = '';
              this.view = 'delete';
            })}`,
        },
      );
    }
    if (status.state === 'pending') {
      return this.renderScreen(
        m.pendingTitle,
        html`<p>${m.pending(status.pendingEmail ?? '', this.#until(status.pendingExpiresAt))}</p>
          <p>${m.sender(this.#sender)}</p>
          ${this.#notes()}`,
        { actions: html`<button type="button" class="wb-button" part="send-again-button" @click=${() => this.#edit()}>${m.sendAgain}</button>` },
      );
    }
    return this.renderScreen(
      m.title,
      html`<p class="wb-hint">${m.intro}</p>
        <p>${m.none}</p>
        ${this.#notes()}`,
      { actions: html`<button type="button" class="wb-button" part="register-button" @click=${() => this.#edit()}>${m.registerAddress}</button>` },
    );
  }

  #renderTypeField(): TemplateResult {
    const m = this.i18n.m;
    const error = this.fieldErrors.type;
    const id = this.fieldId('type');
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
            aria-describedby=${error ? `${id}-error` : nothing}
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
    return this.renderScreen(
      this.#changing ? m.changeTitle : m.registerTitle,
      html`<p class="wb-hint">${m.intro}</p>
        ${this.#renderTypeField()}
        ${this.renderTextField({
          name: 'email',
          label: m.email,
          value: this.email,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          hint: m.emailHint,
          onInput: (v) => (this.email = v),
        })}`,
      {
        onSubmit: (e) => this.#toReview(e),
        actions: html`${this.renderSubmitButton(m.next)}
        ${this.renderSecondaryButton('back-button', m.cancel, () => {
          this.showFieldErrors({});
          this.view = 'settings';
        })}`,
      },
    );
  }

  #renderReview(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.reviewTitle,
      html`<p>${m.reviewIntro}</p>
        <dl class="wb-review" part="review">
          <dt>${m.type}</dt>
          <dd>${this.#typeLabel(this.type)}</dd>
          <dt>${m.email}</dt>
          <dd>${this.email.trim()}</dd>
        </dl>`,
      {
        onSubmit: (e) => this.#register(e),
        actions: html`${this.renderSubmitButton(m.next)}
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
        <p>${m.sender(this.#sender)}</p>
        <p>${m.within24h(this.#until(this.status?.pendingExpiresAt))}</p>`,
      { actions: this.renderSecondaryButton('ok-button', m.ok, () => this.#showStatus(this.status ?? { state: 'none', sender: MAIL_SENDER })) },
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
          this.view = 'settings';
        })}`,
      },
    );
  }

  #renderConfirm(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.confirmTitle,
      html`<p class="wb-hint">${m.confirmIntro}</p>
        ${this.renderTextField({
          name: 'registeredNumber',
          label: m.number,
          value: this.registeredNumber,
          inputmode: 'numeric',
          hint: m.numberHint,
          onInput: (v) => (this.registeredNumber = v),
        })}`,
      { onSubmit: (e) => this.#confirm(e), actions: this.renderSubmitButton(m.complete) },
    );
  }

  protected override render() {
    const m = this.i18n.m;
    const loading = this.#renderLoadState();
    if (loading) return loading;
    switch (this.view) {
      case 'form':
        return this.#renderForm();
      case 'review':
        return this.#renderReview();
      case 'sent':
        return this.#renderSent();
      case 'delete':
        return this.#renderDelete();
      case 'confirm':
        return this.#renderConfirm();
      case 'completed':
        return this.renderScreen(
          m.completedTitle,
          html`<p class="wb-success" role="status">${m.completed}</p>
            <p>${m.monthly}</p>
            <p>${m.sender(this.#sender)}</p>`,
          { actions: nothing },
        );
      case 'expired':
        return this.renderScreen(m.expiredTitle, html`<p class="wb-alert" role="alert">${m.expired}</p>`, {
          actions: html`<button type="button" class="wb-button" part="restart-button" @click=${() => this.#restart()}>${m.restart}</button>`,
        });
      default:
        return this.#renderSettings();
    }
  }
}
