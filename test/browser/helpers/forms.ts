/**
 * Filling the light-DOM forms of the elements the way a customer does:
 * typing into inputs, choosing in a `<select>`, pressing a button.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { WebBillingClient } from '../../../src/index.js';
import { testClient, until } from '../../support/backend.js';

/** The field control called `name` inside `el`. */
export function field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(el: Element, name: string): T {
  const control = el.querySelector<T>(`input[name="${name}"], select[name="${name}"]`);
  if (!control) throw new Error(`no field named ${name}`);
  return control;
}

/** Replaces the text of input `name` by typing `text` with the keyboard. */
export async function type(el: Element, name: string, text: string): Promise<void> {
  const input = field(el, name);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

/** Chooses option `value` of the `<select>` called `name`, as a pointer would. */
export function choose(el: Element, name: string, value: string): void {
  const select = field<HTMLSelectElement>(el, name);
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clicks the button with part `part` (waiting for it first). */
export async function press(el: Element, part: string, timeout = 3_000): Promise<void> {
  await until(() => el.querySelector(`[part~="${part}"]`), timeout, `[part~="${part}"]`);
  el.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!.click();
}

/** The text of the error shown for field `name`, found through its `aria-describedby`. */
export function errorOf(el: Element, name: string): string {
  const control = field<HTMLInputElement | HTMLSelectElement>(el, name);
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** A client logged in as `loginId`. */
export async function loggedInClient(loginId: string, password: string): Promise<WebBillingClient> {
  const client = testClient();
  await client.auth.login({ loginId, password });
  return client;
}

/** Records the events called `type` that reach `document`. */
export function recordEvents<K extends keyof GlobalEventHandlersEventMap>(type: K): { events: GlobalEventHandlersEventMap[K][]; stop(): void } {
  const events: GlobalEventHandlersEventMap[K][] = [];
  const listener = (event: GlobalEventHandlersEventMap[K]): void => {
    events.push(event);
  };
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}
