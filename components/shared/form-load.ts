/**
 * The first load of a form that needs data before it can show
 * (`<wb-notice-email>`, `<wb-reissue-email>`, `<wb-password-reissue>`), as a
 * controller the form holds beside its {@link FormController}: it loads with
 * `@lit/task` (an `AbortSignal` per load) whenever the client or the form's
 * other arguments change; while loading it shows a status line, after a
 * fault why and "Try again", or "Log in" when the fault is that nobody is
 * logged in. It also moves focus to the heading of each new screen the
 * customer moves to (and of the first screen of a load they started).
 *
 * @module
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { isWebBillingError, type WebBillingClient } from '../../src/core.js';
import { WbLoginRequestedEvent } from './events.js';
import type { FormController } from './form-controller.js';

/** Why the first load failed: the session is needed first, or anything else. */
export interface LoadProblems {
  needsLogin: string;
  loadFailed: string;
}

export interface FormLoadOptions {
  /** Loads what the form needs, with the provider's client. */
  load(client: WebBillingClient, signal: AbortSignal): Promise<void>;
  /** What else the load depends on besides the client (a link's token). */
  args?: () => readonly unknown[];
  /** The screen showing: a move to another one moves focus to its heading. */
  screen(): unknown;
}

export class FormLoadController implements ReactiveController {
  /** Set when the customer (re)started the load: its first screen then takes focus, as after any step they took. */
  focusWhenLoaded = false;
  /** True during the update that first renders the loaded screen. */
  justFinished = false;

  readonly #host: ReactiveElement & HTMLElement;
  readonly #form: FormController;
  readonly #task: Task<readonly unknown[], void | typeof initialState>;
  readonly #screen: () => unknown;
  #renderedStatus: TaskStatus = TaskStatus.INITIAL;
  #lastScreen: unknown;

  constructor(host: ReactiveElement & HTMLElement, form: FormController, options: FormLoadOptions) {
    this.#host = host;
    this.#form = form;
    this.#screen = options.screen;
    this.#task = new Task(host, {
      task: async ([client], { signal }) => {
        if (!client) return initialState;
        await options.load(client as WebBillingClient, signal);
        return undefined;
      },
      args: () => [this.#form.client, ...(options.args?.() ?? [])],
    });
    // Added after the task, so that its status here is the one this update renders.
    host.addController(this);
  }

  /** Whether the loaded screen is showing. */
  get loaded(): boolean {
    return this.#task.status === TaskStatus.COMPLETE;
  }

  /** Loads again (the registration changed meanwhile). */
  run(): void {
    void this.#task.run();
  }

  hostUpdate(): void {
    const status = this.#task.status;
    this.justFinished = status === TaskStatus.COMPLETE && this.#renderedStatus !== TaskStatus.COMPLETE;
    this.#renderedStatus = status;
  }

  hostUpdated(): void {
    // Moving to another screen moves focus to its heading, so screen readers announce it; a load
    // finishing keeps focus where it is, unless the customer started that load.
    const screen = this.#screen();
    const moved = this.#lastScreen !== undefined && screen !== this.#lastScreen && this.loaded && !this.justFinished;
    this.#lastScreen = screen;
    if (moved || (this.focusWhenLoaded && this.justFinished)) {
      this.focusWhenLoaded = false;
      this.#host.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    }
  }

  #retry = (): void => {
    this.focusWhenLoaded = true;
    this.run();
  };

  /** Without a session "Try again" can never work: the page is asked for its login screen instead. */
  #requestLogin = (): void => {
    this.#host.dispatchEvent(new WbLoginRequestedEvent());
  };

  /**
   * While loading: a status line; after a failure: why, and "Try again" (or,
   * without a session, "Log in", which fires `wb-login-requested`).
   * `undefined` once loaded.
   */
  renderState(title: string, problems: LoadProblems): TemplateResult | undefined {
    if (!this.#form.client) return html`<section class="wb-form" part="form">${this.#form.renderNoProvider()}</section>`;
    if (this.loaded) return undefined;
    const failed = this.#task.status === TaskStatus.ERROR;
    const needsLogin = isWebBillingError(this.#task.error, 'session_expired');
    const m = this.#form.common.m;
    return html`<section class="wb-form" part="form" aria-labelledby="${this.#form.idPrefix}-load-title" aria-busy=${failed ? 'false' : 'true'}>
      <h2 id="${this.#form.idPrefix}-load-title">${title}</h2>
      <div role="status" aria-live="polite">${failed ? nothing : html`<p part="loading">${m.loading}</p>`}</div>
      <div role="alert" aria-live="assertive">
        ${failed
          ? html`<div class="wb-alert" part="alert">
              <p>${needsLogin ? problems.needsLogin : problems.loadFailed}</p>
              ${needsLogin
                ? html`<button type="button" class="wb-button" part="login-button" @click=${this.#requestLogin}>${m.logIn}</button>`
                : html`<button type="button" class="wb-button wb-secondary" part="retry-button" @click=${this.#retry}>${m.retry}</button>`}
            </div>`
          : nothing}
      </div>
    </section>`;
  }
}
