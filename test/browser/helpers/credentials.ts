/**
 * What the tests of the credential forms share (`<wb-credential-setup>`,
 * `<wb-password-change>`): the demo accounts' credentials, mounting once the
 * policy's checklist shows, pasting into fields, reading the checklist,
 * sending, and the faults and request counts of the backend.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw/http';
import type { BrowserBackend } from '../../../mocks/browser.js';
import type { WebBillingClient } from '../../../src/index.js';
import { BASE, mountInProvider, testClient, until } from '../../support/backend.js';
import { field, type } from './forms.js';
import '../../../components/login/define.js';

/** The initial login ID and password on Hanako's postcard (the demo postcard account, for the first change). */
export const POSTCARD = { initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' };
/** Taro's login ID and password (the demo active account). */
export const TARO = { loginId: 'taro2024', password: 'Sakura2024!' };

/** A client in the first-change stage, after the postcard login. */
export async function postcardClient(): Promise<WebBillingClient> {
  const client = testClient();
  await client.auth.initialLogin(POSTCARD);
  return client;
}

/** Mounts `content` inside a provider with `client`, and waits until the checklist shows the rules of the backend's policy. */
export async function mountCredentialForm<T extends Element>(content: TemplateResult, client: WebBillingClient): Promise<{ el: T; client: WebBillingClient }> {
  const mounted = await mountInProvider<T>(content, client);
  await until(() => mounted.el.querySelector('[part~="check"]'), 3_000, 'the policy');
  return mounted;
}

/** Waits until `el` and its `<wb-password-input>`s have rendered. */
export async function settle(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await Promise.all([...el.querySelectorAll('wb-password-input')].map((p) => (p as unknown as { updateComplete: Promise<unknown> }).updateComplete));
}

/** Sets input `name` as a paste would (fast, for tables). */
export async function paste(el: HTMLElement & { updateComplete: Promise<unknown> }, name: string, value: string): Promise<void> {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }));
  await settle(el);
}

/** The item of `rule` in the checklist of the new login ID or password. */
export function checklistItem(el: Element, kind: 'login-id' | 'password', rule: string): HTMLElement {
  const item = el.querySelector<HTMLElement>(`[part~="${kind}-checklist"] [data-rule="${rule}"]`);
  if (!item) throw new Error(`no ${rule} rule in the ${kind} checklist`);
  return item;
}

/** Whether a checklist item shows its rule as met. */
export const isMet = (item: HTMLElement): boolean => item.hasAttribute('data-ok');

/** Sends the form of `el` as its submit button would. */
export const submit = (el: Element): void => el.querySelector('form')!.requestSubmit();

/** Makes the next POST to `path` fail with a 500 of the service. */
export function failNextPost(backend: BrowserBackend, path: string): void {
  backend.worker.use(
    http.post(`${BASE}${path}`, () => HttpResponse.json({ error: { code: 'internal', message: 'x' }, requestId: 'r' }, { status: 500 }), { once: true }),
  );
}

/** Runs `body` while counting the requests that start to a URL `counted` accepts; `requests()` is the count so far. */
export async function countingRequests(backend: BrowserBackend, counted: (url: string) => boolean, body: (requests: () => number) => Promise<void>): Promise<void> {
  let requests = 0;
  const onStart = ({ request }: { request: Request }): void => {
    if (counted(request.url)) requests++;
  };
  backend.worker.events.on('request:start', onStart);
  try {
    await body(() => requests);
  } finally {
    backend.worker.events.removeListener('request:start', onStart);
  }
}

/**
 * Submits the filled form of `el` twice at once: the submit button says it is
 * busy, and once `donePart` shows, one request has reached a URL ending in `path`.
 */
export async function expectOneRequestForDoubleSubmit(backend: BrowserBackend, el: HTMLElement & { updateComplete: Promise<unknown> }, path: string, donePart: string): Promise<void> {
  await countingRequests(backend, (url) => url.endsWith(path), async (requests) => {
    submit(el);
    submit(el);
    await el.updateComplete;
    expect(el.querySelector('[part~="submit-button"]')?.getAttribute('aria-disabled')).to.equal('true');
    await until(() => el.querySelector(`[part~="${donePart}"]`), 3_000, donePart);
    expect(requests()).to.equal(1);
  });
}

/**
 * Logs in on `<wb-login>` by keyboard, presses OK on the note it shows, and
 * returns the credential form `next` that `<wb-login>` shows in its place.
 */
export async function logInToChange<K extends 'wb-credential-setup' | 'wb-password-change'>(
  loginId: string,
  password: string,
  next: K,
): Promise<{ login: HTMLElement; client: WebBillingClient; form: HTMLElementTagNameMap[K] }> {
  const { el: login, client } = await mountInProvider<HTMLElement>(html`<wb-login></wb-login>`);
  await type(login, 'loginId', loginId);
  await type(login, 'password', password);
  await sendKeys({ press: 'Enter' });
  await until(() => login.querySelector('[part~="ok-button"]'), 3_000, 'the note after login');
  login.querySelector<HTMLButtonElement>('[part~="ok-button"]')!.click();
  await until(() => login.querySelector(`${next} form`), 3_000, next);
  return { login, client, form: login.querySelector(next)! };
}
