/**
 * DEMO ONLY, not part of the kit: a panel showing the reference backend's
 * outbox (every mail it "sent"), a control to move its clock, so that
 * mailed links, their 24-hour expiry and the monthly amount mail can be
 * tried, and the demo accounts.
 *
 * The panel is in the page's HTML from the start, at a fixed size, so that
 * filling it moves nothing: a disclosure, open at first beside the screen on
 * a wide window, closed at first as a bar at the bottom of a narrow one
 * (where it shows the number of new mails, and a new mail is announced
 * politely).
 */
import { DEMO_ACCOUNTS, SECRET_QUESTIONS } from '../../mocks/demo-accounts.js';
import type { OutboxMail } from '../../src/contract/dev.js';
import { currentLang, onLangChange, t } from './chrome.js';
import type { DemoBackend } from './dev-backend.js';

const HOUR = 3_600_000;
const STEPS = [HOUR, 24 * HOUR, 14 * 24 * HOUR];
/** Where the panel is a bar over the page (portal.css's breakpoint). */
const NARROW = matchMedia('(max-width: 48rem)');
/** How many mails the customer has seen (the panel open), kept across reloads of this tab. */
const SEEN_KEY = 'web-billing-kit-demo:mails-seen';

/** Creates an element with properties and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** One mail: subject and body in both languages (the page's first), its link and any temporary password. */
function mailItem(mail: OutboxMail, open: (link: URL) => void, time: Intl.DateTimeFormat): HTMLLIElement {
  const m = t();
  const [first, second] = currentLang() === 'ja' ? (['ja', 'en'] as const) : (['en', 'ja'] as const);
  const id = `mail-${mail.id}`;
  const article = el('article', {}, el('h4', { id, lang: first }, mail.subject[first]), el('p', { lang: second }, mail.subject[second]));
  article.setAttribute('aria-labelledby', id);
  article.append(el('p', { className: 'meta' }, `${m.to} ${mail.to} · ${time.format(new Date(mail.sentAt))} JST`));
  if (mail.link) {
    // Same page, no reload (a new tab or the address bar works too: the backend's state is kept in this browser).
    const link = el('a', { href: mail.link }, mail.link);
    link.addEventListener('click', (e) => (e.preventDefault(), open(new URL(link.href))));
    article.append(el('p', {}, m.link, link));
  }
  if (mail.temporaryPassword) article.append(el('p', {}, m.temporaryPassword, el('code', {}, mail.temporaryPassword)));
  for (const lang of [first, second]) {
    article.append(el('details', { lang }, el('summary', {}, lang === 'en' ? 'Body (English)' : '本文（日本語）'), el('pre', {}, mail.body[lang])));
  }
  return el('li', {}, article);
}

/** The demo accounts, each with what it takes to use it: login ID and password, registered emails, the secret answer. */
function accountsList(): HTMLElement {
  const m = t();
  const lang = currentLang();
  const section = el('details', { className: 'accounts' }, el('summary', {}, m.accounts));
  for (const [name, account] of Object.entries(DEMO_ACCOUNTS) as [string, (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS]][]) {
    const postcard = account.credentialKind === 'postcard';
    const rows: [string, string][] = [
      [postcard ? m.initialId : m.loginId, account.loginId],
      [postcard ? m.initialPassword : m.passwordLabel, account.password],
    ];
    const reissue = 'reissueEmail' in account ? account.reissueEmail : undefined;
    rows.push([m.reissueEmailLabel, reissue?.email ?? m.none]);
    if (reissue) {
      const question = SECRET_QUESTIONS.find((q) => q.id === reissue.questionId)?.text[lang] ?? reissue.questionId;
      rows.push([m.secret, `${question} ${reissue.answer}`]);
    }
    rows.push([m.noticeEmailLabel, 'noticeEmail' in account ? account.noticeEmail.email : m.none]);
    const list = el('dl');
    for (const [term, value] of rows) list.append(el('dt', {}, term), el('dd', {}, value));
    section.append(el('h4', {}, m.account[name] ?? name), list);
  }
  return section;
}

/** Fills the page's mailbox panel and keeps it up to date. */
export function startMailbox(backend: DemoBackend, { open, reset: resetDemo }: { open: (link: URL) => void; reset: () => void }): void {
  const panel = document.querySelector<HTMLElement>('.mailbox')!;
  const toggle = panel.querySelector<HTMLButtonElement>('.mailbox-toggle')!;
  const body = panel.querySelector<HTMLElement>('.mailbox-body')!;
  const badge = panel.querySelector<HTMLElement>('.mailbox-new')!;
  const live = panel.querySelector<HTMLElement>('.mailbox-live')!;

  const expanded = () => toggle.getAttribute('aria-expanded') === 'true';
  function setExpanded(open: boolean): void {
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (open) {
      words();
      draw();
      markSeen();
    }
  }
  toggle.addEventListener('click', () => setExpanded(!expanded()));
  // Over the page on a narrow screen: Escape closes it, back on its bar.
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && NARROW.matches && expanded()) {
      setExpanded(false);
      toggle.focus();
    }
  });
  // A link opened from a mail shows its screen: on a narrow screen the panel closes so that screen is not hidden.
  const openLink = (link: URL): void => {
    if (NARROW.matches) setExpanded(false);
    open(link);
  };

  let seen = Number(sessionStorage.getItem(SEEN_KEY) ?? 0);
  let total = 0;
  function markSeen(): void {
    seen = total;
    sessionStorage.setItem(SEEN_KEY, String(seen));
    showBadge();
  }
  function showBadge(): void {
    badge.textContent = t().newMails(Math.max(0, total - seen));
  }

  const clock = el('output');
  const count = el('span');
  const list = el('ol', { reversed: true });
  const steps = STEPS.map((ms) => {
    const button = el('button', { type: 'button' });
    button.addEventListener('click', () => void backend.clock(ms).then(() => refresh()));
    return button;
  });
  const group = el('div', { className: 'steps', role: 'group' }, ...steps);
  // Forgets the kept state and loads the page again, which starts from the seeded state.
  const reset = el('button', { type: 'button', className: 'reset' });
  reset.addEventListener('click', resetDemo);
  const about = el('p');
  const kept = el('p');
  const clockLabel = el('span');
  const mailsLabel = el('span');
  const accounts = el('div');
  body.append(about, kept, el('p', {}, clockLabel, clock), group, reset, accounts, el('h3', {}, mailsLabel, count), list);

  /** The language the panel's body is written in: none until it is first opened (a phone's closed bar shows only the count). */
  let wordsIn: string | undefined;
  /** The panel's words, in the page's language, while it is open. */
  function words(): void {
    if (!expanded() || wordsIn === currentLang()) return;
    wordsIn = currentLang();
    const m = t();
    about.textContent = m.mailboxAbout;
    kept.textContent = m.mailboxKept;
    clockLabel.textContent = m.clock;
    group.ariaLabel = m.advance;
    steps.forEach((button, i) => (button.textContent = m.steps[i] ?? ''));
    reset.textContent = m.reset;
    mailsLabel.textContent = m.mails;
    accounts.replaceChildren(accountsList());
  }

  /** What the backend said last: its mails and its clock. */
  let latest: { mails: OutboxMail[]; now: Date } | undefined;
  /** What the panel's body shows (language, mails, clock), so that an unchanged answer draws nothing. */
  let drawn = '';
  const keyOf = ({ mails, now }: { mails: OutboxMail[]; now: Date }): string => {
    // The last id too: after a reset (here or in another tab) there may be as many mails again.
    const last = mails.at(-1);
    return `${currentLang()} ${mails.length} ${last?.id} ${last?.kind} ${last?.to} ${now.getTime()}`;
  };
  /**
   * Draws the clock and the mails, only while the panel is open: a closed
   * panel (a narrow screen's bar) shows just the count of new mails, so a
   * phone's first screen does not pay for formatting dates it does not show
   * (the first Intl.DateTimeFormat of a page costs about 20 ms, 80 ms on a
   * throttled phone).
   */
  function draw(): void {
    if (!latest || !expanded()) return;
    const key = keyOf(latest);
    if (key === drawn) return;
    drawn = key;
    const { mails, now } = latest;
    const time = new Intl.DateTimeFormat(t().timeLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
    clock.value = `${time.format(now)} JST`;
    count.textContent = `(${mails.length})`;
    list.replaceChildren(...[...mails].reverse().map((mail) => mailItem(mail, openLink, time)));
  }

  /** The refresh under way, if any: one at a time. */
  let refreshing: Promise<void> | undefined;
  function refresh(): Promise<void> {
    refreshing ??= show()
      .catch((error: unknown) => console.warn('Mailbox:', error))
      .finally(() => (refreshing = undefined));
    return refreshing;
  }
  async function show(): Promise<void> {
    const [mails, now] = await Promise.all([backend.mails(), backend.clock()]);
    const first = latest === undefined;
    const before = latest && keyOf(latest);
    latest = { mails, now };
    if (keyOf(latest) === before) return;
    const last = mails.at(-1);
    // A new mail (not those found at page load, nor a reset): told politely, counted until the panel is opened.
    if (!first && mails.length > total && last) live.textContent = t().newMail(last.subject[currentLang()]);
    total = mails.length;
    draw();
    if (seen > total || expanded()) markSeen();
    else showBadge();
  }

  onLangChange(() => {
    words();
    showBadge();
    void refresh();
  });
  // Open at first where it sits beside the screen; a bar at the bottom of a narrow one.
  setExpanded(!NARROW.matches);
  void refresh();
  // The backend is the server's: its mails (from this tab, another tab or the clock) are read again every second.
  setInterval(() => void refresh(), 1000);
}
