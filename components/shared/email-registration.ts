/**
 * What `<wb-notice-email>` and `<wb-reissue-email>` share: an email address
 * is registered, changed or deleted in the same steps (form, review, "check
 * your email"), then confirmed from a mailed link that is valid 24 hours.
 * This base runs those steps against the element's SDK resource and renders
 * the screens both word alike; each element adds its own fields and checks,
 * the screens of its registration state and its events.
 *
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MAIL_SENDER } from '../../src/contract/rules.js';
import { isValidationError, isWebBillingError, type ValidationError } from '../../src/errors.js';
import type { WebBillingClient } from '../../src/index.js';
import { WbEmailFormElement, type LoadProblems } from './email-form.js';
import type { EmailRegistrationMessages } from './email-registration-messages.js';
import type { LocalizeController } from './localize.js';

/** The screens every email registration has; each element adds the screens of its registration state. */
export type RegistrationView = 'form' | 'review' | 'sent' | 'delete' | 'confirm' | 'completed' | 'expired';

/** What the shared screens read of a registration's state. */
export interface RegistrationStatus {
  state: 'none' | 'pending' | 'registered';
  /** The confirmed address, masked. */
  email?: string | undefined;
  /** The address waiting for confirmation, masked. */
  pendingEmail?: string | undefined;
  pendingExpiresAt?: string | undefined;
  /** Where the service's mails come from, when the status says. */
  sender?: string | undefined;
}

/** The SDK resource of a registration (`client.noticeEmail`, `client.reissueEmail`). */
export interface RegistrationResource<Request, Status> {
  register(request: Request): Promise<Status>;
  change(request: Request): Promise<Status>;
  delete(): Promise<void>;
}

export abstract class WbEmailRegistrationElement<
  Status extends RegistrationStatus,
  Request extends { email: string },
  StatusView extends string,
> extends WbEmailFormElement {
  // The element declares the reactive fields below with its own decorators: its documented `token`
  // attribute stays in its file, and this module needs no copy of TypeScript's decorator helper.

  /** The token of the mailed confirmation link. */
  abstract token: string;
  /** The screen showing. */
  protected abstract view: RegistrationView | StatusView;
  /** The screen of a registered status, where the delete screen's "Keep it" goes back to. */
  protected abstract readonly registeredView: StatusView;
  /** The element's messages, with the shared registration messages spread in. */
  protected abstract readonly i18n: LocalizeController<EmailRegistrationMessages>;

  /** The registration's state, as last loaded or answered. */
  protected abstract status?: Status;
  /** Where the last confirmation mail went (as typed; the status only has it masked). */
  protected abstract sentTo: string;

  /** The registration's SDK resource. */
  protected abstract resource(client: WebBillingClient): RegistrationResource<Request, Status>;
  /** Shows a loaded status on the screen of its state. */
  protected abstract showStatus(status: Status): void;
  /** The status when nothing is registered. */
  protected abstract noStatus(): Status;
  /** Why the first load failed, in the element's words. */
  protected abstract loadProblems(): LoadProblems;
  /** The restart event to dispatch, after an expired link. */
  protected abstract restartEvent(): Event;
  /** Forgets what the confirm step asked for (the restart is not cancelled). */
  protected abstract forgetConfirmation(): void;
  /** After a delete: forgets what the status said and announces it. */
  protected abstract deleted(): void;
  /** A field problem of the element's own (a wrong number or answer), after the shared ones are placed. */
  protected refused(_error: ValidationError): void {}

  /** The screen of a loaded status (the views the element adds). */
  protected abstract renderStatus(): TemplateResult;
  /** The register or change form (see {@link renderFormScreen}). */
  protected abstract renderForm(): TemplateResult;
  /** The review step (see {@link renderReviewScreen}). */
  protected abstract renderReview(): TemplateResult;
  /** The confirm step of the mailed link (see {@link renderConfirmScreen}). */
  protected abstract renderConfirm(): TemplateResult;
  /** What the "check your email" screen adds to the shared lines. */
  protected sentNotes(): unknown {
    return nothing;
  }
  /** What the completed screen adds to the shared line. */
  protected completedNotes(): unknown {
    return nothing;
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

  /** Registering while one is registered is a change. */
  protected get changing(): boolean {
    return this.status?.state === 'registered';
  }

  /** Where the service's mails come from: as the status says, else the service's known sender. */
  protected get sender(): string {
    return this.status?.sender || MAIL_SENDER;
  }

  /** When a mailed link expires, as the locale writes it. */
  protected until(iso: string | undefined): string {
    return iso ? this.i18n.date(iso, { dateStyle: 'long', timeStyle: 'short' }) : '';
  }

  // ---------------------------------------------------------------- register / change

  /** Opens the register or change form. */
  protected edit(): void {
    this.notice = '';
    this.view = 'form';
  }

  /** Shows the problems found on the form, or else the review step. */
  protected review(errors: Record<string, string>): void {
    if (Object.keys(errors).length) {
      this.showFieldErrors(errors);
      return;
    }
    this.showFieldErrors({});
    this.notice = '';
    this.view = 'review';
  }

  /** Sends the reviewed request (a change when one is registered); `done` forgets what was typed and announces it. */
  protected async send(request: Request, fieldNames: readonly string[], done: () => void): Promise<void> {
    await this.run(async () => {
      const resource = this.resource(this.client!);
      const status = this.changing ? await resource.change(request) : await resource.register(request);
      this.status = status;
      this.sentTo = request.email;
      this.view = 'sent';
      done();
    }, fieldNames);
  }

  async #delete(): Promise<void> {
    await this.run(async () => {
      await this.resource(this.client!).delete();
      this.showStatus(this.noStatus());
      this.notice = this.i18n.m.deleted;
      this.deleted();
    });
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  /**
   * Opens the confirm step of the mailed link, once `check` (the resource's
   * `checkLink`, which uses nothing up) says the link can still be used; a
   * link that cannot shows its screen at once, before anything is typed. A
   * check that fails otherwise (the network) opens the step anyway: the
   * confirmation says it then.
   */
  protected async openConfirm(check: Promise<unknown>, signal: AbortSignal): Promise<void> {
    try {
      await check;
      this.view = 'confirm';
    } catch (error) {
      if (signal.aborted) return;
      this.view = isWebBillingError(error, 'link_expired') ? 'expired' : 'confirm';
    }
  }

  /** Completes the registration from the mailed link, once the confirm step has no `errors`; `done` forgets and announces. */
  protected async confirm(errors: Record<string, string>, confirm: () => Promise<Status>, fieldNames: readonly string[], done: () => void): Promise<void> {
    if (Object.keys(errors).length) {
      this.showFieldErrors(errors);
      return;
    }
    await this.run(async () => {
      this.status = await confirm();
      this.view = 'completed';
      done();
    }, fieldNames);
  }

  #restart(): void {
    if (this.dispatchEvent(this.restartEvent())) this.#backToStart();
  }

  /** Leaves the mailed link's steps for the element's start: the registration state, loaded again (or the login it needs). */
  #backToStart(): void {
    this.forgetConfirmation();
    this.fieldErrors = {};
    this.alert = undefined;
    // Without the token the element loads the registration state, then shows it.
    this.focusWhenLoaded = true;
    this.token = '';
  }

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
    this.refused(error);
    // A field the server refused is corrected on the form, not on the confirm step.
    if (this.view === 'review' && Object.keys(this.fieldErrors).length) this.view = 'form';
  }

  // ---------------------------------------------------------------- rendering

  /** The register or change form: the intro, the element's `fields`, and Cancel back to `back` when there is a status to go back to. */
  protected renderFormScreen(fields: unknown, submitLabel: string, onSubmit: () => void, back: StatusView | undefined): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      this.changing ? m.changeTitle : m.registerTitle,
      html`<p class="wb-hint">${m.intro}</p>
        ${fields}`,
      {
        onSubmit: (e) => {
          e.preventDefault();
          onSubmit();
        },
        actions: html`${this.renderSubmitButton(submitLabel)}
        ${back
          ? this.renderSecondaryButton('back-button', m.cancel, () => {
              this.showFieldErrors({});
              this.view = back;
            })
          : nothing}`,
      },
    );
  }

  /** The review step: what was entered (`rows` of a `<dl>`), and Back to the form. */
  protected renderReviewScreen(rows: unknown, submitLabel: string, onSubmit: () => Promise<void>): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.reviewTitle,
      html`<p>${m.reviewIntro}</p>
        <dl class="wb-review" part="review">${rows}</dl>`,
      {
        onSubmit: (e) => {
          e.preventDefault();
          return onSubmit();
        },
        actions: html`${this.renderSubmitButton(submitLabel)}
        ${this.renderSecondaryButton('back-button', m.back, () => {
          this.alert = undefined;
          this.view = 'form';
        })}`,
      },
    );
  }

  /** The registered address, the element's `details`, and Change / Delete. */
  protected renderRegisteredScreen(title: string, email: string | undefined, details: unknown): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      title,
      html`<p class="wb-hint">${m.intro}</p>
        <p part="registered-email">${m.registered(email ?? '')}</p>
        ${details}`,
      {
        actions: html`<button type="button" class="wb-button" part="change-button" @click=${() => this.edit()}>${m.change}</button>
          ${this.renderSecondaryButton('delete-button', m.delete, () => {
            this.notice = '';
            this.view = 'delete';
          })}`,
      },
    );
  }

  /** A registration waiting for its link, and "Send again". */
  protected renderPendingScreen(status: Status, notes: unknown): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.pendingTitle,
      html`<p>${m.pending(status.pendingEmail ?? '', this.until(status.pendingExpiresAt))}</p>
        <p>${m.sender(this.sender)}</p>
        ${notes}`,
      { actions: html`<button type="button" class="wb-button" part="send-again-button" @click=${() => this.edit()}>${m.sendAgain}</button>` },
    );
  }

  /** The confirm step, opened from the mailed link. */
  protected renderConfirmScreen(fields: unknown, submitLabel: string, onSubmit: () => Promise<void>): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.confirmTitle,
      html`<p class="wb-hint">${m.confirmIntro}</p>
        ${fields}`,
      {
        onSubmit: (e) => {
          e.preventDefault();
          return onSubmit();
        },
        actions: this.renderSubmitButton(submitLabel),
      },
    );
  }

  #renderSent(): TemplateResult {
    const m = this.i18n.m;
    return this.renderScreen(
      m.sentTitle,
      html`<p class="wb-notice" role="status">${m.sent(this.sentTo)}</p>
        <p>${m.sender(this.sender)}</p>
        <p>${m.within24h(this.until(this.status?.pendingExpiresAt))}</p>
        ${this.sentNotes()}`,
      { actions: this.renderSecondaryButton('ok-button', m.ok, () => this.showStatus(this.status ?? this.noStatus())) },
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
          this.view = this.registeredView;
        })}`,
      },
    );
  }

  protected override render() {
    const m = this.i18n.m;
    const loading = this.renderLoadState(this.token ? m.confirmTitle : m.title, this.loadProblems());
    if (loading) return loading;
    switch (this.view) {
      case 'form':
        return this.renderForm();
      case 'review':
        return this.renderReview();
      case 'sent':
        return this.#renderSent();
      case 'delete':
        return this.#renderDelete();
      case 'confirm':
        return this.renderConfirm();
      case 'completed':
        return this.renderScreen(
          m.completedTitle,
          html`<p class="wb-success" role="status">${m.completed}</p>
            ${this.completedNotes()}`,
          { actions: this.renderTopButton(() => this.#backToStart()) },
        );
      case 'expired':
        return this.renderScreen(m.expiredTitle, html`<p class="wb-alert" role="alert">${m.expired}</p>`, {
          actions: html`<button type="button" class="wb-button" part="restart-button" @click=${() => this.#restart()}>${m.restart}</button>`,
        });
      default:
        return this.renderStatus();
    }
  }
}
