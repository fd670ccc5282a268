/**
 * DEMO ONLY, not part of the kit: a panel showing the reference backend's
 * outbox (every mail it "sent") and a control to move its clock, so that
 * mailed links, their 24-hour expiry and the monthly amount mail can be tried.
 */
import type { OutboxMail } from '../../src/contract/dev.js';
import type { Backend } from '../../mocks/index.js';

const HOUR = 3_600_000;
const STEPS: [label: string, ms: number][] = [
  ['+1 h', HOUR],
  ['+24 h', 24 * HOUR],
  ['+14 days', 14 * 24 * HOUR],
];
const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });

/** Creates an element with properties and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** One mail: subject and body in both languages, its link and any temporary password. */
function mailItem(mail: OutboxMail, open: (link: URL) => void): HTMLLIElement {
  const id = `mail-${mail.id}`;
  const article = el('article', {}, el('h4', { id, lang: 'en' }, mail.subject.en), el('p', { lang: 'ja' }, mail.subject.ja));
  article.setAttribute('aria-labelledby', id);
  article.append(el('p', { className: 'meta' }, `To ${mail.to} · ${time.format(new Date(mail.sentAt))} JST`));
  if (mail.link) {
    // Same page, no reload (a new tab or the address bar works too: the backend's state is kept in this browser).
    const link = el('a', { href: mail.link }, mail.link);
    link.addEventListener('click', (e) => (e.preventDefault(), open(new URL(link.href))));
    article.append(el('p', {}, 'Link: ', link));
  }
  if (mail.temporaryPassword) article.append(el('p', {}, 'Temporary password: ', el('code', {}, mail.temporaryPassword)));
  for (const lang of ['en', 'ja'] as const) {
    article.append(el('details', { lang }, el('summary', {}, lang === 'en' ? 'Body (English)' : '本文（日本語）'), el('pre', {}, mail.body[lang])));
  }
  return el('li', {}, article);
}

/** Adds the mailbox panel to the page and keeps it up to date. */
export function startMailbox(backend: Backend, { open, reset: resetDemo }: { open: (link: URL) => void; reset: () => void }): void {
  const clock = el('output');
  const count = el('span');
  const list = el('ol', { reversed: true });
  const steps = STEPS.map(([label, ms]) => {
    const button = el('button', { type: 'button' }, label);
    button.addEventListener('click', () => (backend.clock.advance(ms), refresh()));
    return button;
  });
  // Forgets the kept state and loads the page again, which starts from the seeded state.
  const reset = el('button', { type: 'button', className: 'reset' }, 'Reset demo');
  reset.addEventListener('click', resetDemo);

  const panel = el(
    'aside',
    { className: 'mailbox', lang: 'en' },
    el('h2', { id: 'mailbox-title' }, 'Mailbox ', el('small', {}, '(demo only)')),
    el('p', {}, 'Not part of the kit: the mails the reference backend sent, and its clock. It runs in this page, so links open here.'),
    el('p', {}, 'The demo backend keeps its state in this browser until “Reset demo”.'),
    el('p', {}, 'Backend clock: ', clock),
    el('div', { className: 'steps', role: 'group', ariaLabel: 'Advance the backend clock' }, ...steps),
    reset,
    el('h3', {}, 'Mails ', count),
    list,
  );
  panel.setAttribute('aria-labelledby', 'mailbox-title');
  document.body.append(panel);

  let shown = '';
  function refresh(): void {
    const mails = backend.outbox.list();
    const now = backend.clock.now();
    // The last id too: another tab's state (taken over in main.ts) may have as many mails.
    const last = mails.at(-1);
    const key = `${mails.length} ${last?.id} ${last?.kind} ${last?.to} ${now.getTime()}`;
    if (key === shown) return;
    shown = key;
    clock.value = `${time.format(now)} JST`;
    count.textContent = `(${mails.length})`;
    list.replaceChildren(...mails.reverse().map((mail) => mailItem(mail, open)));
  }
  refresh();
  setInterval(refresh, 1000);
}
