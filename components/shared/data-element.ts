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
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isWebBillingError, type RateLimitedError } from '../../src/errors.js';
import type { WebBillingClient } from '../../src/index.js';
import { clientContext } from './context.js';
import { LocalizeController, WbLocalizedElement } from './localize.js';
import { common } from './messages.js';
import { tokens } from './styles.js';

/** Styles every data element shares: states, buttons, focus, visually hidden text. */
export const dataStyles = css`
  :host {
    display: block;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  .state {
    padding: 0.75rem 1rem;
    border-radius: var(--wb-radius, 0.375rem);
    background: var(--wb-color-info-surface, #e8f0fe);
  }
  .state.error {
    background: var(--wb-color-danger-surface, #fdeceb);
    border-left: 4px solid var(--wb-color-danger, #b3261e);
  }
  button {
    min-height: 44px;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--wb-color-primary, #0b57d0);
    background: var(--wb-color-surface, #fff);
    border: 2px solid var(--wb-color-primary, #0b57d0);
    border-radius: var(--wb-radius, 0.375rem);
    cursor: pointer;
  }
  /* A button that reads as a link (e.g. "register the notice email"). */
  .link {
    justify-self: start;
    min-height: 44px;
    padding: 0;
    border: none;
    background: none;
    color: var(--wb-color-link, var(--wb-color-primary, #0b57d0));
    text-decoration: underline;
    font-weight: 400;
    text-align: start;
  }
  button.primary {
    color: var(--wb-color-on-primary, #fff);
    background: var(--wb-color-primary, #0b57d0);
  }
  :focus-visible {
    outline: 3px solid var(--wb-color-focus, #0b57d0);
    outline-offset: 2px;
  }
  /* A screen's heading with its action beside it, wrapping under it when narrow. */
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: space-between;
  }
  /* Out of sight but read; the -until-focus variant is a skip link that shows once the keyboard reaches it. */
  .visually-hidden,
  .visually-hidden-until-focus:not(:focus) {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** `TaskStatus.PENDING` of `@lit/task`, without importing its runtime into every element. */
const TASK_PENDING = 1;
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

  protected readonly common = new LocalizeController(this, common);

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
        return m.sessionExpired;
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
    return html`${task.render({
      initial: () => html`<p class="state" part="loading" role="status">${this.common.m.loading}</p>`,
      pending: () => html`<p class="state" part="loading" role="status">${this.common.m.loading}</p>`,
      error: (error) => html`<div class="state error" part="error" role="alert">
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
