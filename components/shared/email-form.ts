/**
 * Base of the light-DOM forms that load what they need before they show
 * and that ask for an email address: `<wb-notice-email>`,
 * `<wb-reissue-email>` and `<wb-password-reissue>`. It loads with `@lit/task`
 * (an `AbortSignal` per load; a loading screen, and after a fault why and
 * "Try again", or "Log in" when the fault is that nobody is logged in), moves focus to the heading of each new screen, and renders
 * and checks the email field.
 *
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import { isWebBillingError } from '../../src/errors.js';
import type { WebBillingClient } from '../../src/index.js';
import { WbLoginRequestedEvent } from './events.js';
import { WbFormElement } from './form-element.js';

/** Shortest check of an email the browser's `type=email` rule accepts; the input's own validity is preferred when rendered. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a field's control needs from the form: its id, name, error and `aria-describedby`. */
export interface FieldState {
  id: string;
  name: string;
  error: string | undefined;
  describedBy: string | typeof nothing;
}

/** Why the first load failed: the session is needed first, or anything else. */
export interface LoadProblems {
  needsLogin: string;
  loadFailed: string;
}

export abstract class WbEmailFormElement extends WbFormElement {
  /** Loads what the form needs whenever {@link loadArgs} change (the provider's client, at first). */
  protected readonly loader = new Task(this, {
    task: async (args: readonly unknown[], { signal }) => {
      const client = args[0] as WebBillingClient | undefined;
      if (!client) return initialState;
      await this.loadData(client, signal);
      return undefined;
    },
    args: () => this.loadArgs(),
  });

  /** Set when the customer (re)started the load: its first screen then takes focus, as after any step they took. */
  protected focusWhenLoaded = false;
  /** True during the update that first renders the loaded screen. */
  protected loadJustFinished = false;
  #renderedStatus: TaskStatus = TaskStatus.INITIAL;

  /** What the load depends on; the client first. */
  protected loadArgs(): readonly unknown[] {
    return [this.client];
  }

  /** Loads what the form needs; called with the provider's client. */
  protected abstract loadData(client: WebBillingClient, signal: AbortSignal): Promise<void>;

  /** Whether the loaded screen is showing. */
  protected get loaded(): boolean {
    return this.loader.status === TaskStatus.COMPLETE;
  }

  protected override update(changed: PropertyValues): void {
    const status = this.loader.status;
    this.loadJustFinished = status === TaskStatus.COMPLETE && this.#renderedStatus !== TaskStatus.COMPLETE;
    this.#renderedStatus = status;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    // Moving to another screen (a change of the element's `view`) moves focus to its heading, so
    // screen readers announce it; a load finishing keeps focus where it is, unless the customer
    // started that load. A field error found in the same update takes focus after (super.updated).
    const moved = changed.has('view') && changed.get('view') !== undefined && this.loaded && !this.loadJustFinished;
    if (moved || (this.focusWhenLoaded && this.loadJustFinished)) {
      this.focusWhenLoaded = false;
      this.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    }
    super.updated(changed);
  }

  #retryLoad = (): void => {
    this.focusWhenLoaded = true;
    void this.loader.run();
  };

  /** Without a session "Try again" can never work: the page is asked for its login screen instead. */
  #requestLogin = (): void => {
    this.dispatchEvent(new WbLoginRequestedEvent());
  };

  /** What a field's control needs, by the field's name. */
  protected field(name: string): FieldState {
    return { id: this.fieldId(name), name, error: this.fieldErrors[name], describedBy: this.describedBy(name) };
  }

  /** Whether an email address is well formed: the rendered input's own `type=email` check, else a plain shape check. */
  protected isEmailShaped(name: string, value: string): boolean {
    const input = this.querySelector<HTMLInputElement>(`#${this.fieldId(name)}`);
    if (input?.type === 'email') return !input.validity.typeMismatch && value.trim() !== '';
    return EMAIL_SHAPE.test(value.trim());
  }

  /** The `email` field: a `type=email` input that autofill fills, with its hint and error. */
  protected renderEmailField(label: string, hint: string, value: string, onInput: (value: string) => void): TemplateResult {
    return this.renderTextField({ name: 'email', label, value, type: 'email', autocomplete: 'email', inputmode: 'email', hint, onInput });
  }

  /**
   * While loading: a status line; after a failure: why, and "Try again" (or,
   * without a session, "Log in", which fires `wb-login-requested`).
   * `undefined` once loaded.
   */
  protected renderLoadState(title: string, problems: LoadProblems): TemplateResult | undefined {
    if (!this.client) return html`<section class="wb-form" part="form">${this.renderNoProvider()}</section>`;
    if (this.loaded) return undefined;
    const failed = this.loader.status === TaskStatus.ERROR;
    const needsLogin = isWebBillingError(this.loader.error, 'session_expired');
    return html`<section class="wb-form" part="form" aria-labelledby="${this.idPrefix}-load-title" aria-busy=${failed ? 'false' : 'true'}>
      <h2 id="${this.idPrefix}-load-title">${title}</h2>
      <div role="status" aria-live="polite">${failed ? nothing : html`<p part="loading">${this.common.m.loading}</p>`}</div>
      <div role="alert" aria-live="assertive">
        ${failed
          ? html`<div class="wb-alert" part="alert">
              <p>${needsLogin ? problems.needsLogin : problems.loadFailed}</p>
              ${needsLogin
                ? html`<button type="button" class="wb-button" part="login-button" @click=${this.#requestLogin}>${this.common.m.logIn}</button>`
                : html`<button type="button" class="wb-button wb-secondary" part="retry-button" @click=${this.#retryLoad}>${this.common.m.retry}</button>`}
            </div>`
          : nothing}
      </div>
    </section>`;
  }
}
