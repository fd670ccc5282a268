import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isWebBillingError, type InvalidCredentialsError, type SessionEndReason, type SessionStage } from '../../src/core.js';
import { sessionEndContext } from '../shared/context.js';
import { WbForgotPasswordEvent, WbLoggedInEvent } from '../shared/events.js';
import { FormController } from '../shared/form-controller.js';
import { renderMessage, renderPasswordField, renderSecondaryButton, renderTextField, renderTopButton } from '../shared/form-render.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { loginMessages } from './messages.js';
import { loginStyles } from './login.styles.js';

const END_REASONS: readonly SessionEndReason[] = ['logout', 'expired', 'logout-elsewhere', 'expired-elsewhere', 'password-changed-elsewhere'];

type View = 'form' | 'locked' | 'postcard-done' | 'setup' | 'reissued' | 'password-change' | 'reissue' | 'done' | 'top';

/**
 * The forms the login moves on to in place, each registered when the login
 * first needs it: a first visit loads the login form alone, not the three
 * forms after it. Each starts loading as the screen before it shows (the
 * note after a postcard login, after a reissued password, the lock screen),
 * so it is there when the customer presses on.
 */
const NEXT_FORMS = {
  setup: 'wb-credential-setup',
  'password-change': 'wb-password-change',
  reissue: 'wb-password-reissue',
} as const;

/** The screens that show one of the next forms or lead to one: each starts loading them. */
const BEFORE_NEXT_FORMS: ReadonlySet<View> = new Set(['postcard-done', 'setup', 'reissued', 'password-change', 'locked', 'reissue']);

/**
 * The login screen. Takes the postcard's initial login ID and password (7 +
 * 8 alphanumerics) as well as chosen ones; after a postcard login it moves on
 * to the first change of ID and password, after a reissued password to the
 * forced password change. Shows how many tries remain, and a locked account
 * gets its own message with the way out (password reissue, and the inquiry
 * desk). Renders in light DOM inside a real `<form>` so password managers can
 * fill and save the credentials.
 *
 * Each next step is announced by a cancelable event; call `preventDefault()`
 * to route to your own page instead of showing it in place. The forms shown
 * in place (`<wb-credential-setup>`, `<wb-password-change>`,
 * `<wb-password-reissue>`) are loaded when the login first needs one, not
 * with it.
 *
 * @summary Login form for postcard and chosen credentials.
 * @tag wb-login
 *
 * @fires wb-logged-in - A login succeeded; `stage` says what comes next. Cancelable.
 * @fires wb-forgot-password - The customer asked to reissue the password. Cancelable.
 * @fires wb-top-requested - "To the top screen" after the login. Cancelable: unless cancelled, `<wb-top>` is shown in place (define it too, e.g. with the autoloader).
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each field wrapper (also `login-id-field`, `password-field`).
 * @csspart label - Each label.
 * @csspart input - Each input.
 * @csspart error - Each field's error.
 * @csspart alert - A form-level problem.
 * @csspart submit-button - The login button.
 * @csspart forgot-link - The "forgot your password" link.
 * @csspart reissue-button - "Reissue my password" on the locked screen.
 * @csspart back-button - "Back to the login" on the locked screen.
 * @csspart top-button - "To the top screen" after the login.
 * @csspart session-ended - "Your session has ended", shown with `session-ended`.
 * @csspart loading - "Loading…" while a next form's module loads.
 * @csspart retry-button - "Try again" when a next form's module could not be loaded.
 * @csspart reload-button - "Reload the page", beside it once trying again has failed too.
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbLogin extends WbLocalizedElement {
  /** Pre-fills the login ID. */
  @property({ attribute: 'login-id' }) loginId = '';
  /**
   * Says above the form that the previous session ended (set it when
   * `<wb-provider>` fired `wb-logged-out` with `reason: 'expired'`), so the
   * customer knows why they are back at the login. Cleared by a login.
   */
  @property({ attribute: 'session-ended', type: Boolean, reflect: true }) sessionEnded = false;

  /**
   * Why the previous session ended, for a login on another page than the one
   * where it ended (a multi-page portal passes it along, e.g. `?ended=`):
   * `logout`, `expired`, `logout-elsewhere`, `expired-elsewhere` or
   * `password-changed-elsewhere`; said above the form. Anything else is
   * ignored. On the same page `<wb-provider>` tells the login by itself.
   */
  @property({ attribute: 'end-reason' }) endReason?: string;

  /** Why the page's last session ended, from `<wb-provider>`: said above the form, in words that fit (a logout, an expiry, another tab). */
  @consume({ context: sessionEndContext, subscribe: true })
  @state()
  private ended?: SessionEndReason;

  @state() private password = '';
  @state() private view: View = 'form';
  @state() private remainingAttempts?: number;
  @state() private stage?: SessionStage;
  /** The next forms' module could not be loaded (offline): their screen offers to try again. */
  @state() private nextFormsFailed = false;
  /**
   * The customer pressed "Try again". When that fails too, the screen also
   * offers to reload the page: browsers that keep a failed module load for
   * the page's life (Chromium before 156) fail every retry without asking
   * the network again.
   */
  @state() private nextFormsRetried = false;

  private readonly i18n = new LocalizeController(this, loginMessages);
  private readonly form = new FormController(this, loginStyles, () => this.view);

  /** Light DOM: password managers and autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('view') && BEFORE_NEXT_FORMS.has(this.view)) this.#loadNextForms();
  }

  /** Registers the next forms (one module for the three), if they are not yet; shows their screen when they are. */
  #loadNextForms(): void {
    if (Object.values(NEXT_FORMS).every((tag) => customElements.get(tag))) return;
    this.nextFormsFailed = false;
    import('./next-forms.js').then(
      () => this.requestUpdate(),
      () => (this.nextFormsFailed = true),
    );
  }

  #retryNextForms = (): void => {
    this.nextFormsRetried = true;
    this.#loadNextForms();
  };

  /** A next form in place, once its module is registered; until then what is happening, or the offer to try again. */
  #renderNext(tag: (typeof NEXT_FORMS)[keyof typeof NEXT_FORMS], form: () => unknown) {
    if (customElements.get(tag)) return form();
    const common = this.form.common.m;
    if (!this.nextFormsFailed) return html`<p class="wb-hint" part="loading" role="status">${common.loading}</p>`;
    return renderMessage(
      this.form,
      this.i18n.m.title,
      html`<p class="wb-alert" part="alert" role="alert">${common.loadFailed} ${common.networkFault}${this.nextFormsRetried ? ` ${common.reloadToLoad}` : ''}</p>`,
      html`<button type="button" class="wb-button" part="retry-button" @click=${this.#retryNextForms}>${common.retry}</button>
        ${this.nextFormsRetried ? renderSecondaryButton('reload-button', common.reload, () => location.reload()) : nothing}`,
      'unloaded',
    );
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.i18n.m;
    const missing: Record<string, string> = {};
    if (!this.loginId.trim()) missing.loginId = m.required(m.loginId);
    if (!this.password) missing.password = m.required(m.password);
    if (Object.keys(missing).length) {
      this.form.showFieldErrors(missing);
      return;
    }
    await this.form.run(async (client, signal) => {
      try {
        const session = await client.auth.login({ loginId: this.loginId.trim(), password: this.password }, { signal });
        this.remainingAttempts = undefined;
        this.password = '';
        this.sessionEnded = false;
        this.endReason = undefined;
        this.stage = session.stage;
        const next = new WbLoggedInEvent(session.stage, session.loginId);
        if (this.dispatchEvent(next)) {
          this.view = session.stage === 'credential-setup-required' ? 'postcard-done' : session.stage === 'password-change-required' ? 'reissued' : 'done';
        }
      } catch (error) {
        if (isWebBillingError(error, 'invalid_credentials')) {
          this.password = '';
          this.remainingAttempts = (error as InvalidCredentialsError).remainingAttempts;
          // Not a problem of one field: the form's alert says it, and the cleared password is where to type again.
          this.form.showFormProblem(m.wrong, `#${this.form.fieldId('password')}`);
          return;
        }
        if (isWebBillingError(error, 'account_locked')) {
          this.password = '';
          this.view = 'locked';
          return;
        }
        throw error;
      }
    }, { fields: ['loginId', 'password'] });
  }

  private forgot(): void {
    if (this.dispatchEvent(new WbForgotPasswordEvent())) this.view = 'reissue';
  }

  /** Why the customer is back at the login, when they are. */
  private renderEnded() {
    const given = END_REASONS.find((r) => r === this.endReason);
    const reason = this.ended ?? given ?? (this.sessionEnded ? 'expired' : undefined);
    if (!reason) return nothing;
    return html`<p class="wb-notice" part="session-ended" role="status">${this.i18n.m.ended(reason)}</p>`;
  }

  private renderForm() {
    const m = this.i18n.m;
    return html`<form class="wb-form" part="form" novalidate @submit=${this.onSubmit} aria-labelledby="${this.form.idPrefix}-title">
      <h2 id="${this.form.idPrefix}-title" tabindex="-1">${m.title}</h2>
      ${this.renderEnded()}
      <p class="wb-hint">${m.intro}</p>
      ${this.form.renderNoProvider()}
      ${renderTextField(this.form, {
        name: 'loginId',
        label: m.loginId,
        value: this.loginId,
        autocomplete: 'username',
        onInput: (v) => (this.loginId = v),
      })}
      ${renderPasswordField(this.form, {
        name: 'password',
        label: m.password,
        value: this.password,
        autocomplete: 'current-password',
        onInput: (v) => (this.password = v),
      })}
      ${this.remainingAttempts !== undefined
        ? html`<p class="wb-notice" part="remaining-attempts" role="status">${m.triesLeft(this.remainingAttempts)}</p>`
        : nothing}
      ${this.form.renderAlert()}
      <div class="wb-actions">
        ${this.form.renderSubmitButton(m.submit)}
        <button type="button" class="wb-link" part="forgot-link" @click=${this.forgot}>${m.forgot}</button>
      </div>
    </form>`;
  }

  protected override render() {
    const m = this.i18n.m;
    switch (this.view) {
      case 'locked':
        return renderMessage(this.form,
          m.lockedTitle,
          [html`<p class="wb-alert" role="alert">${m.locked}</p>`, html`<p>${m.noEmail}</p>`, html`<p part="inquiry">${this.form.common.m.inquiry}</p>`],
          html`<button type="button" class="wb-button" part="reissue-button" @click=${this.forgot}>${m.reissue}</button>
            ${renderSecondaryButton('back-button', m.backToLogin, () => (this.view = 'form'))}`,
        );
      case 'postcard-done':
        return renderMessage(this.form,
          m.postcardDoneTitle,
          [html`<p>${m.postcardDone}</p>`, html`<p class="wb-notice">${m.keepPostcard}</p>`],
          html`<button type="button" class="wb-button" part="ok-button" @click=${() => (this.view = 'setup')}>${m.ok}</button>`,
        );
      case 'reissued':
        return renderMessage(this.form,
          m.reissuedTitle,
          [html`<p>${m.reissued}</p>`],
          html`<button type="button" class="wb-button" part="ok-button" @click=${() => (this.view = 'password-change')}>${m.ok}</button>`,
        );
      case 'setup':
        return this.#renderNext(NEXT_FORMS.setup, () => html`<wb-credential-setup></wb-credential-setup>`);
      case 'password-change':
        return this.#renderNext(NEXT_FORMS['password-change'], () => html`<wb-password-change></wb-password-change>`);
      case 'reissue':
        return this.#renderNext(NEXT_FORMS.reissue, () => html`<wb-password-reissue @wb-login-requested=${this.#backToLogin}></wb-password-reissue>`);
      case 'done':
        return renderMessage(this.form,
          m.title,
          [html`<p class="wb-success" role="status">${m.loggedIn(this.form.client?.auth.current?.loginId ?? this.loginId)}</p>`],
          renderTopButton(this.form, () => (this.view = 'top')),
        );
      case 'top':
        return html`<wb-top></wb-top>`;
      default:
        return this.renderForm();
    }
  }

  #backToLogin = (event: Event): void => {
    if (!event.defaultPrevented) {
      event.preventDefault();
      this.view = 'form';
    }
  };
}
