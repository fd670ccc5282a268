/**
 * Message catalogs load per locale on first use (issue 12): a Japanese
 * element never requests the English catalog and the other way round, an
 * element renders only once its catalog is there (first text Japanese on a
 * `lang="ja"` page, no English flash), and a `lang` change loads the other
 * catalog, then re-renders.
 *
 * Each test file runs in a page of its own, so catalogs start unloaded here.
 * The elements are imported in `before`, after a PerformanceObserver starts
 * recording every module the page fetches: a catalog bundled into an
 * element's own module would show up as well. The tests run in order: the
 * Japanese page first, while no English catalog is loaded.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { WbLogin } from '../../components/login/login.js';
import type { WbPasswordChange } from '../../components/password-change/password-change.js';
import { defineMessages, LocalizeController, WbLocalizedElement, type Catalog } from '../../components/shared/localize.js';

const fetched: string[] = [];
const observer = new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name)));
observer.observe({ type: 'resource', buffered: true });

/** The catalog modules (`…/messages.ja.ts`, `…/checklist-messages.en.ts`) the page has fetched so far, as `folder/file` without extension. */
function catalogsFetched(): string[] {
  const names = new Set([...fetched, ...performance.getEntriesByType('resource').map((entry) => entry.name)]);
  return [...names]
    .map((name) => /\/components\/([\w-]+\/[\w-]+\.(?:en|ja))\.(?:js|ts)\b/.exec(name)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Mounts `tag` in a fresh `<div lang=…>`, recording the element's text after each change of its DOM until `updateComplete`. */
async function mount<T extends HTMLElement & { updateComplete: Promise<unknown> }>(tag: string, lang: string): Promise<{ el: T; container: HTMLElement; texts: string[] }> {
  const container = document.createElement('div');
  container.lang = lang;
  const el = document.createElement(tag) as T;
  const texts: string[] = [];
  const recorder = new MutationObserver(() => texts.push(el.textContent ?? ''));
  recorder.observe(el, { childList: true, subtree: true, characterData: true });
  container.append(el);
  document.body.append(container);
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve)); // the recorder's last callback
  recorder.disconnect();
  return { el, container, texts };
}

let loginMessages: Catalog<{ title: string }>;
let common: Catalog<{ logIn: string }>;

before(async () => {
  await import('../../components/login/define.js');
  await import('../../components/password-change/define.js');
  ({ loginMessages } = await import('../../components/login/messages.js'));
  ({ common } = await import('../../components/shared/messages.js'));
});

after(() => {
  observer.disconnect();
  document.querySelectorAll('body > div[lang]').forEach((div) => div.remove());
});

describe('message catalogs, one module per locale', () => {
  it('loads no catalog before an element needs one', () => {
    expect(catalogsFetched()).to.deep.equal([]);
    expect(loginMessages.loaded('ja')).to.equal(undefined);
  });

  it('renders a lang="ja" element first in Japanese: it waits for its catalogs, with no English flash', async () => {
    const { el, texts } = await mount<WbLogin>('wb-login', 'ja');
    expect(texts.length, 'the element rendered').to.be.greaterThan(0);
    expect(texts[0]).to.contain('Web Billing ログイン');
    for (const text of texts) expect(text).not.to.contain('Log in to Web Billing');
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).to.equal('ログイン');
    // <wb-password-input> inside it shares the catalog of every element, loaded once.
    expect(el.querySelector('wb-password-input')?.textContent).to.contain('表示');
  });

  it('on a Japanese page fetches the Japanese catalogs only, each once', async () => {
    await mount<WbLogin>('wb-login', 'ja-JP');
    expect(catalogsFetched()).to.deep.equal(['login/messages.ja', 'shared/messages.ja']);
    expect(loginMessages.loaded('en')).to.equal(undefined);
    expect(common.loaded('en')).to.equal(undefined);
    const fetches = fetched.filter((name) => name.includes('/components/login/messages.ja.'));
    expect(fetches, 'the login catalog fetched once').to.have.length(1);
  });

  it('when lang changes, loads the other catalog and then renders in it; updateComplete covers the load', async () => {
    const { el, container } = await mount<WbLogin>('wb-login', 'ja');
    container.lang = 'en';
    await null; // the lang observer's callback runs first
    await el.updateComplete;
    expect(el.querySelector('h2')?.textContent).to.contain('Log in to Web Billing');
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).to.equal('Log in');
    expect(catalogsFetched()).to.include.members(['login/messages.en', 'shared/messages.en']);
    container.lang = 'ja';
    await null;
    await el.updateComplete;
    expect(el.querySelector('h2')?.textContent).to.contain('Web Billing ログイン');
  });

  it('on an English page never fetches the Japanese catalogs of an element', async () => {
    const { el, texts } = await mount<WbPasswordChange>('wb-password-change', 'en');
    expect(texts[0]).to.contain('Change your password');
    expect(el.textContent).to.contain('Change your password');
    const fetchedNow = catalogsFetched();
    expect(fetchedNow).to.include.members(['password-change/messages.en', 'shared/checklist-messages.en']);
    expect(fetchedNow).not.to.include('password-change/messages.ja');
    expect(fetchedNow).not.to.include('shared/checklist-messages.ja');
  });
});

/** A catalog whose Japanese module fails to load the first time, as a chunk may on a bad network. */
let jaAttempts = 0;
const flaky = defineMessages({
  en: () => Promise.resolve({ default: { hello: 'Hello' } }),
  ja: () => (++jaAttempts === 1 ? Promise.reject(new Error('chunk failed to load')) : Promise.resolve({ default: { hello: 'こんにちは' } })),
});

class FlakyElement extends WbLocalizedElement {
  readonly i18n = new LocalizeController(this, flaky);
  protected override createRenderRoot(): HTMLElement {
    return this; // light DOM, which mount() records
  }
  protected override render() {
    return html`<p>${this.i18n.m.hello}</p>`;
  }
}
customElements.define('wb-test-flaky', FlakyElement);

describe('a catalog that fails to load', () => {
  const reported: unknown[] = [];
  const reportError = window.reportError;
  // Recorded, not reported: the test runner fails a test on any reported error.
  before(() => (window.reportError = (error: unknown) => reported.push(error)));
  after(() => (window.reportError = reportError));

  it('is reported, leaves the element unrendered (no render without messages), and loads again on the next lang change', async () => {
    const { el, container, texts } = await mount<FlakyElement>('wb-test-flaky', 'ja');
    expect(reported.map((error) => (error as Error).message)).to.deep.equal(['chunk failed to load']);
    expect(texts).to.deep.equal([]);
    expect(el.hasUpdated).to.equal(false);
    container.lang = 'en';
    await null;
    await el.updateComplete;
    expect(el.textContent).to.contain('Hello');
    container.lang = 'ja';
    await null;
    await el.updateComplete;
    expect(el.textContent).to.contain('こんにちは');
    expect(jaAttempts).to.equal(2);
  });
});
