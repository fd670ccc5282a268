import { consume } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { isWebBillingError, type SessionInfo } from '../../src/core.js';
import { sessionContext } from '../shared/context.js';
import { credentialErrors } from '../shared/credential-checklist.js';
import { CredentialController } from '../shared/credential-controller.js';
import { WbCredentialsChangedEvent } from '../shared/events.js';
import { FormController } from '../shared/form-controller.js';
import { renderPasswordField, renderTopButton } from '../shared/form-render.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { passwordChangeMessages } from './messages.js';
import { passwordChangeStyles } from './password-change.styles.js';

type View = 'form' | 'done' | 'top';

/** Field names, as the contract's `PasswordChangeRequest` has them. */
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Changes the login password: the forced change after a login with a
 * reissued (mailed) password, where the mailed password is typed again, and
 * the voluntary change of an active session. The new password is typed
 * twice, with the same live checklist of the service's policy as
 * `<wb-credential-setup>` (length, letters and digits, allowed symbols,
 * different from the login ID, typed the same twice). On success it shows
 * the completion screen, with the way on to the top screen.
 *
 * Renders in light DOM inside a real `<form>` with the session's login ID in
 * a hidden `username` input and `autocomplete` `current-password` /
 * `new-password`, so password managers update the saved password.
 *
 * @summary Forced or voluntary change of the login password.
 * @tag wb-password-change
 *
 * @fires wb-credentials-changed - The password was changed; `change` is `password`, `loginId` the session's login ID.
 * @fires wb-top-requested - "To the top screen" on the completion screen. Cancelable: unless cancelled, `<wb-top>` is shown in place (define it too, e.g. with the autoloader).
 *
 * @csspart form - The `<form>`, and the completion screen.
 * @csspart field - Each field wrapper (also `currentPassword-field`, `newPassword-field`, `newPasswordConfirm-field`).
 * @csspart label - Each label.
 * @csspart input - Each input.
 * @csspart error - Each field's error.
 * @csspart checklist - The checklist of the new password (also `password-checklist`).
 * @csspart check - Each rule of the checklist.
 * @csspart symbols - The allowed symbols.
 * @csspart alert - A form-level problem.
 * @csspart retry-button - "Try again" after a fault.
 * @csspart submit-button - The update button.
 * @csspart completion - The completion message.
 * @csspart top-button - "To the top screen" on the completion screen.
 *
 * @cssprop --wb-color-primary - Buttons and links.
 * @cssprop --wb-color-danger - Errors.
 * @cssprop --wb-color-success - Met rules.
 * @cssprop --wb-color-info-surface - Background of the checklist.
 * @cssprop --wb-form-max-width - Width of the form.
 */
export class WbPasswordChange extends WbLocalizedElement {
  /** The session of the nearest `<wb-provider>` (its login ID and stage). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session?: SessionInfo;

  @state() private currentPassword = '';
  @state() private view: View = 'form';
  /** The stage when the form was shown: the wording stays put once the change ends it. */
  @state() private reissued = false;

  private readonly i18n = new LocalizeController(this, passwordChangeMessages);
  private readonly form = new FormController(this, passwordChangeStyles, () => this.view, '[data-screen-start]');
  private readonly credential = new CredentialController(this, this.form, {
    fields: FIELDS,
    /** Problems found before sending, by field, in form order. */
    problems: (): Record<Field, string | undefined> => {
      const m = this.i18n.m;
      const { policy, checklist, newPassword, newPasswordConfirm } = this.credential;
      const errors = credentialErrors('password', newPassword, newPasswordConfirm, policy.policy, checklist.m, this.loginId);
      return {
        currentPassword: this.currentPassword ? undefined : this.reissued ? m.requiredReissued : m.requiredVoluntary,
        newPassword: errors.value,
        newPasswordConfirm: errors.confirmation,
      };
    },
    send: async (client, signal) => {
      const { newPassword, newPasswordConfirm } = this.credential;
      await client.credentials.changePassword({ currentPassword: this.currentPassword, newPassword, newPasswordConfirm }, { signal });
      this.currentPassword = '';
      this.credential.clearNewPassword();
      this.view = 'done';
      this.dispatchEvent(new WbCredentialsChangedEvent('password', this.loginId));
    },
    wrongPassword: () => {
      this.currentPassword = '';
      const m = this.i18n.m;
      return { currentPassword: this.reissued ? m.wrongReissued : m.wrongVoluntary };
    },
    refusal: (error) => (isWebBillingError(error, 'credential_change_required') ? this.i18n.m.setupFirst : undefined),
  });

  /** Light DOM: password managers and autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The session's login ID (the new password must differ from it). */
  private get loginId(): string | undefined {
    return this.form.client?.auth.current?.loginId ?? this.session?.loginId;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.view === 'form') {
      const stage = this.form.client?.auth.current?.stage ?? this.session?.stage;
      this.reissued = stage === 'password-change-required';
    }
  }

  private renderForm() {
    const m = this.i18n.m;
    return this.credential.renderForm(
      { title: m.title, intro: this.reissued ? m.introReissued : m.introVoluntary, submit: m.submit },
      html`<input type="text" name="username" autocomplete="username" .value=${this.loginId ?? ''} hidden readonly />
        ${renderPasswordField(this.form, {
          name: 'currentPassword',
          label: this.reissued ? m.currentReissued : m.currentVoluntary,
          value: this.currentPassword,
          autocomplete: 'current-password',
          onInput: (v) => (this.currentPassword = v),
        })}
        ${this.credential.renderNewPassword(this.loginId)}`,
    );
  }

  protected override render() {
    const m = this.i18n.m;
    switch (this.view) {
      case 'done':
        return html`<section class="wb-form" part="form" aria-labelledby="${this.form.idPrefix}-done">
          <h2 id="${this.form.idPrefix}-done" tabindex="-1" data-screen-start>${m.doneTitle}</h2>
          <p class="wb-success" part="completion">${m.done}</p>
          <div class="wb-actions">${renderTopButton(this.form, () => (this.view = 'top'))}</div>
        </section>`;
      case 'top':
        return html`<wb-top></wb-top>`;
      default:
        return this.renderForm();
    }
  }
}
