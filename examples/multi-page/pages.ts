/**
 * The one script of the multi-page example: every page loads it. It
 * registers the elements and turns their events into plain navigation
 * (`location.assign`) between the site's HTML pages, cancelling the
 * cancelable ones so the elements do not go on in place. The session is an
 * `HttpOnly` cookie this script never sees; `<wb-provider>` finds it again
 * on every page load before its content shows.
 *
 * Copy this file into your own site and change the page names.
 */
import '../../components/index.js';

const MONTH = /^\d{4}-\d{2}$/;
/** Pages anyone may open; every other page shows the customer's data. */
const PUBLIC = new Set(['/', '/index.html', '/password-reissue.html', '/confirm.html']);
/** Whether this tab was logged in (a flag only, never the session), to tell an ended session from none at page load. */
const LOGGED_IN = 'web-billing-example:logged-in';
/** The line or company chosen on a combined bill (a line number is not for the address bar). */
const CHOSEN = 'web-billing-example:line';

const params = new URLSearchParams(location.search);
const provider = document.querySelector('wb-provider');
const here = location.pathname + location.search;
const go = (path: string): void => location.assign(path);

/** The login page, coming back here after the login; `ended` says why the customer is there. */
function loginPage(ended?: 'expired'): string {
  const query = new URLSearchParams(PUBLIC.has(location.pathname) ? {} : { return: here });
  if (ended) query.set('ended', ended);
  return `/index.html${query.size ? `?${query}` : ''}`;
}

/** Where to go after the login: `?return=` when it is a page of this site (never another origin), else the top page. */
function afterLogin(): string {
  const back = params.get('return');
  if (back?.startsWith('/') && !back.startsWith('//')) {
    const url = new URL(back, location.origin);
    if (url.origin === location.origin) return url.pathname + url.search;
  }
  return '/top.html';
}

/** Shows "Log in" or "Log out" in the header. */
function showLoggedIn(loggedIn: boolean): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-when]')) el.hidden = (el.dataset.when === 'logged-in') !== loggedIn;
}

document.addEventListener('wb-session-restored', (e) => {
  const wasLoggedIn = sessionStorage.getItem(LOGGED_IN) === '1';
  if (e.session) sessionStorage.setItem(LOGGED_IN, '1');
  else sessionStorage.removeItem(LOGGED_IN);
  showLoggedIn(Boolean(e.session));
  // The session ended while this tab was away or idle: the login says so, then comes back here.
  if (wasLoggedIn && !e.session && !PUBLIC.has(location.pathname)) location.replace(loginPage('expired'));
});
document.addEventListener('wb-logged-in', (e) => {
  sessionStorage.setItem(LOGGED_IN, '1');
  showLoggedIn(true);
  if (e.stage !== 'active') return; // the login goes on in place: the first change, or the forced password change
  // A login in place, inside an element that needed the session, stays: the element loads again.
  if ((e.target as Element).localName !== 'wb-login') return;
  e.preventDefault();
  // The login page goes on to `?return=`; a login that took the place of this page's content, to this page again.
  if (PUBLIC.has(location.pathname)) go(afterLogin());
  else location.reload();
});
document.addEventListener('wb-logged-out', (e) => {
  showLoggedIn(false);
  sessionStorage.removeItem(CHOSEN);
  // An idle end keeps the flag, so a reload on the way still leads to the login that says why.
  if (e.reason !== 'expired') sessionStorage.removeItem(LOGGED_IN);
  if (e.reason === 'logout') return go('/index.html');
  // Ended otherwise (idle, or in another tab): this page's data goes at once, and a login takes its
  // place, saying why (the provider tells it); after it, this page loads again.
  if (!PUBLIC.has(location.pathname)) provider?.replaceChildren(document.createElement('wb-login'));
});
document.addEventListener('wb-billing-requested', (e) => (e.preventDefault(), go('/billing.html')));
document.addEventListener('wb-month-selected', (e) => go(`/${e.view}.html?month=${e.month}`));
document.addEventListener('wb-membership-requested', (e) => (e.preventDefault(), go(`/${e.section}.html`)));
document.addEventListener('wb-forgot-password', (e) => (e.preventDefault(), go('/password-reissue.html')));
document.addEventListener('wb-login-requested', (e) => (e.preventDefault(), go(loginPage())));
document.addEventListener('wb-reissue-email-choice', (e) => (e.preventDefault(), go(e.now ? '/reissue-email.html' : '/top.html')));
document.addEventListener('wb-top-requested', (e) => (e.preventDefault(), go('/top.html')));
document.addEventListener('wb-line-selected', (e) => {
  const chosen = { line: e.lineNumber, company: e.lineNumber ? undefined : e.companyId };
  sessionStorage.setItem(CHOSEN, JSON.stringify(chosen));
  const breakdown = document.querySelector('wb-breakdown');
  if (breakdown) Object.assign(breakdown, chosen);
  else go('/billing.html'); // chosen first: now the month
});
document.querySelector('[data-when="logged-in"]')?.addEventListener('click', () => void provider?.client?.auth.logout());
// A page from the back/forward cache would show what it showed before a logout: load it again.
addEventListener('pageshow', (e) => e.persisted && location.reload());

// The page's own parameters.
const month = params.get('month') ?? '';
for (const el of document.querySelectorAll('wb-breakdown, wb-billing-summary')) {
  if (MONTH.test(month)) el.setAttribute('month', month);
  else el.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Choose a month in the billing list.' }));
}
const chosen = JSON.parse(sessionStorage.getItem(CHOSEN) ?? '{}') as { line?: string; company?: string };
const picker = document.querySelector('wb-line-picker');
if (picker) Object.assign(picker, { lineNumber: chosen.line, companyId: chosen.company });
const breakdown = document.querySelector('wb-breakdown');
if (breakdown) Object.assign(breakdown, chosen);
// The login page: why the customer is here (`?ended=expired`; the element ignores what it does not know).
const ended = params.get('ended');
if (ended) document.querySelector('wb-login')?.setAttribute('end-reason', ended);
// A mailed link (`/confirm.html?purpose=…&token=…`): the token leaves the address bar at once.
const confirm = document.querySelector('#confirm');
if (confirm) {
  const token = params.get('token') ?? '';
  history.replaceState(null, '', location.pathname);
  confirm.replaceWith(Object.assign(document.createElement(params.get('purpose') === 'reissue-email' ? 'wb-reissue-email' : 'wb-notice-email'), { token }));
}
