/**
 * What every light-DOM form of the kit does, as a controller the form holds
 * (`private readonly form = new FormController(this)`): it gets the client
 * from the nearest `<wb-provider>`, runs one request at a time (aborted when
 * the form leaves the page), puts SDK errors onto fields or into a
 * form-level alert with "Try again" (worded by {@link faultOf}), and after
 * the render moves focus to the first problem. Its render helpers draw the
 * parts every form shares: screens, fields, the alert, buttons.
 *
 * The form itself renders in light DOM (its own `createRenderRoot()`), so
 * password managers and autofill see its inputs; the controller adopts the
 * form's styles (`formStyles` and its own) into the document or shadow root
 * it renders in.
 *
 * @module
 */
import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type CSSResult, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { isValidationError, type WebBillingClient } from '../../src/core.js';
import { clientContext } from './context.js';
import { WbTopRequestedEvent } from './events.js';
import { faultOf, fieldFaultsOf, type CommonMessages, type Fault } from './faults.js';
import { LocalizeController } from './localize.js';
import { common } from './messages.js';
import { adoptLightStyles } from './styles.js';

let nextId = 0;

/** Shortest check of an email the browser's `type=email` rule accepts; the input's own validity is preferred when rendered. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A form-level problem, shown above the submit button; `retryable`: "Try again" resubmits the same values. */
export type FormAlert = Fault;

/** What a field's control needs from the form: its id, name, error and `aria-describedby`. */
export interface FieldState {
  id: string;
  name: string;
  error: string | undefined;
  describedBy: string | typeof nothing;
}

/** A request of the form: gets the signal that a disconnect aborts; pass it into the SDK call. */
export type FormAction = (client: WebBillingClient, signal: AbortSignal) => Promise<void>;

/** How {@link FormController.run} places an error: `fields` receive validation issues; `handle` sees the error first and returns true when it placed it itself. */
export interface RunOptions {
  fields?: readonly string[];
  handle?: (error: unknown) => boolean;
}

/** The form host: a Lit element (the controller reads its `localName` and queries its light DOM). */
export type FormHost = ReactiveElement & HTMLElement;

export class FormController implements ReactiveController {
  /** A request is in flight: submit buttons say so and a second submit sends nothing. */
  busy = false;
  /** Problems by field name, in words a customer understands. */
  fieldErrors: Record<string, string> = {};
  /** A problem with the form as a whole. */
  alert?: FormAlert | undefined;
  /** A status line shown under a screen's title (e.g. why the screen changed). */
  notice = '';
  /** Prefix for ids in light DOM, unique on the page. */
  readonly idPrefix = `wb${++nextId}`;
  /** The shared messages (faults, buttons, the inquiry desk). */
  readonly common: LocalizeController<CommonMessages>;

  readonly #host: FormHost;
  readonly #client: ContextConsumer<typeof clientContext, FormHost>;
  readonly #styles: readonly CSSResult[];
  #abort?: AbortController;
  #lastRun?: () => void;
  #focusAfterRender = false;
  /** What to focus after the next render instead of the first problem (a selector). */
  #focusTarget?: string | undefined;
  #screen: unknown;
  #screenOf?: (() => unknown) | undefined;
  #screenStart = 'h2[tabindex="-1"]';

  /** `styles`: the form's light-DOM styles (its `<name>.styles.ts`), adopted into the document or shadow root it renders in. */
  constructor(host: FormHost, styles: readonly CSSResult[]) {
    this.#host = host;
    this.#styles = styles;
    this.common = new LocalizeController(host, common);
    this.#client = new ContextConsumer(host, { context: clientContext, subscribe: true });
    host.addController(this);
  }

  /** The SDK client of the nearest `<wb-provider>`. */
  get client(): WebBillingClient | undefined {
    return this.#client.value;
  }

  hostConnected(): void {
    for (const styles of this.#styles) adoptLightStyles(this.#host, styles);
  }

  /** A request must not outlive its form (a router removing it, the page moving on). */
  hostDisconnected(): void {
    this.#abort?.abort(new DOMException(`${this.#host.localName} was removed from the page.`, 'AbortError'));
  }

  hostUpdated(): void {
    if (this.#screenOf) {
      const screen = this.#screenOf();
      if (this.#screen !== undefined && screen !== this.#screen) this.#host.querySelector<HTMLElement>(this.#screenStart)?.focus();
      this.#screen = screen;
    }
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      void this.#focusFirstProblem();
    }
  }

  /** Moving to another screen (what `screen` returns) moves focus to its start (`start`, its heading), so screen readers announce it. */
  announceScreens(screen: () => unknown, start = 'h2[tabindex="-1"]'): void {
    this.#screenOf = screen;
    this.#screenStart = start;
  }

  #set(changes: Partial<Pick<FormController, 'busy' | 'fieldErrors' | 'alert' | 'notice'>>): void {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }

  /** Sets the status line under the screen's title. */
  setNotice(notice: string): void {
    this.#set({ notice });
  }

  /** Says `message` in the alert (a refusal that "Try again" cannot change). */
  setAlert(message: string): void {
    this.#set({ alert: { message, retryable: false } });
  }

  /** Clears the field errors and the alert (leaving a screen). */
  clearProblems(): void {
    this.#set({ fieldErrors: {}, alert: undefined });
  }

  /** Runs a request: one at a time; errors land on fields or in the alert; nothing typed is lost. Resolves to whether it succeeded. */
  async run(action: FormAction, options: RunOptions = {}): Promise<boolean> {
    if (this.busy) return false;
    const client = this.client;
    if (!client) {
      this.#set({ alert: { message: this.common.m.noProvider(this.#host.localName), retryable: false } });
      return false;
    }
    this.#lastRun = () => void this.run(action, options);
    const abort = (this.#abort = new AbortController());
    // Field errors are cleared before, not after: an action may set some of its own (a wrong password) and return normally.
    this.#set({ busy: true, alert: undefined, fieldErrors: {} });
    try {
      await action(client, abort.signal);
      return true;
    } catch (error) {
      if (!abort.signal.aborted && !options.handle?.(error)) this.place(error, options.fields ?? []);
      return false;
    } finally {
      this.#set({ busy: false });
    }
  }

  /** Puts an error where the customer will see it: validation issues on `fields`, anything else in the alert. */
  place(error: unknown, fields: readonly string[]): void {
    const m = this.common.m;
    if (isValidationError(error)) {
      const placed = fieldFaultsOf(error, fields, m);
      this.#set({ fieldErrors: placed.fields, alert: placed.alert });
    } else {
      this.#set({ alert: faultOf(error, m, { during: 'send' }) });
    }
    this.#focusAfterRender = true;
  }

  /** Sets field errors found before sending (live checks) and focuses the first. */
  showFieldErrors(errors: Record<string, string>): void {
    const n = Object.keys(errors).length;
    this.#set({ fieldErrors: errors, alert: n ? { message: this.common.m.fixFields(n), retryable: false } : undefined });
    this.#focusAfterRender = n > 0;
  }

  /** Adds one field's error to those shown (a refusal the service words per field: a wrong answer). */
  addFieldError(name: string, message: string): void {
    this.#set({ fieldErrors: { ...this.fieldErrors, [name]: message } });
  }

  /** A problem with the form as a whole (wrong credentials): the alert says it, and `focus` (a selector) gets the focus, else the alert. */
  showFormProblem(message: string, focus?: string): void {
    this.#set({ fieldErrors: {}, alert: { message, retryable: false } });
    this.#focusTarget = focus;
    this.#focusAfterRender = true;
  }

  async #focusFirstProblem(): Promise<void> {
    // Inputs inside child elements (<wb-password-input>) mark themselves invalid in their own update, which runs after this form's.
    const host = this.#host;
    const children = [...host.querySelectorAll('*')].filter((el): el is LitElement => el instanceof LitElement);
    await Promise.all(children.map((child) => child.updateComplete));
    const chosen = this.#focusTarget ? host.querySelector<HTMLElement>(this.#focusTarget) : null;
    this.#focusTarget = undefined;
    (chosen ?? host.querySelector<HTMLElement>('[aria-invalid="true"]') ?? host.querySelector<HTMLElement>('.wb-alert'))?.focus();
  }

  /** The id of a field's input. */
  fieldId(name: string): string {
    return `${this.idPrefix}-${name}`;
  }

  /** What a field's control needs, by the field's name. */
  field(name: string): FieldState {
    return { id: this.fieldId(name), name, error: this.fieldErrors[name], describedBy: this.describedBy(name) };
  }

  /** `aria-describedby` for a field: its hint, any `extra` ids (a checklist, a status), and its error, when present. */
  describedBy(name: string, hasHint = false, extra = ''): string | typeof nothing {
    const ids = [hasHint ? `${this.fieldId(name)}-hint` : '', extra, this.fieldErrors[name] ? `${this.fieldId(name)}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** Whether an email address is well formed: the rendered input's own `type=email` check, else a plain shape check. */
  isEmailShaped(name: string, value: string): boolean {
    const input = this.#host.querySelector<HTMLInputElement>(`#${this.fieldId(name)}`);
    if (input?.type === 'email') return !input.validity.typeMismatch && value.trim() !== '';
    return EMAIL_SHAPE.test(value.trim());
  }

  // ---------------------------------------------------------------- rendering

  /** The "needs a provider" notice, when there is no client. */
  renderNoProvider(): TemplateResult | typeof nothing {
    return this.client ? nothing : html`<p class="wb-alert" role="alert">${this.common.m.noProvider(this.#host.localName)}</p>`;
  }

  /** The form-level alert, with "Try again" when the same request may succeed. */
  renderAlert(): TemplateResult {
    const alert = this.alert;
    return html`<div role="alert" aria-live="assertive">
      ${alert
        ? html`<div class="wb-alert" part="alert" tabindex="-1">
            <p>${alert.message}</p>
            ${alert.retryable
              ? html`<button type="button" class="wb-button wb-secondary" part="retry-button" ?disabled=${this.busy} @click=${() => this.#lastRun?.()}>
                  ${this.common.m.retry}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  /**
   * One screen of a form: a focusable title, the notice, the body, the alert
   * and the actions; a `<form>` when it submits, else a `<section>`.
   */
  renderScreen(title: string, body: unknown, options: { onSubmit?: (e: SubmitEvent) => unknown; actions: unknown }): TemplateResult {
    const titleId = `${this.idPrefix}-title`;
    const content = html`<h2 id=${titleId} tabindex="-1">${title}</h2>
      ${this.notice ? html`<p class="wb-notice" part="notice" role="status">${this.notice}</p>` : nothing}
      ${body} ${this.renderAlert()}
      <div class="wb-actions">${options.actions}</div>`;
    return options.onSubmit
      ? html`<form class="wb-form" part="form" novalidate aria-labelledby=${titleId} @submit=${options.onSubmit}>${content}</form>`
      : html`<section class="wb-form" part="form" aria-labelledby=${titleId}>${content}</section>`;
  }

  /** A screen that only says something (no alert, no notice): a focusable title (id suffix `name`), the body and the actions. */
  renderMessage(title: string, body: unknown, actions: unknown, name = 'msg'): TemplateResult {
    const titleId = `${this.idPrefix}-${name}`;
    return html`<section class="wb-form" part="form" aria-labelledby=${titleId}>
      <h2 id=${titleId} tabindex="-1">${title}</h2>
      ${body}
      <div class="wb-actions">${actions}</div>
    </section>`;
  }

  /** The submit button: says it is sending while a request is in flight. */
  renderSubmitButton(label: string): TemplateResult {
    return html`<button type="submit" class="wb-button" part="submit-button" aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.busy ? this.common.m.sending : label}
    </button>`;
  }

  /** "To the top screen", the way on from a completion screen: fires `wb-top-requested`, and unless it is cancelled runs `inPlace`. */
  renderTopButton(inPlace: () => void): TemplateResult {
    const onClick = (): void => {
      if (this.#host.dispatchEvent(new WbTopRequestedEvent())) inPlace();
    };
    return html`<button type="button" class="wb-button" part="top-button" @click=${onClick}>${this.common.m.toTop}</button>`;
  }

  /** A secondary action button. */
  renderSecondaryButton(part: string, label: string, onClick: () => void): TemplateResult {
    return html`<button type="button" class="wb-button wb-secondary" part=${part} @click=${onClick}>${label}</button>`;
  }

  /** A labelled text field with its hint and error. */
  renderTextField(options: {
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

  /** The `email` field: a `type=email` input that autofill fills, with its hint and error. */
  renderEmailField(label: string, hint: string, value: string, onInput: (value: string) => void): TemplateResult {
    return this.renderTextField({ name: 'email', label, value, type: 'email', autocomplete: 'email', inputmode: 'email', hint, onInput });
  }

  /** A password field (see `<wb-password-input>`) with its hint and error. */
  renderPasswordField(options: {
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
