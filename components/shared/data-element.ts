/**
 * Base of the elements that show data (billing list, breakdown, summary,
 * line picker, top screen): shadow DOM with parts, the client from the
 * nearest `<wb-provider>`, and one way to render a load's states: loading,
 * empty, error with a retry that keeps the element's place (same arguments,
 * same scroll and open sections), and the value.
 *
 * Load data with `@lit/task` and pass its `signal` into every SDK call:
 *
 * ```ts
 * private readonly history = new Task(this, {
 *   task: ([client], { signal }) => client!.billing.history({ signal }),
 *   args: () => [this.client] as const,
 * });
 * render() { return this.renderTask(this.history, (h) => html`...`); }
 * ```
 *
 * @module
 */
import { consume } from '@lit/context';
import type { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isWebBillingError, type RateLimitedError } from '../../src/errors.js';
import type { SessionEndReason, SessionInfo, WebBillingClient } from '../../src/index.js';
import { clientContext, sessionContext, sessionEndContext } from './context.js';
import { WbLoginRequestedEvent } from './events.js';
import { LocalizeController, WbLocalizedElement } from './localize.js';
import { common } from './messages.js';
import { dataStyles, tokens } from './styles.js';

export { dataStyles };

/** `TaskStatus.PENDING` and `ERROR` of `@lit/task`, without importing its runtime into every element. */
const TASK_PENDING = 1;
const TASK_ERROR = 3;
const needsSession = (error: unknown) => isWebBillingError(error, 'session_expired');

/**
 * Which element of a client's page says that the session is needed: one
 * says it (with the login), the others wait quietly, so a screen of several
 * elements shows one notice, not one each.
 */
const sessionNotices = new WeakMap<WebBillingClient, WbDataElement>();
const isTask = (controller: ReactiveController): controller is Task<readonly unknown[], unknown> =>
  typeof (controller as Partial<Task>).abort === 'function' && typeof (controller as Partial<Task>).run === 'function';

export abstract class WbDataElement extends WbLocalizedElement {
  static override styles = [tokens, dataStyles];

  /** Every `@lit/task` of the element (a task adds itself as a controller). */
  readonly #tasks = new Set<Task<readonly unknown[], unknown>>();
  /** Tasks whose request a disconnect aborted: run again when the element is connected again. */
  readonly #interrupted = new Set<Task<readonly unknown[], unknown>>();

  /** The SDK client of the nearest `<wb-provider>`. */
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client?: WebBillingClient;

  /** The session as the provider knows it: a login reloads what needed one. */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  protected session?: SessionInfo;

  /** Why the page's last session ended (words for the notice). */
  @consume({ context: sessionEndContext, subscribe: true })
  @state()
  protected sessionEnd?: SessionEndReason;

  protected readonly common = new LocalizeController(this, common);

  /** Whether this element's last render showed the session notice. */
  #showsNotice = false;
  /** Whether the session this element showed data for has ended (and no new one has started). */
  #ended = false;

  /** Adds a controller; a `@lit/task` is also tracked, so a disconnect can abort it. */
  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (isTask(controller)) this.#tasks.add(controller);
  }

  /** Aborts every pending load: a request must not outlive its element (a router removing it, the page moving on). */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const task of this.#tasks) {
      if (task.status !== TASK_PENDING) continue;
      this.#interrupted.add(task);
      task.abort(new DOMException(`${this.localName} was removed from the page.`, 'AbortError'));
    }
  }

  /** Runs again every load a disconnect aborted. */
  override connectedCallback(): void {
    super.connectedCallback();
    for (const task of this.#interrupted) void task.run();
    this.#interrupted.clear();
  }

  /** Each render decides afresh whether this element shows the session notice. */
  protected override update(changed: PropertyValues): void {
    this.#showsNotice = false;
    super.update(changed);
  }

  /**
   * When the session ends (a logout, an expiry, another tab), what was shown
   * goes with it: the element shows the session notice instead. After the
   * next login (in place, or in another element) it loads again what failed
   * for want of a session, and what it showed before the end.
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('session') && changed.get('session') && !this.session) this.#ended = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('session') || !this.session || changed.get('session')) return;
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
  protected renderSessionNeeded(notLoggedIn = this.common.m.logInToSee): TemplateResult | typeof nothing {
    const client = this.client!;
    const holder = sessionNotices.get(client);
    if (this.#showsNotice || (holder && holder !== this && holder.isConnected && holder.#showsNotice)) return nothing;
    sessionNotices.set(client, this);
    this.#showsNotice = true;
    const m = this.common.m;
    const ended = this.sessionEnd && this.sessionEnd !== 'logout';
    const inPlace = customElements.get('wb-login') !== undefined;
    return html`<div class="state error" part="error session-needed" role="alert">
      <p>${ended ? m.sessionEndedRead : notLoggedIn}</p>
      ${inPlace
        ? html`<wb-login part="login"></wb-login>`
        : html`<button type="button" part="login-button" @click=${() => this.dispatchEvent(new WbLoginRequestedEvent())}>${m.logIn}</button>`}
    </div>`;
  }

  /** A plain message for a failed load. */
  protected errorText(error: unknown): string {
    const m = this.common.m;
    if (!isWebBillingError(error)) return m.loadFailed;
    switch (error.code) {
      case 'network':
        return `${m.loadFailed} ${m.networkFault}`;
      case 'timeout':
        return `${m.loadFailed} ${m.timeoutFault}`;
      case 'internal':
      case 'server':
      case 'contract':
        return `${m.loadFailed} ${m.serverFault}`;
      case 'rate_limited':
        return m.rateLimited((error as RateLimitedError).retryAfter);
      case 'session_expired':
        return this.sessionEnd && this.sessionEnd !== 'logout' ? m.sessionEndedRead : m.logInToSee;
      default:
        return error.message;
    }
  }

  /**
   * Renders a task: the provider notice without a client, `Loading…` while
   * pending (announced politely), a plain error with "Try again" (same
   * arguments), the empty text when `isEmpty` says so, else `complete`.
   */
  protected renderTask<T>(
    task: Task<readonly unknown[], T>,
    complete: (value: T) => TemplateResult,
    options: { isEmpty?: (value: T) => boolean; emptyText?: string } = {},
  ): TemplateResult {
    if (!this.client) {
      return html`<p class="state error" part="error" role="alert">${this.common.m.noProvider(this.localName)}</p>`;
    }
    // Nothing of an ended session stays on the screen.
    if (this.#ended && !this.session) return html`${this.renderSessionNeeded()}`;
    return html`${task.render({
      initial: () => html`<p class="state" part="loading" role="status">${this.common.m.loading}</p>`,
      pending: () => html`<p class="state" part="loading" role="status">${this.common.m.loading}</p>`,
      error: (error) =>
        needsSession(error)
          ? this.renderSessionNeeded()
          : html`<div class="state error" part="error" role="alert">
        <p>${this.errorText(error)}</p>
        ${isWebBillingError(error) && ['not_found', 'month_out_of_range', 'breakdown_not_retained', 'session_expired'].includes(error.code)
          ? nothing
          : html`<button type="button" part="retry-button" @click=${() => task.run()}>${this.common.m.retry}</button>`}
      </div>`,
      complete: (value) =>
        options.isEmpty?.(value)
          ? html`<p class="state" part="empty" role="status">${options.emptyText ?? this.common.m.empty}</p>`
          : complete(value),
    })}`;
  }
}
