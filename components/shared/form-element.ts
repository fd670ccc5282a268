/**
 * Base of the light-DOM form elements: gets the client from the nearest
 * `<wb-provider>`, renders in light DOM (so password managers see the
 * inputs), runs one request at a time, maps SDK errors onto fields or a
 * recoverable form-level alert, and moves focus to the first problem.
 *
 * @module
 */
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
// Value imports come from the SDK's modules, not its index, so that an element
// without a provider does not bundle the client and its schemas.
import { isValidationError, isWebBillingError, type RateLimitedError } from '../../src/errors.js';
import type { WebBillingClient } from '../../src/index.js';
import { clientContext } from './context.js';
import { WbTopRequestedEvent } from './events.js';
import { LocalizeController, WbLocalizedElement } from './localize.js';
import { common } from './messages.js';
import { adoptLightStyles, formStyles } from './styles.js';

let nextId = 0;

/** A form-level problem, shown above the submit button. */
export interface FormAlert {
  message: string;
  /** Whether "Try again" resubmits the same values. */
  retryable: boolean;
}

export abstract class WbFormElement extends WbLocalizedElement {
  /** The SDK client of the nearest `<wb-provider>`. */
  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client?: WebBillingClient;

  /** A request is in flight: submit buttons are disabled and a second submit sends nothing. */
  @state() protected busy = false;
  /** Problems by field name, in words a customer understands. */
  @state() protected fieldErrors: Record<string, string> = {};
  /** A problem with the form as a whole. */
  @state() protected alert?: FormAlert;
  /** A status line shown under a screen's title (e.g. why the screen changed). */
  @state() protected notice = '';

  protected readonly common = new LocalizeController(this, common);
  /** Prefix for ids in light DOM, unique on the page. */
  protected readonly idPrefix = `wb${++nextId}`;
  #lastAction?: () => Promise<void>;
  #focusAfterRender = false;
  /** What to focus after the next render instead of the first problem (a selector). */
  #focusTarget?: string;

  /** Light DOM: password managers and autofill cannot see inputs in shadow DOM. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, formStyles);
  }

  /** The id of a field's input. */
  protected fieldId(name: string): string {
    return `${this.idPrefix}-${name}`;
  }

  /** Runs a request: one at a time; errors land on fields or in the alert; nothing typed is lost. */
  protected async run(action: () => Promise<void>, fieldNames: readonly string[] = []): Promise<boolean> {
    if (this.busy) return false;
    if (!this.client) {
      this.alert = { message: this.common.m.noProvider(this.localName), retryable: false };
      return false;
    }
    this.#lastAction = () => this.run(action, fieldNames).then(() => undefined);
    this.busy = true;
    this.alert = undefined;
    // Cleared before, not after: an action may set field errors of its own
    // (a wrong password) and return normally.
    this.fieldErrors = {};
    try {
      await action();
      return true;
    } catch (error) {
      this.handleError(error, fieldNames);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Puts an error where the customer will see it; override to handle codes of your own first. */
  protected handleError(error: unknown, fieldNames: readonly string[]): void {
    const m = this.common.m;
    if (isValidationError(error)) {
      const errors: Record<string, string> = {};
      for (const issue of error.fields) {
        const name = fieldNames.includes(issue.field) ? issue.field : undefined;
        if (name && !errors[name]) errors[name] = m.field(issue.code);
      }
      this.fieldErrors = errors;
      const unplaced = error.fields.filter((f) => !fieldNames.includes(f.field));
      this.alert = unplaced.length
        ? { message: unplaced.map((f) => m.field(f.code)).join(' '), retryable: false }
        : { message: m.fixFields(Object.keys(errors).length), retryable: false };
    } else if (isWebBillingError(error)) {
      switch (error.code) {
        case 'network':
          this.alert = { message: m.networkFault, retryable: true };
          break;
        case 'timeout':
          this.alert = { message: m.timeoutFault, retryable: true };
          break;
        case 'internal':
        case 'server':
        case 'contract':
          this.alert = { message: m.serverFault, retryable: true };
          break;
        case 'rate_limited':
          this.alert = { message: m.rateLimited((error as RateLimitedError).retryAfter), retryable: true };
          break;
        case 'session_expired':
          this.alert = { message: m.sessionExpired, retryable: false };
          break;
        default:
          this.alert = { message: error.message, retryable: false };
      }
    } else {
      this.alert = { message: m.serverFault, retryable: true };
    }
    this.#focusAfterRender = true;
  }

  /** Sets field errors found before sending (live checks) and focuses the first. */
  protected showFieldErrors(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    const n = Object.keys(errors).length;
    this.alert = n ? { message: this.common.m.fixFields(n), retryable: false } : undefined;
    this.#focusAfterRender = n > 0;
  }

  /** A problem with the form as a whole, not with any field (wrong credentials): the alert says it, and `focus` (a selector) gets the focus, else the alert. */
  protected showFormProblem(message: string, focus?: string): void {
    this.fieldErrors = {};
    this.alert = { message, retryable: false };
    this.#focusTarget = focus;
    this.#focusAfterRender = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      void this.#focusFirstProblem();
    }
  }

  async #focusFirstProblem(): Promise<void> {
    // Inputs inside child elements (<wb-password-input>) mark themselves
    // invalid in their own update, which runs after this element's.
    const children = [...this.querySelectorAll('*')].filter((el): el is LitElement => el instanceof LitElement);
    await Promise.all(children.map((child) => child.updateComplete));
    const chosen = this.#focusTarget ? this.querySelector<HTMLElement>(this.#focusTarget) : null;
    this.#focusTarget = undefined;
    const target = chosen ?? this.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.querySelector<HTMLElement>('.wb-alert');
    target?.focus();
  }

  /** The "needs a provider" notice, when there is no client. */
  protected renderNoProvider(): TemplateResult | typeof nothing {
    return this.client ? nothing : html`<p class="wb-alert" role="alert">${this.common.m.noProvider(this.localName)}</p>`;
  }

  /** The form-level alert, with "Try again" when the same request may succeed. */
  protected renderAlert(): TemplateResult {
    const alert = this.alert;
    return html`<div role="alert" aria-live="assertive">
      ${alert
        ? html`<div class="wb-alert" part="alert" tabindex="-1">
            <p>${alert.message}</p>
            ${alert.retryable
              ? html`<button type="button" class="wb-button wb-secondary" part="retry-button" ?disabled=${this.busy} @click=${() => this.#lastAction?.()}>
                  ${this.common.m.retry}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  /**
   * One screen of a multi-step form: a focusable title, the notice, the body,
   * the alert and the actions; a `<form>` when it submits, else a `<section>`.
   */
  protected renderScreen(title: string, body: unknown, options: { onSubmit?: (e: SubmitEvent) => unknown; actions: unknown }): TemplateResult {
    const titleId = `${this.idPrefix}-title`;
    const content = html`<h2 id=${titleId} tabindex="-1">${title}</h2>
      ${this.notice ? html`<p class="wb-notice" part="notice" role="status">${this.notice}</p>` : nothing}
      ${body} ${this.renderAlert()}
      <div class="wb-actions">${options.actions}</div>`;
    return options.onSubmit
      ? html`<form class="wb-form" part="form" novalidate aria-labelledby=${titleId} @submit=${options.onSubmit}>${content}</form>`
      : html`<section class="wb-form" part="form" aria-labelledby=${titleId}>${content}</section>`;
  }

  /** The submit button: says it is sending while a request is in flight. */
  protected renderSubmitButton(label: string): TemplateResult {
    return html`<button type="submit" class="wb-button" part="submit-button" aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.busy ? this.common.m.sending : label}
    </button>`;
  }

  /** "To the top screen", the way on from a completion screen: fires `wb-top-requested`, and unless it is cancelled runs `inPlace`. */
  protected renderTopButton(inPlace: () => void): TemplateResult {
    const onClick = (): void => {
      if (this.dispatchEvent(new WbTopRequestedEvent())) inPlace();
    };
    return html`<button type="button" class="wb-button" part="top-button" @click=${onClick}>${this.common.m.toTop}</button>`;
  }

  /** A secondary action button. */
  protected renderSecondaryButton(part: string, label: string, onClick: () => void): TemplateResult {
    return html`<button type="button" class="wb-button wb-secondary" part=${part} @click=${onClick}>${label}</button>`;
  }

  /** `aria-describedby` for a field: its hint, any `extra` ids (a checklist, a status), and its error, when present. */
  protected describedBy(name: string, hasHint = false, extra = ''): string | typeof nothing {
    const ids = [hasHint ? `${this.fieldId(name)}-hint` : '', extra, this.fieldErrors[name] ? `${this.fieldId(name)}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** A labelled text field with its hint and error. */
  protected renderTextField(options: {
    name: string;
    label: string;
    value: string;
    onInput: (value: string) => void;
    /** The autofill tokens the kit's forms use (`off` when not given). */
    autocomplete?: 'username' | 'email' | 'current-password' | 'new-password' | 'off';
    /** The text input types the kit's forms use (`text` when not given). */
    type?: 'text' | 'email' | 'tel';
    hint?: string;
    inputmode?: string;
    /** Ids of more elements that describe the input (a checklist, a status). */
    describedBy?: string;
    onBlur?: () => void;
  }): TemplateResult {
    const { name, label, value, hint } = options;
    const id = this.fieldId(name);
    const error = this.fieldErrors[name];
    return html`<div class="wb-field" part="field ${name}-field">
      <label class="wb-label" part="label" for=${id}>${label}</label>
      ${hint ? html`<p class="wb-hint" part="hint" id="${id}-hint">${hint}</p>` : nothing}
      <input
        class="wb-input"
        part="input"
        id=${id}
        name=${name}
        type=${options.type ?? 'text'}
        .value=${value}
        autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? nothing}
        autocapitalize="off"
        spellcheck="false"
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(name, Boolean(hint), options.describedBy)}
        @input=${(e: InputEvent) => options.onInput((e.target as HTMLInputElement).value)}
        @blur=${() => options.onBlur?.()}
      />
      <p class="wb-error" part="error" id="${id}-error">${error ?? ''}</p>
    </div>`;
  }

  /** A password field (see `<wb-password-input>`) with its hint and error. */
  protected renderPasswordField(options: {
    name: string;
    label: string;
    value: string;
    onInput: (value: string) => void;
    autocomplete: 'current-password' | 'new-password';
    hint?: string;
    /** Ids of more elements that describe the input (a checklist). */
    describedBy?: string;
  }): TemplateResult {
    const { name } = options;
    return html`<wb-password-input
      part="${name}-field"
      .inputId=${this.fieldId(name)}
      name=${name}
      label=${options.label}
      autocomplete=${options.autocomplete}
      .value=${options.value}
      .hint=${options.hint ?? ''}
      .error=${this.fieldErrors[name] ?? ''}
      .describedBy=${options.describedBy ?? ''}
      @input=${(e: Event) => options.onInput((e.target as HTMLInputElement).value)}
    ></wb-password-input>`;
  }
}
