import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { common } from '../shared/messages.js';
import { adoptLightStyles, formStyles } from '../shared/styles.js';
import { passwordInputStyles } from './password-input.styles.js';

const MASK = '●';
let nextId = 0;

/**
 * A password field that shows every character typed as ● except the last
 * one typed, as the service's own screens do ("aBc9DeFg" shows
 * "●●●●●●●g"), with a show/hide toggle. Paste is allowed (a paste shows no
 * character). The `<input>` is a real `type="password"` input in light DOM,
 * so password managers and autofill see it.
 *
 * @summary Password field with the last typed character visible and a show/hide toggle.
 * @tag wb-password-input
 *
 * @fires input - The native `input` event of the inner `<input>` (its `value` is the password).
 *
 * @csspart field - The wrapper of label, control, hint and error.
 * @csspart label - The label.
 * @csspart input - The `<input>`.
 * @csspart reveal-button - The show/hide toggle.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message.
 *
 * @cssprop --wb-color-border - Border of the input.
 * @cssprop --wb-color-danger - Border and text of an error.
 * @cssprop --wb-radius - Corner radius.
 */
export class WbPasswordInput extends WbLocalizedElement {
  /** The visible label. */
  @property() label = '';
  /** The input's `name` (for forms and password managers). */
  @property() name = 'password';
  /** `current-password` to log in, `new-password` to choose one. */
  @property() autocomplete: 'current-password' | 'new-password' = 'current-password';
  /** The password. */
  @property({ attribute: false }) value = '';
  /** A hint shown under the label. */
  @property() hint = '';
  /** An error shown under the input; marks the input invalid. */
  @property() error = '';
  /** Ids of more elements that describe the input, e.g. a checklist of the rules (set by a parent form). */
  @property({ attribute: false }) describedBy = '';
  /** The inner input's id (set by a parent form to keep ids unique and stable). */
  @property({ attribute: false }) inputId = `wb-password-${++nextId}`;

  /** Whether the password is shown in clear. */
  @state() private revealed = false;
  /** Index of the character typed last, shown unmasked; -1 for none. */
  @state() private lastTyped = -1;

  private readonly i18n = new LocalizeController(this, common);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightStyles(this, formStyles);
    adoptLightStyles(this, passwordInputStyles);
  }

  /** Moves focus to the input. */
  override focus(options?: FocusOptions): void {
    this.querySelector('input')?.focus(options);
  }

  /** What the field shows when hidden: ● for each character but the one typed last. */
  get maskedText(): string {
    return Array.from(this.value, (ch, i) => (i === this.lastTyped ? ch : MASK)).join('');
  }

  private onInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    this.value = input.value;
    const typedOne = event.inputType === 'insertText' && event.data !== null && [...event.data].length === 1;
    this.lastTyped = typedOne && input.selectionStart !== null ? [...input.value.slice(0, input.selectionStart)].length - 1 : -1;
  }

  protected override render() {
    const id = this.inputId;
    const describedBy = [this.hint ? `${id}-hint` : '', this.describedBy, this.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const m = this.i18n.m;
    const masked = !this.revealed && this.value !== '';
    return html`<div class="wb-field" part="field">
      <label class="wb-label" part="label" for=${id}>${this.label}</label>
      ${this.hint ? html`<p class="wb-hint" part="hint" id="${id}-hint">${this.hint}</p>` : nothing}
      <div class="wb-password">
        <div class="wb-password-box">
          <input
            class="wb-input"
            part="input"
            id=${id}
            name=${this.name}
            type=${this.revealed ? 'text' : 'password'}
            autocomplete=${this.autocomplete}
            autocapitalize="off"
            spellcheck="false"
            required
            ?data-masked=${masked}
            .value=${this.value}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${this.onInput}
          />
          ${masked ? html`<span class="wb-password-mask" aria-hidden="true">${this.maskedText}</span>` : nothing}
        </div>
        <button
          type="button"
          class="wb-reveal"
          part="reveal-button"
          aria-controls=${id}
          aria-pressed=${this.revealed ? 'true' : 'false'}
          aria-label=${this.revealed ? m.hidePassword(this.label) : m.showPassword(this.label)}
          @click=${() => (this.revealed = !this.revealed)}
        >
          ${this.revealed ? m.hide : m.show}
        </button>
      </div>
      <p class="wb-error" part="error" id="${id}-error">${this.error}</p>
    </div>`;
  }
}
