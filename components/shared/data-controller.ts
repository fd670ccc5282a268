/**
 * What every element that shows data (billing list, breakdown, summary,
 * line picker, top screen) does the same way, as one reactive controller
 * the element holds: the client and the session from the nearest
 * `<wb-provider>` (context, followed as they change), its `@lit/task` loads
 * (aborted when the element leaves the page, run again when it comes back,
 * reloaded after a login), and one way to render a load's states: loading,
 * empty, error with a retry that keeps the element's place (same arguments,
 * same scroll and open sections), the session notice, and the value.
 *
 * The element extends the thin {@link WbLocalizedElement} and applies
 * `tokens` and `dataStyles` (shared/styles.ts) before its own styles. Load
 * data with the controller's {@link DataController.task}, and pass its
 * `signal` into every SDK call:
 *
 * ```ts
 * private readonly loader = new DataController(this);
 * private readonly history = this.loader.task({
 *   task: ([client], { signal }) => (client ? client.billing.history({ signal }) : initialState),
 *   args: () => [this.loader.client] as const,
 * });
 * render() { return this.loader.render(this.history, (h) => html`...`); }
 * ```
 *
 * @module
 */
import { ContextConsumer } from '@lit/context';
import { Task, type TaskConfig } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isWebBillingError, type SessionEndReason, type SessionInfo, type WebBillingClient } from '../../src/core.js';
import { clientContext, sessionContext, sessionEndContext } from './context.js';
import { WbLoginRequestedEvent } from './events.js';
import { faultOf, loadFaults, type Fault } from './faults.js';
import { LocalizeController, type MessagesOf } from './localize.js';
import { common } from './messages.js';

/** The element that holds a {@link DataController}. */
export type DataHost = ReactiveControllerHost & HTMLElement;

/** `TaskStatus.PENDING` and `ERROR` of `@lit/task`. */
const TASK_PENDING = 1;
const TASK_ERROR = 3;
const needsSession = (error: unknown) => isWebBillingError(error, 'session_expired');

/**
 * Which element of a client's page says that the session is needed: one
 * says it (with the login), the others wait quietly, so a screen of several
 * elements shows one notice, not one each.
 */
const sessionNotices = new WeakMap<WebBillingClient, DataController>();

/** How an element words the errors of its own loads (before the common words). */
export interface DataControllerOptions {
  /** The element's own message for `error`, or `undefined` for the common one ({@link DataController.fault}). */
  errorText?: (error: unknown) => string | undefined;
}

/** What {@link DataController.render} shows for an empty value. */
export interface RenderOptions<T> {
  /** Whether the value is empty (then `emptyText` shows instead of `complete`). */
  isEmpty?: (value: T) => boolean;
  /** The empty state's text (default: the common "Nothing to show"). */
  emptyText?: string;
}

export class DataController implements ReactiveController {
  readonly #host: DataHost;
  readonly #options: DataControllerOptions;
  readonly #client: ContextConsumer<typeof clientContext, DataHost>;
  readonly #session: ContextConsumer<typeof sessionContext, DataHost>;
  readonly #sessionEnd: ContextConsumer<typeof sessionEndContext, DataHost>;
  /** The kit's common messages (loading, retry, the session notice). */
  readonly common: LocalizeController<MessagesOf<typeof common>>;

  /** Every task made with {@link task}. */
  readonly #tasks = new Set<Task<readonly unknown[], unknown>>();
  /** Tasks whose request a disconnect aborted: run again when the element is connected again. */
  readonly #interrupted = new Set<Task<readonly unknown[], unknown>>();
  /** The session as of the host's last update. */
  #updatedSession?: SessionInfo;
  /** Whether the host's current render shows the session notice. */
  #showsNotice = false;
  /** Whether the session this element showed data for has ended (and no new one has started). */
  #ended = false;

  constructor(host: DataHost, options: DataControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
    // The consumers come first, so that a reconnected host has its client again before its loads run again.
    this.#client = new ContextConsumer(host, { context: clientContext, subscribe: true });
    this.#session = new ContextConsumer(host, { context: sessionContext, subscribe: true });
    this.#sessionEnd = new ContextConsumer(host, { context: sessionEndContext, subscribe: true });
    this.common = new LocalizeController(host, common);
    host.addController(this);
  }

  /** The SDK client of the nearest `<wb-provider>`. */
  get client(): WebBillingClient | undefined {
    return this.#client.value;
  }

  /** The session as the provider knows it: a login reloads what needed one. */
  get session(): SessionInfo | undefined {
    return this.#session.value;
  }

  /** Why the page's last session ended (words for the notice). */
  get sessionEnd(): SessionEndReason | undefined {
    return this.#sessionEnd.value;
  }

  /** Whether the session is another than at the host's last update (read it in `willUpdate`). */
  get sessionChanged(): boolean {
    return this.session !== this.#updatedSession;
  }

  /** A `@lit/task` of the host, which this controller aborts, runs again and reloads as said above. */
  task<const T extends ReadonlyArray<unknown>, const R>(config: TaskConfig<T, R>): Task<T, R> {
    const task = new Task<T, R>(this.#host, config);
    this.#tasks.add(task as unknown as Task<readonly unknown[], unknown>);
    return task;
  }

  /** Runs again every load a disconnect aborted. */
  hostConnected(): void {
    for (const task of this.#interrupted) void task.run();
    this.#interrupted.clear();
  }

  /** Aborts every pending load: a request must not outlive its element (a router removing it, the page moving on). */
  hostDisconnected(): void {
    for (const task of this.#tasks) {
      if (task.status !== TASK_PENDING) continue;
      this.#interrupted.add(task);
      task.abort(new DOMException(`${this.#host.localName} was removed from the page.`, 'AbortError'));
    }
  }

  /**
   * Each render decides afresh whether this element shows the session
   * notice. When the session ends (a logout, an expiry, another tab), what
   * was shown goes with it: the element shows the session notice instead.
   */
  hostUpdate(): void {
    this.#showsNotice = false;
    if (this.#updatedSession && !this.session) this.#ended = true;
  }

  /**
   * After the next login (in place, or in another element) the element loads
   * again what failed for want of a session, and what it showed before the end.
   */
  hostUpdated(): void {
    const before = this.#updatedSession;
    this.#updatedSession = this.session;
    if (!this.session || before) return;
    const ended = this.#ended;
    this.#ended = false;
    for (const task of this.#tasks) {
      if ((task.status === TASK_ERROR && needsSession(task.error)) || (ended && task.status !== TASK_PENDING)) void task.run();
    }
  }

  /**
   * What a load that needs a session shows: for the first such element of
   * the page, why (an expiry, another tab, or no login yet) and the login
   * in place when `<wb-login>` is on the page (else a "Log in" button that
   * fires `wb-login-requested`); nothing for the others.
   */
  renderSessionNeeded(notLoggedIn = this.common.m.logInToSee): TemplateResult | typeof nothing {
    const client = this.client!;
    const holder = sessionNotices.get(client);
    if (this.#showsNotice || (holder && holder !== this && holder.#host.isConnected && holder.#showsNotice)) return nothing;
    sessionNotices.set(client, this);
    this.#showsNotice = true;
    const m = this.common.m;
    const ended = this.sessionEnd && this.sessionEnd !== 'logout';
    const inPlace = customElements.get('wb-login') !== undefined;
    return html`<div class="state error" part="error session-needed" role="alert">
      <p>${ended ? m.sessionEndedRead : notLoggedIn}</p>
      ${inPlace
        ? html`<wb-login part="login"></wb-login>`
        : html`<button type="button" part="login-button" @click=${() => this.#host.dispatchEvent(new WbLoginRequestedEvent())}>${m.logIn}</button>`}
    </div>`;
  }

  /** How a failed load shows: the element's own words (its `errorText` option), else the kit's ({@link faultOf} in a load's context). */
  fault(error: unknown): Fault {
    const m = this.common.m;
    const fault = faultOf(error, m, loadFaults(m, this.sessionEnd));
    const own = this.#options.errorText?.(error);
    return own === undefined ? fault : { ...fault, message: own };
  }

  #renderFault({ message, retryable }: Fault, retry: () => unknown): TemplateResult {
    return html`<div class="state error" part="error" role="alert">
      <p>${message}</p>
      ${retryable ? html`<button type="button" part="retry-button" @click=${retry}>${this.common.m.retry}</button>` : nothing}
    </div>`;
  }

  /**
   * Renders a task: the provider notice without a client, `Loading…` while
   * pending (announced politely), a plain error with "Try again" (same
   * arguments), the empty text when `isEmpty` says so, else `complete`.
   */
  render<T>(task: Task<readonly unknown[], T>, complete: (value: T) => TemplateResult, options: RenderOptions<T> = {}): TemplateResult {
    const m = this.common.m;
    if (!this.client) {
      return html`<p class="state error" part="error" role="alert">${m.noProvider(this.#host.localName)}</p>`;
    }
    // Nothing of an ended session stays on the screen.
    if (this.#ended && !this.session) return html`${this.renderSessionNeeded()}`;
    const loading = () => html`<p class="state" part="loading" role="status">${m.loading}</p>`;
    return html`${task.render({
      initial: loading,
      pending: loading,
      error: (error) =>
        needsSession(error)
          ? this.renderSessionNeeded()
          : this.#renderFault(this.fault(error), () => task.run()),
      complete: (value) =>
        options.isEmpty?.(value)
          ? html`<p class="state" part="empty" role="status">${options.emptyText ?? m.empty}</p>`
          : complete(value),
    })}`;
  }
}
