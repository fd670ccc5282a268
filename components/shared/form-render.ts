/**
 * The parts the kit's light-DOM forms draw alike, as functions of the
 * form's {@link FormController} (its ids, field errors and busy state): a
 * screen, a message screen, the text, email and password fields, the
 * secondary and "To the top screen" buttons. Functions rather than methods,
 * so that a page bundles only those its forms use.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { WbTopRequestedEvent } from './events.js';
import type { FormController } from './form-controller.js';

/** Shortest check of an email the browser's `type=email` rule accepts; the input's own validity is preferred when rendered. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * One screen of a form: a focusable title, the notice, the body, the alert
 * and the actions; a `<form>` when it submits, else a `<section>`.
 */
export function renderScreen(form: FormController, title: string, body: unknown, options: { onSubmit?: (e: SubmitEvent) => unknown; actions: unknown }): TemplateResult {
  const titleId = `${form.idPrefix}-title`;
  const content = html`<h2 id=${titleId} tabindex="-1">${title}</h2>
    ${form.notice ? html`<p class="wb-notice" part="notice" role="status">${form.notice}</p>` : nothing}
    ${body} ${form.renderAlert()}
    <div class="wb-actions">${options.actions}</div>`;
  return options.onSubmit
    ? html`<form class="wb-form" part="form" novalidate aria-labelledby=${titleId} @submit=${options.onSubmit}>${content}</form>`
    : html`<section class="wb-form" part="form" aria-labelledby=${titleId}>${content}</section>`;
}

/** A screen that only says something (no alert, no notice): a focusable title (id suffix `name`), the body and the actions. */
export function renderMessage(form: FormController, title: string, body: unknown, actions: unknown, name = 'msg'): TemplateResult {
  const titleId = `${form.idPrefix}-${name}`;
  return html`<section class="wb-form" part="form" aria-labelledby=${titleId}>
    <h2 id=${titleId} tabindex="-1">${title}</h2>
    ${body}
    <div class="wb-actions">${actions}</div>
  </section>`;
}

/** "To the top screen", the way on from a completion screen: fires `wb-top-requested`, and unless it is cancelled runs `inPlace`. */
export function renderTopButton(form: FormController, inPlace: () => void): TemplateResult {
  const onClick = (): void => {
    if (form.host.dispatchEvent(new WbTopRequestedEvent())) inPlace();
  };
  return html`<button type="button" class="wb-button" part="top-button" @click=${onClick}>${form.common.m.toTop}</button>`;
}

/** A secondary action button. */
export function renderSecondaryButton(part: string, label: string, onClick: () => void): TemplateResult {
  return html`<button type="button" class="wb-button wb-secondary" part=${part} @click=${onClick}>${label}</button>`;
}

/** What {@link renderTextField} draws. */
export interface TextFieldOptions {
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
}

/** A labelled text field with its hint and error. */
export function renderTextField(form: FormController, options: TextFieldOptions): TemplateResult {
  const { name, label, value, hint } = options;
  const id = form.fieldId(name);
  const error = form.fieldErrors[name];
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
      aria-describedby=${form.describedBy(name, Boolean(hint), options.describedBy)}
      @input=${(e: InputEvent) => options.onInput((e.target as HTMLInputElement).value)}
      @blur=${() => options.onBlur?.()}
    />
    <p class="wb-error" part="error" id="${id}-error">${error ?? ''}</p>
  </div>`;
}

/** The `email` field: a `type=email` input that autofill fills, with its hint and error. */
export function renderEmailField(form: FormController, label: string, hint: string, value: string, onInput: (value: string) => void): TemplateResult {
  return renderTextField(form, { name: 'email', label, value, type: 'email', autocomplete: 'email', inputmode: 'email', hint, onInput });
}

/** Whether an email address is well formed: the rendered input's own `type=email` check, else a plain shape check. */
export function isEmailShaped(form: FormController, name: string, value: string): boolean {
  const input = form.host.querySelector<HTMLInputElement>(`#${form.fieldId(name)}`);
  if (input?.type === 'email') return !input.validity.typeMismatch && value.trim() !== '';
  return EMAIL_SHAPE.test(value.trim());
}

/** A password field (see `<wb-password-input>`) with its hint and error. */
export function renderPasswordField(
  form: FormController,
  options: {
    name: string;
    label: string;
    value: string;
    onInput: (value: string) => void;
    autocomplete: 'current-password' | 'new-password';
    hint?: string;
    /** Ids of more elements that describe the input (a checklist). */
    describedBy?: string;
  },
): TemplateResult {
  const { name } = options;
  return html`<wb-password-input
    part="${name}-field"
    .inputId=${form.fieldId(name)}
    name=${name}
    label=${options.label}
    autocomplete=${options.autocomplete}
    .value=${options.value}
    .hint=${options.hint ?? ''}
    .error=${form.fieldErrors[name] ?? ''}
    .describedBy=${options.describedBy ?? ''}
    @input=${(e: Event) => options.onInput((e.target as HTMLInputElement).value)}
  ></wb-password-input>`;
}
