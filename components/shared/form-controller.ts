/**
 * What every light-DOM form of the kit does, as a controller the form holds
 * (`private readonly form = new FormController(this, styles)`): it gets the
 * client from the nearest `<wb-provider>`, runs one request at a time
 * (aborted when the form leaves the page), puts SDK errors onto fields or
 * into a form-level alert with "Try again" (worded by {@link faultOf}), and
 * after the render moves focus to the first problem, or to the heading of a
 * new screen. It renders the alert and the submit button; the other parts
 * forms draw alike are functions of it in `form-render.ts`.
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
import { faultOf, fieldFaultsOf, type CommonMessages, type Fault } from './faults.js';
import { LocalizeController } from './localize.js';
import { common } from './messages.js';
import { adoptLightStyles } from './styles.js';

let nextId = 0;

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
  /** The form element. */
  readonly host: FormHost;
  /** Prefix for ids in light DOM, unique on the page. */
  readonly idPrefix = `wb${++nextId}`;
  /** The shared messages (faults, buttons, the inquiry desk). */
  readonly common: LocalizeController<CommonMessages>;

    readonly #client: ContextConsumer<typeof clientContext, FormHost>;
  readonly #styles: readonly CSSResult[];
  #abort?: AbortController;
  #lastRun?: () => void;
  #focusAfterRender = false;
  /** What to focus after the next render instead of the first problem (a selector). */
  #focusTarget?: string | undefined;
  #screen: unknown;
  readonly #screenOf: (() => unknown) | undefined;
  readonly #screenStart: string;

  /**
   * `styles`: the form's light-DOM styles (its `<name>.styles.ts`), adopted
   * into the document or shadow root it renders in. `screen`: the screen
   * showing; moving to another one moves focus to its start (`screenStart`,
   * its heading), so screen readers announce it.
   */
  constructor(host: FormHost, styles: readonly CSSResult[], screen?: () => unknown, screenStart = 'h2[tabindex="-1"]') {
    this.host = host;
    this.#styles = styles;
    this.#screenOf = screen;
    this.#screenStart = screenStart;
    this.common = new LocalizeController(host, common);
    this.#client = new ContextConsumer(host, { context: clientContext, subscribe: true });
    host.addController(this);
  }

  /** The SDK client of the nearest `<wb-provider>`. */
  get client(): WebBillingClient | undefined {
    return this.#client.value;
  }

  hostConnected(): void {
    for (const styles of this.#styles) adoptLightStyles(this.host, styles);
  }

  /** A request must not outlive its form (a router removing it, the page moving on). */
  hostDisconnected(): void {
    this.#abort?.abort();
  }

  hostUpdated(): void {
    if (this.#screenOf) {
      const screen = this.#screenOf();
      if (this.#screen !== undefined && screen !== this.#screen) this.host.querySelector<HTMLElement>(this.#screenStart)?.focus();
      this.#screen = screen;
    }
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      void this.#focusFirstProblem();
    }
  }

  /** Changes what the form shows (the notice, the alert, field errors) and renders it. */
  set(changes: Partial<Pick<FormController, 'fieldErrors' | 'alert' | 'notice'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** Runs a request: one at a time; errors land on fields or in the alert; nothing typed is lost. Resolves to whether it succeeded. */
  async run(action: FormAction, options: RunOptions = {}): Promise<boolean> {
    if (this.busy) return false;
    const client = this.client;
    if (!client) {
      this.set({ alert: { message: this.common.m.noProvider(this.host.localName), retryable: false } });
      return false;
    }
    this.#lastRun = () => void this.run(action, options);
    const abort = (this.#abort = new AbortController());
    // Field errors are cleared before, not after: an action may set some of its own (a wrong password) and return normally.
    this.busy = true;
    this.set({ alert: undefined, fieldErrors: {} });
    try {
      await action(client, abort.signal);
      return true;
    } catch (error) {
      if (!abort.signal.aborted && !options.handle?.(error)) this.place(error, options.fields ?? []);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Puts an error where the customer will see it: validation issues on `fields`, anything else in the alert. */
  place(error: unknown, fields: readonly string[]): void {
    const m = this.common.m;
    if (isValidationError(error)) {
      const placed = fieldFaultsOf(error, fields, m);
      this.set({ fieldErrors: placed.fields, alert: placed.alert });
    } else {
      this.set({ alert: faultOf(error, m) });
    }
    this.#focusAfterRender = true;
  }

  /** Sets field errors found before sending (live checks) and focuses the first. */
  showFieldErrors(errors: Record<string, string>): void {
    const n = Object.keys(errors).length;
    this.set({ fieldErrors: errors, alert: n ? { message: this.common.m.fixFields(n), retryable: false } : undefined });
    this.#focusAfterRender = n > 0;
  }

  /** A problem with the form as a whole (wrong credentials): the alert says it, and `focus` (a selector) gets the focus, else the alert. */
  showFormProblem(message: string, focus?: string): void {
    this.set({ fieldErrors: {}, alert: { message, retryable: false } });
    this.#focusTarget = focus;
    this.#focusAfterRender = true;
  }

  async #focusFirstProblem(): Promise<void> {
    // Inputs inside child elements (<wb-password-input>) mark themselves invalid in their own update, which runs after this form's.
    const host = this.host;
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

  // ---------------------------------------------------------------- rendering

  /** The "needs a provider" notice, when there is no client. */
  renderNoProvider(): TemplateResult | typeof nothing {
    return this.client ? nothing : html`<p class="wb-alert" role="alert">${this.common.m.noProvider(this.host.localName)}</p>`;
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

  /** The submit button: says it is sending while a request is in flight. */
  renderSubmitButton(label: string): TemplateResult {
    return html`<button type="submit" class="wb-button" part="submit-button" aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.busy ? this.common.m.sending : label}
    </button>`;
  }
}
