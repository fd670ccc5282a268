/**
 * Server text containing markup renders as text in every element that shows
 * server text (issue 6, "Rendering"). The reference backend's own answers are
 * taken through `backend.fetch` and every server-written text in them (each
 * `{ ja, en }` text, the customer's name and the masked email addresses) is prefixed with markup, so the
 * bodies stay contract-valid. No `<img>` or `<b>` may appear in the element's
 * light DOM or (nested) shadow roots, the literal markup must be visible as
 * text, and the `onerror` handler must never run.
 *
 * <wb-billing-list> is left out: it shows no server-written text (months,
 * amounts, dates and statuses only).
 */
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../../components/index.js';
import type { WebBillingClient } from '../../../src/index.js';
import { mountInProvider, testClient, until, useBackend } from '../../support/backend.js';

const backend = useBackend();

const MARKUP = '<img src=x onerror="window.__xss=1"><b>bold</b>';
const POISONED_PATHS = [
  '/api/v1/account',
  '/api/v1/account/lines',
  '/api/v1/billing/months/:month/summary',
  '/api/v1/billing/months/:month/breakdown',
  '/api/v1/reissue-email/questions',
  '/api/v1/reissue-email',
  '/api/v1/notice-email',
];
const POISONED_KEYS = new Set(['customerName', 'email', 'pendingEmail']);

function poison(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(poison);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const isText = entries.length === 2 && typeof (value as { ja?: unknown }).ja === 'string' && typeof (value as { en?: unknown }).en === 'string';
  return Object.fromEntries(
    entries.map(([key, v]) => [key, isText || POISONED_KEYS.has(key) ? `${MARKUP} ${v as string}` : poison(v)]),
  );
}

/** Answers the poisoned paths with the reference backend's own answer, its texts prefixed with markup. */
function serveMarkup(): void {
  backend().worker.use(
    ...POISONED_PATHS.map((path) =>
      http.get(path, async ({ request }) => {
        const answer = await backend().fetch(request.url, { headers: request.headers });
        if (!answer.ok) return answer;
        return HttpResponse.json(poison(await answer.json()) as Record<string, unknown>, { status: answer.status });
      }),
    ),
  );
}

/** Every node under `root`, descending into open shadow roots. */
function* deep(root: Node): Generator<Node> {
  yield root;
  const shadow = (root as Element).shadowRoot;
  if (shadow) yield* deep(shadow);
  for (const child of root.childNodes) yield* deep(child);
}
const deepText = (root: Node) => [...deep(root)].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
const deepElements = (root: Node, tag: string) => [...deep(root)].filter((n) => n instanceof Element && n.localName === tag);

type Case = [name: string, loginId: string, template: TemplateResult, open?: (el: HTMLElement) => Promise<void>, prepare?: (client: WebBillingClient) => Promise<unknown>, where?: string];
const CASES: Case[] = [
  ['<wb-top> (customer name)', 'taro2024', html`<wb-top></wb-top>`],
  ['<wb-billing-summary> (notice titles and bodies, usage labels)', 'taro2024', html`<wb-billing-summary month="2026-11"></wb-billing-summary>`],
  ['<wb-breakdown> (company names, item labels)', 'corp-admin1', html`<wb-breakdown month="2026-11"></wb-breakdown>`],
  [
    '<wb-line-picker> (company names, line services)',
    'corp-admin1',
    html`<wb-line-picker></wb-line-picker>`,
    async (el) => {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
      input.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    },
  ],
  ['<wb-reissue-email> (masked registered address, question text)', 'taro2024', html`<wb-reissue-email></wb-reissue-email>`, undefined, undefined, '[part~="registered-email"]'],
  ['<wb-reissue-email> (secret-question options of the register form)', 'corp-admin1', html`<wb-reissue-email></wb-reissue-email>`, undefined, (c) => c.reissueEmail.delete(), 'select[name="questionId"]'],
  ['<wb-notice-email> (masked registered address)', 'taro2024', html`<wb-notice-email></wb-notice-email>`],
  ['<wb-password-reissue> (secret-question texts)', 'taro2024', html`<wb-password-reissue></wb-password-reissue>`],
];
const PASSWORDS: Record<string, string> = { taro2024: 'Sakura2024!', 'corp-admin1': 'Corp2026pass' };

describe('server text with markup renders as text', () => {
  afterEach(() => {
    delete (window as { __xss?: unknown }).__xss;
  });

  for (const [name, loginId, template, open, prepare, where] of CASES) {
    it(name, async () => {
      const client = testClient();
      await client.auth.login({ loginId, password: PASSWORDS[loginId]! });
      await prepare?.(client);
      serveMarkup();
      const { el } = await mountInProvider<HTMLElement>(template, client);
      if (open) {
        await until(() => el.shadowRoot?.querySelector('[part~="input"]'), 5_000, 'the picker');
        await open(el);
      }
      await until(() => deepText(el).includes('bold'), 5_000, `server text in ${name}`);
      await new Promise((r) => setTimeout(r, 50)); // an injected <img> would have fired onerror by now
      expect(deepText(el)).to.contain(MARKUP);
      if (where) expect(deepText(el.querySelector(where)!), where).to.contain(MARKUP);
      expect(deepElements(el, 'img'), '<img> elements').to.have.length(0);
      expect(deepElements(el, 'b'), '<b> elements').to.have.length(0);
      expect(document.querySelector('img, b')).to.equal(null);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });
  }
});
