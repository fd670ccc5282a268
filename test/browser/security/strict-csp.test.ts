/**
 * The elements under a strict Content Security Policy with Trusted Types
 * (issue 6, "Rendering"): a static page (test/browser/fixtures/strict-csp.html)
 * with `script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
 * trusted-types lit-html` loads every element and the reference backend; the
 * test logs in through <wb-login>, renders the billing elements, and checks
 * that no `securitypolicyviolation` fired and everything rendered.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BrowserBackend } from '../../../mocks/browser.js';
import type { WebBillingClient } from '../../../src/index.js';
import { until } from '../../support/backend.js';

interface CspApp {
  violations: string[];
  backend: BrowserBackend;
  client: WebBillingClient;
}

const CORP = { loginId: 'corp-admin1', password: 'Corp2026pass' };

let frame: HTMLIFrameElement;
let app: CspApp;
let doc: Document;

async function openPage(): Promise<void> {
  frame = document.createElement('iframe');
  frame.style.width = '1024px';
  frame.style.height = '768px';
  frame.src = '/test/browser/fixtures/strict-csp.html';
  document.body.append(frame);
  await until(() => (frame.contentWindow as unknown as { cspApp?: CspApp } | null)?.cspApp, 15_000, 'the strict-CSP page to start').catch((e: Error) => {
    const early = (frame.contentWindow as unknown as { cspViolations?: string[] } | null)?.cspViolations;
    throw new Error(`${e.message}; violations so far: ${JSON.stringify(early)}; page: ${frame.contentDocument?.documentElement.outerHTML.slice(0, 2000)}`);
  });
  app = (frame.contentWindow as unknown as { cspApp: CspApp }).cspApp;
  doc = frame.contentDocument!;
}

/** A `<wb-provider>` over the page's client holding `tags`, built with DOM calls only. */
function mount(...tags: [string, Record<string, string>?][]): HTMLElement[] {
  doc.body.replaceChildren();
  const provider = doc.createElement('wb-provider') as HTMLElement & { client: WebBillingClient };
  provider.client = app.client;
  const els = tags.map(([tag, attrs = {}]) => {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    return el;
  });
  provider.append(...els);
  doc.body.append(provider);
  return els;
}

const inShadow = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector) ?? null;

describe('strict CSP with Trusted Types', function () {
  this.timeout(30_000);

  before(openPage);
  after(async () => {
    await app?.backend.stop();
    frame?.remove();
  });

  it('logs in through <wb-login> and renders every billing element with no CSP violation', async () => {
    const [login] = mount(['wb-login']);
    await until(() => login!.querySelector('input[name="loginId"]'), 5_000, 'login form');
    let loggedIn = 0;
    doc.addEventListener('wb-logged-in', () => loggedIn++);
    login!.querySelector<HTMLInputElement>('input[name="loginId"]')!.focus();
    await sendKeys({ type: CORP.loginId });
    login!.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!.focus();
    await sendKeys({ type: CORP.password });
    await sendKeys({ press: 'Enter' });
    await until(() => loggedIn === 1, 5_000, 'wb-logged-in');

    const [top, summary, breakdown, list, picker] = mount(
      ['wb-top'],
      ['wb-billing-summary', { month: '2026-11' }],
      ['wb-breakdown', { month: '2026-11' }],
      ['wb-billing-list'],
      ['wb-line-picker'],
    );
    await until(() => inShadow(top!, '[part~="amount"]'), 5_000, '<wb-top> amount');
    await until(() => inShadow(summary!, '[part~="total"]'), 5_000, '<wb-billing-summary> total');
    await until(() => inShadow(breakdown!, '[part~="total"]'), 5_000, '<wb-breakdown> total');
    await until(() => (list!.shadowRoot ?? list!).querySelector('[part~="row"]'), 5_000, '<wb-billing-list> rows');
    await until(() => inShadow(picker!, '[part~="input"]'), 5_000, '<wb-line-picker> input');
    inShadow(picker!, '[part~="input"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    (inShadow(picker!, '[part~="input"]') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => inShadow(picker!, '[role="option"]'), 5_000, '<wb-line-picker> options');

    // Static styles arrive as constructed style sheets, which the policy allows.
    const sheets = summary!.shadowRoot!.adoptedStyleSheets.length;
    expect(sheets, 'adopted style sheets').to.be.greaterThan(0);
    expect([...new Set(app.violations)]).to.deep.equal([]);
  });

  it('renders the credential forms with no CSP violation', async () => {
    const els = mount(['wb-credential-setup'], ['wb-password-change'], ['wb-reissue-email'], ['wb-password-reissue'], ['wb-notice-email']);
    for (const el of els) {
      await until(() => el.querySelector('form, [part~="form"]') && !el.querySelector('[part~="loading"], [aria-busy="true"]'), 5_000, `<${el.localName}> form`);
    }
    expect([...new Set(app.violations)]).to.deep.equal([]);
  });
});
