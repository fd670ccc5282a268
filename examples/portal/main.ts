/**
 * The demo partner portal: every `<wb-*>` element inside one
 * `<wb-provider>`, routed by the elements' events with a small hash router
 * (no framework). The reference backend answers `/api/v1` from the demo
 * server (`examples/serve.ts`), on this page's origin, as a partner's own
 * backend would: it keeps its state while the server runs (shared by the
 * site's tabs) until "Reset demo", so a mailed link opened in a new tab or
 * typed into the address bar finds the registration it was sent for.
 */
import { addLanguageOptions, onLangChange, savedLang, setLang, t } from './chrome.js';
import { whenIdle } from '../../components/shared/idle.js';
import { demoBackend } from './dev-backend.js';

// The language kept from the last visit, before anything renders (the elements follow <html lang>).
setLang(savedLang() ?? 'en');

// The header follows the session through the provider's events: found at page load, a login, a first change, an end.
// Listened to before the elements load, so not even the first (wb-session-restored) is missed.
const header = document.querySelector<HTMLElement>('.site-header')!;
const provider = document.querySelector('wb-provider')!;
/** Whether the provider has said (until then neither state shows, so nothing flips at a reload). */
let sessionKnown = false;
function showAccount(): void {
  if (!sessionKnown) return;
  const session = provider.client?.auth.current;
  header.dataset.session = session ? 'logged-in' : 'logged-out';
  const [before, after] = t().loggedInAs;
  header.querySelector('.account-status .before')!.textContent = before;
  header.querySelector('.account-status .after')!.textContent = after;
  header.querySelector('.login-id')!.textContent = session?.loginId ?? '';
}
function sessionChanged(): void {
  sessionKnown = true;
  showAccount();
}
for (const type of ['wb-session-restored', 'wb-logged-in', 'wb-logged-out', 'wb-credentials-changed'] as const) {
  document.addEventListener(type, sessionChanged);
}
// Logging out from the header: the provider then fires wb-logged-out, which routes to the login (below).
const logout = header.querySelector<HTMLButtonElement>('.logout')!;
logout.addEventListener('click', () => {
  logout.disabled = true;
  logout.textContent = t().loggingOut;
  void provider.client?.auth
    .logout()
    .catch((error: unknown) => console.warn('Logout:', error))
    .finally(() => {
      logout.disabled = false;
      logout.textContent = t().logout;
    });
});

// The elements: the demo server answers the API beside this page, as a partner's backend would.
// The provider, and each screen's element when the screen is first shown: a first visit evaluates what its
// screen needs, not every element (on a slow phone, each element's module is tens of milliseconds of main
// thread). Not the others once the page is idle: measured (docs/benchmarks.md), that work lands after the
// first paint and costs more than the next screen gains; their chunks are preloaded, so a next screen only
// evaluates its own.

const screen = document.querySelector<HTMLElement>('#screen')!;

/** Each screen element's module (`define.js`: registers it; the login loads the forms it moves on to when it needs one). */
const ELEMENTS: Partial<Record<keyof HTMLElementTagNameMap, () => Promise<unknown>>> = {
  'wb-login': () => import('../../components/login/define.js'),
  'wb-top': () => import('../../components/top/define.js'),
  'wb-billing-list': () => import('../../components/billing-list/define.js'),
  'wb-breakdown': () => import('../../components/breakdown/define.js'),
  'wb-billing-summary': () => import('../../components/billing-summary/define.js'),
  'wb-line-picker': () => import('../../components/line-picker/define.js'),
  'wb-reissue-email': () => import('../../components/reissue-email/define.js'),
  'wb-notice-email': () => import('../../components/notice-email/define.js'),
  'wb-password-reissue': () => import('../../components/password-reissue/define.js'),
  'wb-password-change': () => import('../../components/password-change/define.js'),
};

/**
 * Loads an element's module if it is not registered yet; the element on the page upgrades when it is. When
 * the module cannot be loaded (offline), a screen still waiting for it says so and offers to reload the page.
 */
function load(tag: keyof HTMLElementTagNameMap): void {
  if (customElements.get(tag)) return;
  ELEMENTS[tag]?.().catch((error: unknown) => {
    console.error(`Loading <${tag}>:`, error);
    if (!customElements.get(tag) && screen.querySelector(`:scope > ${tag}`)) unloaded();
  });
}

/** The elements of the screens that have their own (the others show the login, or the portal's own words). */
const SCREEN_ELEMENTS: Partial<Record<string, readonly (keyof HTMLElementTagNameMap)[]>> = {
  login: ['wb-login'],
  top: ['wb-top'],
  billing: ['wb-billing-list'],
  breakdown: ['wb-line-picker', 'wb-breakdown'],
  summary: ['wb-billing-summary'],
  lines: ['wb-line-picker'],
  'reissue-email': ['wb-reissue-email'],
  'notice-email': ['wb-notice-email'],
  'password-reissue': ['wb-password-reissue'],
  'password-change': ['wb-password-change'],
};

// The first screen's elements load beside the provider, not after it: a reload of #/billing asks for the
// billing list's chunks while the provider's arrive (on a phone's network, round trips fewer before the
// screen). No element is on the page before the first route, so none upgrades before the provider is there.
const firstScreen = location.pathname === '/confirm' ? undefined : location.hash.replace(/^#\/?/, '').split('/')[0] || 'login';
for (const tag of SCREEN_ELEMENTS[firstScreen ?? ''] ?? []) load(tag);
await import('../../components/provider/define.js');

/**
 * A screen whose element could not be loaded: what happened, and the way on. Reloading, not trying the
 * import again: some browsers (Chromium before 156) keep a failed module load until the page reloads.
 */
function unloaded(): void {
  const m = t();
  const alert = Object.assign(document.createElement('p'), { textContent: m.unloaded });
  alert.setAttribute('role', 'alert');
  const reload = Object.assign(document.createElement('button'), { type: 'button', className: 'reload', textContent: m.reload });
  reload.addEventListener('click', () => location.reload());
  portalScreen(m.unloadedTitle, alert, reload);
}

/** DEMO ONLY: the reference backend's development routes, for the mailbox panel. */
const backend = demoBackend(provider.getAttribute('base-url') ?? '/api/v1');

/** "Reset demo": the backend starts again from its seeded demo accounts, and the page loads again (no session, no mails). */
function resetDemo(): void {
  void backend
    .reset()
    .catch((error: unknown) => console.warn('Reset demo:', error))
    .finally(() => location.assign('/'));
}

const MONTH = /^\d{4}-\d{2}$/;

/** The screen to go back to after the login, when the session ended on it (`breakdown/2026-10`). */
let returnTo: string | undefined = sessionStorage.getItem('web-billing-kit-demo:return-to') ?? undefined;
/** The line or company chosen on a combined bill, kept across screens. */
let chosen: { line?: string; company?: string } = {};
/** The confirmation a mailed link asked for (its token never stays in the address bar). */
let confirmation: { purpose: string; token: string } | undefined;

/** Shows one screen: a new element with these properties. */
function show<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): void {
  load(tag);
  screen.replaceChildren(Object.assign(document.createElement(tag), props));
}

/** The partner's brand, as the page's header names it. */
const brand = document.querySelector('[data-brand]')?.textContent ?? 'Example Telecom';

/** The legal pages: the partner's own documents go here; this fictional company has none, and says so. */
function placeholder(which: 'terms' | 'privacy'): void {
  portalScreen(t()[which], Object.assign(document.createElement('p'), { textContent: t().placeholder(brand) }));
}

/** A screen of the portal's own (no element): a heading and what follows it. */
function portalScreen(title: string, ...content: Node[]): void {
  const article = document.createElement('article');
  article.append(Object.assign(document.createElement('h2'), { textContent: title }), ...content);
  screen.replaceChildren(article);
}

const screens: Record<string, (arg?: string) => void> = {
  // The login says why the customer is here (the provider tells it: a logout, an expiry, another tab).
  login: () => show('wb-login'),
  top: () => show('wb-top'),
  billing: () => show('wb-billing-list'),
  breakdown: (month) => {
    show('wb-line-picker', { lineNumber: chosen.line, companyId: chosen.company });
    load('wb-breakdown');
    screen.append(Object.assign(document.createElement('wb-breakdown'), { month, line: chosen.line, company: chosen.company }));
  },
  summary: (month) => show('wb-billing-summary', { month }),
  lines: () => show('wb-line-picker', { lineNumber: chosen.line, companyId: chosen.company }),
  'reissue-email': () => show('wb-reissue-email'),
  'notice-email': () => show('wb-notice-email'),
  'password-reissue': () => show('wb-password-reissue'),
  'password-change': () => show('wb-password-change'),
  terms: () => placeholder('terms'),
  privacy: () => placeholder('privacy'),
  confirm: () => {
    if (!confirmation) return go('login');
    show(confirmation.purpose === 'notice-email' ? 'wb-notice-email' : 'wb-reissue-email', { token: confirmation.token });
  },
};

/** Whether a screen was shown yet (the page's first screen does not take the focus). */
let rendered = false;
/** The screen shown (its route name). */
let current = '';

/** The tab's title: the screen's, then the site's, in the page's language. */
function showTitle(): void {
  const m = t();
  document.title = `${m.screens[current] ?? m.screens.login} · ${m.siteTitle(brand)}`;
}

/** Renders the screen named by the hash: `#/breakdown/2026-11`. */
function route(): void {
  const [name = '', arg] = location.hash.replace(/^#\/?/, '').split('/');
  const render = screens[name];
  if (!render || (name === 'breakdown' || name === 'summary') !== MONTH.test(arg ?? '')) {
    // Not a screen (the bare `/`, an old link): the login replaces this address rather than stacking on it,
    // so Back leaves the portal instead of landing here and being sent to the login again.
    history.replaceState(history.state, '', '#/login');
    return route();
  }
  render(arg);
  // Screen readers start at the new screen; the first screen leaves the focus at the page top (skip link first).
  if (rendered) screen.focus();
  rendered = true;
  current = name;
  showTitle();
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function go(path: string): void {
  if (location.hash === `#/${path}`) route();
  else location.hash = `#/${path}`;
}

/** Opens a mailed confirmation link in this page; the token leaves the address bar at once. */
function openConfirmation(link: URL, push = true): void {
  confirmation = { purpose: link.searchParams.get('purpose') ?? '', token: link.searchParams.get('token') ?? '' };
  history[push ? 'pushState' : 'replaceState'](null, '', '/#/confirm');
  route();
}

// Routing by the elements' events: cancel the cancelable ones, then go.
document.addEventListener('wb-logged-in', (e) => {
  if (e.stage !== 'active') return; // the login moves on in place to the first change or the forced password change
  // A login in place (inside a screen that needed the session) stays on that screen, which loads again.
  if ((e.target as Element).localName !== 'wb-login') return;
  e.preventDefault();
  const back = returnTo;
  remember(undefined);
  go(back ?? 'top');
});
document.addEventListener('wb-billing-requested', (e) => (e.preventDefault(), go('billing')));
document.addEventListener('wb-month-selected', (e) => go(`${e.view}/${e.month}`));
document.addEventListener('wb-line-selected', (e) => {
  chosen = { line: e.lineNumber, company: e.lineNumber ? undefined : e.companyId };
  const breakdown = screen.querySelector('wb-breakdown');
  if (breakdown) Object.assign(breakdown, chosen);
  else go('billing'); // picked from #/lines: now choose the month
});
document.addEventListener('wb-membership-requested', (e) => (e.preventDefault(), go(e.section)));
document.addEventListener('wb-forgot-password', (e) => (e.preventDefault(), go('password-reissue')));
document.addEventListener('wb-login-requested', (e) => (e.preventDefault(), go('login')));
document.addEventListener('wb-reissue-email-choice', (e) => (e.preventDefault(), go(e.now ? 'reissue-email' : 'top')));
document.addEventListener('wb-top-requested', (e) => (e.preventDefault(), go('top')));
/** Screens that need no session: an ended session leaves the customer on them. */
const PUBLIC = /^(login|confirm|password-reissue|terms|privacy)?$/;

document.addEventListener('wb-logged-out', (e) => {
  chosen = {};
  const here = location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (PUBLIC.test(here) && e.reason !== 'logout') return;
  // Ended by an expiry or in another tab: the login, then back to this screen and month.
  remember(e.reason !== 'logout' ? location.hash.replace(/^#\/?/, '') : undefined);
  go('login');
});
// Starting an email registration again needs a session: without one, the login first, then that screen.
for (const [type, screenName] of [
  ['wb-notice-email-restart', 'notice-email'],
  ['wb-reissue-email-restart', 'reissue-email'],
] as const) {
  document.addEventListener(type, (e) => {
    if (document.querySelector('wb-provider')?.client?.auth.current) return;
    e.preventDefault();
    remember(screenName);
    go('login');
  });
}

/** Keeps the screen to return to, across a reload of the login. */
function remember(path: string | undefined): void {
  returnTo = path;
  if (path) sessionStorage.setItem('web-billing-kit-demo:return-to', path);
  else sessionStorage.removeItem('web-billing-kit-demo:return-to');
}
addEventListener('hashchange', route);
// The skip link's #screen is not a route: focus the screen without re-rendering it.
document.querySelector('.skip-link')!.addEventListener('click', (e) => (e.preventDefault(), screen.focus()));

document.querySelector<HTMLSelectElement>('#lang')!.addEventListener('change', (e) => {
  setLang((e.target as HTMLSelectElement).value === 'ja' ? 'ja' : 'en');
});
onLangChange(() => {
  showTitle();
  showAccount();
  showCopyright();
  // The portal's own screens are its words: shown again in the new language (the elements follow by themselves).
  if (current === 'terms' || current === 'privacy') screens[current]!();
});

function showCopyright(): void {
  const copyright = document.querySelector('.copyright')!;
  // Only a change: the page's own English words stay as painted (writing them again lays the footer out again).
  const text = t().copyright(brand);
  if (copyright.textContent !== text) copyright.textContent = text;
}
showCopyright();

// The provider has upgraded and rendered in its module's task, and every listener above is in place: the first
// screen in a task of its own, so that the two are not one long task on a slow phone (measured:
// docs/benchmarks.md). Then the demo's mailbox panel: the customer's screen is what the page is for.
await new Promise((resolve) => setTimeout(resolve));
if (location.pathname === '/confirm') openConfirmation(new URL(location.href), false);
else route();
// The switch's other languages, once the first screen is up (chrome.ts says why they wait).
whenIdle(addLanguageOptions, 1000);
const { startMailbox } = await import('./mailbox.js');
startMailbox(backend, { open: (link) => openConfirmation(link), reset: resetDemo });
