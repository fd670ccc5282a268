/**
 * The email registration of `<wb-notice-email>` and `<wb-reissue-email>` as
 * a small state machine the element holds: an address is registered,
 * changed or deleted in the same steps, then confirmed from a mailed link
 * that is valid 24 hours.
 *
 * ```text
 * load ─▶ status ─▶ form ─▶ review ─▶ sent ─▶ status     (register / change)
 *          status ─▶ delete ─▶ status                      (delete / keep it)
 * token ─▶ confirm ─▶ completed ─▶ start                   (the mailed link)
 *          (an expired link anywhere) ─▶ expired ─▶ start  (restart)
 * ```
 *
 * `status` is the element's own screen of a loaded registration (`settings`,
 * or `registered` / `pending`); `start` forgets the token and loads the
 * status again. The flow runs the steps against the element's SDK resource
 * through its {@link FormController}, and renders the screens both elements
 * word alike; the element gives its fields, checks, status screens and
 * events.
 *
 * @module
 */
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { isValidationError, isWebBillingError, MAIL_SENDER, type ValidationError, type WebBillingClient } from '../../src/core.js';
import type { EmailRegistrationMessages } from './email-registration-messages.js';
import type { FormController } from './form-controller.js';
import { renderScreen, renderSecondaryButton, renderTopButton } from './form-render.js';
import { FormLoadController, type LoadProblems } from './form-load.js';
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
  register(request: Request, options?: { signal?: AbortSignal }): Promise<Status>;
  change(request: Request, options?: { signal?: AbortSignal }): Promise<Status>;
  delete(options?: { signal?: AbortSignal }): Promise<void>;
}

/** What the element gives the flow. */
export interface RegistrationFlowOptions<Status extends RegistrationStatus, Request, StatusView extends string> {
  /** The element's messages, with the shared registration messages spread in. */
  i18n: LocalizeController<EmailRegistrationMessages>;
  /** The token of the mailed link (the element's `token` property), and how to forget it. */
  token(): string;
  clearToken(): void;
  /** Loads what the element shows first: the link's check (see {@link RegistrationFlow.openConfirm}) or the status (see {@link RegistrationFlow.showStatus}). */
  load(client: WebBillingClient, signal: AbortSignal): Promise<void>;
  /** Why the first load failed, in the element's words. */
  loadProblems(): LoadProblems;
  /** The registration's SDK resource. */
  resource(client: WebBillingClient): RegistrationResource<Request, Status>;
  /** The screen of a loaded status; the element may take values from it (a prefill). */
  screenOf(status: Status): StatusView | 'form';
  /** The screen of a registered status, where the delete screen's "Keep it" goes back to. */
  registeredView: StatusView;
  /** The status when nothing is registered. */
  noStatus(): Status;
  /** The restart event to dispatch, after an expired link. */
  restartEvent(): Event;
  /** Forgets what the confirm step asked for (the restart is not cancelled). */
  forgetConfirmation(): void;
  /** Forgets what a link that expired meanwhile made useless (an answer). */
  linkExpired?(): void;
  /** After a delete: forgets what the status said and announces it. */
  deleted(): void;
  /** A field problem of the element's own (a wrong number or answer), after the shared ones are placed. */
  refused?(error: ValidationError): void;
  /** Whether opening the form clears the alert. */
  editClearsAlert?: boolean;
}

export class RegistrationFlow<Status extends RegistrationStatus, Request extends { email: string }, StatusView extends string>
  implements ReactiveController
{
  /** The screen showing. */
  view: RegistrationView | StatusView;
  /** The registration's state, as last loaded or answered. */
  status?: Status | undefined;
  /** Where the last confirmation mail went (as typed; the status only has it masked). */
  sentTo = '';
  /** The first load: the status, or the link's check. */
  readonly load: FormLoadController;

  readonly #host: ReactiveElement & HTMLElement;
  readonly #form: FormController;
  readonly #o: RegistrationFlowOptions<Status, Request, StatusView>;
  #token = '';

  constructor(host: ReactiveElement & HTMLElement, form: FormController, first: StatusView | 'form', options: RegistrationFlowOptions<Status, Request, StatusView>) {
    this.#host = host;
    this.#form = form;
    this.#o = options;
    this.view = first;
    host.addController(this);
    this.load = new FormLoadController(host, form, { load: options.load, args: () => [options.token()], screen: () => this.view });
  }

  hostUpdate(): void {
    const token = this.#o.token();
    if (token !== this.#token && token) this.#removeTokenFromAddress(token);
    this.#token = token;
  }

  /** Keeps the token out of the address bar (and so out of any `Referer`), once the element has it. */
  #removeTokenFromAddress(token: string): void {
    const url = new URL(location.href);
    if (url.searchParams.get('token') !== token) return;
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url);
  }

  #go(view: RegistrationView | StatusView): void {
    this.view = view;
    this.#host.requestUpdate();
  }

  /** Registering while one is registered is a change. */
  get changing(): boolean {
    return this.status?.state === 'registered';
  }

  /** Where the service's mails come from: as the status says, else the service's known sender. */
  get sender(): string {
    return this.status?.sender || MAIL_SENDER;
  }

  /** When a mailed link expires, as the locale writes it. */
  until(iso: string | undefined): string {
    return iso ? this.#o.i18n.date(iso, { dateStyle: 'long', timeStyle: 'short' }) : '';
  }

  /** Shows a status on the screen of its state. */
  showStatus(status: Status): void {
    this.status = status;
    this.#go(this.#o.screenOf(status));
  }

  // ---------------------------------------------------------------- register / change / delete

  /** status → form. */
  edit(): void {
    if (this.#o.editClearsAlert) this.#form.alert = undefined;
    this.#form.set({ notice: '' });
    this.#go('form');
  }

  /** form → review, unless the form has problems (`errors`), which it then shows. */
  review(errors: Record<string, string>): void {
    if (Object.keys(errors).length) {
      this.#form.showFieldErrors(errors);
      return;
    }
    this.#form.showFieldErrors({});
    this.#form.set({ notice: '' });
    this.#go('review');
  }

  /** review → sent: sends the request (a change when one is registered); `done` forgets what was typed and announces it. */
  async send(request: Request, fields: readonly string[], done: () => void): Promise<void> {
    await this.#form.run(
      async (client, signal) => {
        const resource = this.#o.resource(client);
        const status = this.changing ? await resource.change(request, { signal }) : await resource.register(request, { signal });
        this.status = status;
        this.sentTo = request.email;
        this.#go('sent');
        done();
      },
      { fields, handle: (error) => this.#handle(error, fields) },
    );
  }

  /** delete → status (none). */
  async #delete(): Promise<void> {
    await this.#form.run(
      async (client, signal) => {
        await this.#o.resource(client).delete({ signal });
        this.showStatus(this.#o.noStatus());
        this.#form.set({ notice: this.#o.i18n.m.deleted });
        this.#o.deleted();
      },
      { handle: (error) => this.#handle(error, []) },
    );
  }

  // ---------------------------------------------------------------- confirm from the mailed link

  /**
   * token → confirm, once `check` (the resource's `checkLink`, which uses
   * nothing up) says the link can still be used; a link that cannot shows its
   * screen at once (→ expired), before anything is typed. A check that fails
   * otherwise (the network) opens the step anyway: the confirmation says it then.
   */
  async openConfirm(check: Promise<unknown>, signal: AbortSignal): Promise<void> {
    try {
      await check;
      this.#go('confirm');
    } catch (error) {
      if (signal.aborted) return;
      this.#go(isWebBillingError(error, 'link_expired') ? 'expired' : 'confirm');
    }
  }

  /** confirm → completed, once the confirm step has no `errors`; `done` forgets and announces. */
  async confirm(errors: Record<string, string>, confirm: (client: WebBillingClient, signal: AbortSignal) => Promise<Status>, fields: readonly string[], done: () => void): Promise<void> {
    if (Object.keys(errors).length) {
      this.#form.showFieldErrors(errors);
      return;
    }
    await this.#form.run(
      async (client, signal) => {
        this.status = await confirm(client, signal);
        this.#go('completed');
        done();
      },
      { fields, handle: (error) => this.#handle(error, fields) },
    );
  }

  /** expired → start, unless the page cancels the restart event. */
  #restart(): void {
    if (this.#host.dispatchEvent(this.#o.restartEvent())) this.#backToStart();
  }

  /** Leaves the mailed link's steps for the element's start: the registration state, loaded again (or the login it needs). */
  #backToStart(): void {
    this.#o.forgetConfirmation();
    this.#form.set({ fieldErrors: {}, alert: undefined });
    // Without the token the element loads the registration state, then shows it.
    this.load.focusWhenLoaded = true;
    this.#o.clearToken();
  }

  /** The errors of the flow's own: an expired link, a registration changed meanwhile, the element's field refusals. */
  #handle(error: unknown, fields: readonly string[]): boolean {
    if (isWebBillingError(error, 'link_expired')) {
      this.#o.linkExpired?.();
      this.#go('expired');
      return true;
    }
    if (isWebBillingError(error, 'conflict') || isWebBillingError(error, 'not_found')) {
      // Someone changed the registration meanwhile (another tab): show it as it is now.
      const m = this.#o.i18n.m;
      this.#form.set({ notice: error.code === 'conflict' ? m.conflict : m.notFound });
      this.load.run();
      return true;
    }
    if (!isValidationError(error)) return false;
    this.#form.place(error, fields);
    this.#o.refused?.(error);
    // A field the server refused is corrected on the form, not on the review step.
    if (this.view === 'review' && Object.keys(this.#form.fieldErrors).length) this.#go('form');
    return true;
  }

  // ---------------------------------------------------------------- rendering

  /** The register or change form: the intro, the element's `fields`, and Cancel back to `back` when there is a status to go back to. */
  renderFormScreen(fields: unknown, submitLabel: string, onSubmit: () => void, back: StatusView | undefined): TemplateResult {
    const m = this.#o.i18n.m;
    const cancel = () => {
      this.#form.showFieldErrors({});
      this.#go(back!);
    };
    return this.#submitScreen(this.changing ? m.changeTitle : m.registerTitle, html`<p class="wb-hint">${m.intro}</p> ${fields}`, submitLabel, onSubmit, back && { label: m.cancel, go: cancel });
  }

  /** The review step: what was entered (`rows` of a `<dl>`), and Back to the form. */
  renderReviewScreen(rows: unknown, submitLabel: string, onSubmit: () => Promise<void>): TemplateResult {
    const m = this.#o.i18n.m;
    const body = html`<p>${m.reviewIntro}</p> <dl class="wb-review" part="review">${rows}</dl>`;
    return this.#submitScreen(m.reviewTitle, body, submitLabel, onSubmit, { label: m.back, go: () => this.#back('form') });
  }

  /** The registered address, the element's `details`, and Change / Delete. */
  renderRegisteredScreen(title: string, email: string | undefined, details: unknown): TemplateResult {
    const m = this.#o.i18n.m;
    const toDelete = () => {
      this.#form.set({ notice: '' });
      this.#go('delete');
    };
    return renderScreen(this.#form, title, html`<p class="wb-hint">${m.intro}</p> <p part="registered-email">${m.registered(email ?? '')}</p> ${details}`, {
      actions: html`<button type="button" class="wb-button" part="change-button" @click=${() => this.edit()}>${m.change}</button>
        ${renderSecondaryButton('delete-button', m.delete, toDelete)}`,
    });
  }

  /** A registration waiting for its link, and "Send again". */
  renderPendingScreen(status: Status, notes: unknown): TemplateResult {
    const m = this.#o.i18n.m;
    return renderScreen(this.#form, m.pendingTitle, html`<p>${m.pending(status.pendingEmail ?? '', this.until(status.pendingExpiresAt))}</p> <p>${m.sender(this.sender)}</p> ${notes}`, {
      actions: html`<button type="button" class="wb-button" part="send-again-button" @click=${() => this.edit()}>${m.sendAgain}</button>`,
    });
  }

  /** The confirm step, opened from the mailed link. */
  renderConfirmScreen(fields: unknown, submitLabel: string, onSubmit: () => Promise<void>): TemplateResult {
    const m = this.#o.i18n.m;
    return this.#submitScreen(m.confirmTitle, html`<p class="wb-hint">${m.confirmIntro}</p> ${fields}`, submitLabel, onSubmit);
  }

  /** Back to another screen from a step that has nothing typed (review, delete): the alert goes. */
  #back(view: RegistrationView | StatusView): void {
    this.#form.alert = undefined;
    this.#go(view);
  }

  /** A screen that submits with its main button, and may go back (`back`) to another screen. */
  #submitScreen(title: string, body: unknown, submitLabel: string, onSubmit: () => unknown, back?: { label: string; go: () => void }): TemplateResult {
    return renderScreen(this.#form, title, body, {
      onSubmit: (e) => {
        e.preventDefault();
        return onSubmit();
      },
      actions: html`${this.#form.renderSubmitButton(submitLabel)} ${back ? renderSecondaryButton('back-button', back.label, back.go) : nothing}`,
    });
  }

  /**
   * The screen of the current step: the load's state until loaded, else the
   * element's screens (`screens`) or the shared ones; `notes` add the
   * element's lines to the "check your email" and completed screens.
   */
  render(screens: { form(): TemplateResult; review(): TemplateResult; confirm(): TemplateResult; status(): TemplateResult }, notes: { sent?: unknown; completed?: unknown } = {}): TemplateResult {
    const m = this.#o.i18n.m;
    const form = this.#form;
    const loading = this.load.renderState(this.#o.token() ? m.confirmTitle : m.title, this.#o.loadProblems());
    if (loading) return loading;
    switch (this.view) {
      case 'form':
        return screens.form();
      case 'review':
        return screens.review();
      case 'confirm':
        return screens.confirm();
      case 'sent':
        return renderScreen(form,
          m.sentTitle,
          html`<p class="wb-notice" role="status">${m.sent(this.sentTo)}</p>
            <p>${m.sender(this.sender)}</p>
            <p>${m.within24h(this.until(this.status?.pendingExpiresAt))}</p>
            ${notes.sent ?? nothing}`,
          { actions: renderSecondaryButton('ok-button', m.ok, () => this.showStatus(this.status ?? this.#o.noStatus())) },
        );
      case 'delete':
        return this.#submitScreen(m.deleteTitle, html`<p>${m.registered(this.status?.email ?? '')}</p> <p class="wb-notice">${m.deleteWarning}</p>`, m.delete, () => this.#delete(), {
          label: m.keep,
          go: () => this.#back(this.#o.registeredView),
        });
      case 'completed':
        return renderScreen(form,
          m.completedTitle,
          html`<p class="wb-success" role="status">${m.completed}</p>
            ${notes.completed ?? nothing}`,
          { actions: renderTopButton(form, () => this.#backToStart()) },
        );
      case 'expired':
        return renderScreen(form, m.expiredTitle, html`<p class="wb-alert" role="alert">${m.expired}</p>`, {
          actions: html`<button type="button" class="wb-button" part="restart-button" @click=${() => this.#restart()}>${m.restart}</button>`,
        });
      default:
        return screens.status();
    }
  }
}
