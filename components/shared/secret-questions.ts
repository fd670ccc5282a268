/**
 * What `<wb-reissue-email>` and `<wb-password-reissue>` share: both load the
 * backend's list of secret questions (`client.reissueEmail.questions()`,
 * no session needed) before they can show their form, and both ask for a
 * question from that list and its answer. An element holds one
 * `SecretQuestions`: it loads the list, names a question in the element's
 * locale and renders the labelled question `<select>`.
 *
 * @module
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SecretQuestion, WebBillingClient } from '../../src/core.js';
import type { FieldState } from './form-controller.js';
import { LocalizeController, type MessagesOf } from './localize.js';
import { secretQuestionMessages } from './secret-question-messages.js';

export class SecretQuestions {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #text: LocalizeController<MessagesOf<typeof secretQuestionMessages>>;
  /** The secret questions the backend offers. */
  #questions: readonly SecretQuestion[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#text = new LocalizeController(host, secretQuestionMessages);
  }

  /** Messages of the secret-question forms, in the host's locale (why a load failed, among them). */
  get m(): MessagesOf<typeof secretQuestionMessages> {
    return this.#text.m;
  }

  /** Loads the questions. */
  async load(client: WebBillingClient, signal: AbortSignal): Promise<void> {
    const questions = await client.reissueEmail.questions({ signal });
    if (signal.aborted) return;
    this.#questions = questions;
    this.#host.requestUpdate();
  }

  /** The text of a question in the element's locale. */
  label(id: string | undefined): string {
    const question = this.#questions.find((q) => q.id === id);
    return question ? question.text[this.#text.locale] : '';
  }

  /** A labelled `<select>` of the secret questions, with its error. */
  renderField(field: FieldState, label: string, value: string, onChange: (value: string) => void): TemplateResult {
    const { id, name, error } = field;
    const locale = this.#text.locale;
    return html`<div class="wb-field" part="field ${name}-field">
      <label class="wb-label" part="label" for=${id}>${label}</label>
      <select
        class="wb-select"
        part="select"
        id=${id}
        name=${name}
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${field.describedBy}
        @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="" .selected=${value === ''}>${this.#text.m.choose}</option>
        ${this.#questions.map((q) => html`<option value=${q.id} .selected=${q.id === value}>${q.text[locale]}</option>`)}
      </select>
      <p class="wb-error" part="error" id="${id}-error">${error ?? ''}</p>
    </div>`;
  }
}
