/**
 * What `<wb-reissue-email>` and `<wb-password-reissue>` share: both load the
 * backend's list of secret questions (`client.reissueEmail.questions()`,
 * no session needed) before they can show their form, and both ask for a
 * question from that list and its answer. This base loads the data with
 * `@lit/task` (an `AbortSignal` per load; loading and error states with a
 * retry) and renders the labelled question `<select>`.
 *
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { isWebBillingError } from '../../src/errors.js';
import type { SecretQuestion, WebBillingClient } from '../../src/index.js';
import { WbFormElement } from '../shared/form-element.js';
import { LocalizeController } from '../shared/localize.js';
import { secretQuestionMessages } from './messages.js';

/** Shortest check of an email the browser's `type=email` rule accepts; the input's own validity is preferred when rendered. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export abstract class WbSecretQuestionForm extends WbFormElement {
  /** The secret questions the backend offers. */
  @state() protected questions: readonly SecretQuestion[] = [];

  protected readonly questionText = new LocalizeController(this, secretQuestionMessages);

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

  /** Loads what the form needs (the questions at least); called with the provider's client. */
  protected abstract loadData(client: WebBillingClient, signal: AbortSignal): Promise<void>;

  /** Loads the questions into {@link questions}. */
  protected async loadQuestions(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    const questions = await client.reissueEmail.questions({ signal });
    if (!signal.aborted) this.questions = questions;
  }

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
    if (this.focusWhenLoaded && this.loadJustFinished) {
      this.focusWhenLoaded = false;
      this.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus();
    }
    super.updated(changed);
  }

  #retryLoad = (): void => {
    this.focusWhenLoaded = true;
    void this.loader.run();
  };

  /** The text of a question in the element's locale. */
  protected questionLabel(id: string | undefined): string {
    const question = this.questions.find((q) => q.id === id);
    return question ? question.text[this.questionText.locale] : '';
  }

  /** Whether an email address is well formed: the rendered input's own `type=email` check, else a plain shape check. */
  protected isEmailShaped(name: string, value: string): boolean {
    const input = this.querySelector<HTMLInputElement>(`#${this.fieldId(name)}`);
    if (input?.type === 'email') return !input.validity.typeMismatch && value.trim() !== '';
    return EMAIL_SHAPE.test(value.trim());
  }

  /** While loading: a status line; after a failure: why, and "Try again". `undefined` once loaded. */
  protected renderLoadState(title: string): TemplateResult | undefined {
    if (!this.client) {
      return html`<section class="wb-form" part="form">${this.renderNoProvider()}</section>`;
    }
    if (this.loaded) return undefined;
    const m = this.questionText.m;
    const failed = this.loader.status === TaskStatus.ERROR;
    const why = isWebBillingError(this.loader.error, 'session_expired') ? m.needsLogin : m.loadFailed;
    return html`<section class="wb-form" part="form" aria-labelledby="${this.idPrefix}-load-title" aria-busy=${failed ? 'false' : 'true'}>
      <h2 id="${this.idPrefix}-load-title">${title}</h2>
      <div role="status" aria-live="polite">${failed ? nothing : html`<p part="loading">${m.loading}</p>`}</div>
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

  /** A labelled `<select>` of the secret questions, with its error. */
  protected renderQuestionField(options: { name: string; label: string; value: string; onChange: (value: string) => void }): TemplateResult {
    const { name, label, value } = options;
    const id = this.fieldId(name);
    const error = this.fieldErrors[name];
    const locale = this.questionText.locale;
    return html`<div class="wb-field" part="field ${name}-field">
      <label class="wb-label" part="label" for=${id}>${label}</label>
      <select
        class="wb-select"
        part="select"
        id=${id}
        name=${name}
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(name)}
        @change=${(e: Event) => options.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="" .selected=${value === ''}>${this.questionText.m.choose}</option>
        ${this.questions.map((q) => html`<option value=${q.id} .selected=${q.id === value}>${q.text[locale]}</option>`)}
      </select>
      <p class="wb-error" part="error" id="${id}-error">${error ?? ''}</p>
    </div>`;
  }
}
