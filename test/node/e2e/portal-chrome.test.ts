/**
 * End to end, the demo portal's own chrome (issue 13, items 3 and 9): the
 * header following the session (and logging out from it), the chrome in
 * Japanese and kept across a reload, the footer's inquiry desk, the mailbox
 * as a closed bar on a phone, no request for /favicon.ico, no layout shift
 * at load, and the React page's focus on the chosen month's breakdown. Each
 * journey runs at the cells that show its point, to keep the file quick.
 * See `harness.ts`.
 */
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../../examples/serve.js';
import { journeys, type Cell, type Customer } from './harness.js';

const PHONE = { width: 360, height: 740 } as const;
const DESKTOP = { width: 1280, height: 800 } as const;
const ALL: readonly Cell[] = [
  { ...PHONE, mode: 'clicks' },
  { ...PHONE, mode: 'keyboard' },
  { ...DESKTOP, mode: 'clicks' },
  { ...DESKTOP, mode: 'keyboard' },
];

/**
 * Every path the browser asked the server for. The page's `request` events
 * never show a favicon request (the browser makes it, not the page), so the
 * demo server is put behind a proxy that records them.
 */
const asked: string[] = [];
let proxied: DemoServer | undefined;
async function startRecorded(): Promise<DemoServer> {
  const demo = await startDemoServer({ port: 0 });
  const target = new URL(demo.url);
  const proxy = createServer((req, res) => {
    asked.push(new URL(req.url ?? '/', 'http://localhost').pathname);
    const upstream = request({ host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxied = {
    url: `http://localhost:${(proxy.address() as AddressInfo).port}/`,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await demo.close();
    },
  };
  return proxied;
}
after(() => assert.ok(!asked.includes('/favicon.ico'), `no page asked for /favicon.ico (asked: ${[...new Set(asked)].join(' ')})`));

/** Two frames after everything below holds: the header knows the session, the mailbox is filled. */
async function settled(page: Page): Promise<void> {
  await page.locator('.site-header:not([data-session="unknown"])').waitFor({ state: 'attached' });
  await page.locator('.mailbox-body > *').first().waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Logged out, the header offers the login only; logged in, it names the login ID (after a reload too) and logs out. */
async function header(c: Customer): Promise<void> {
  const { page } = c;
  const banner = page.getByRole('banner');
  const nav = page.getByRole('navigation', { name: 'Portal' });
  await page.locator('wb-login input[name="loginId"]').waitFor();
  await banner.getByText('Not logged in').waitFor();
  await nav.getByRole('link', { name: 'Log in' }).waitFor();
  await nav.getByRole('link', { name: 'Forgot your password?' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Billing' }).count(), 0, 'no member links while logged out');
  assert.equal(await banner.getByRole('button', { name: 'Log out' }).count(), 0, 'no logout while logged out');
  await c.shot('logged-out');

  await c.login('taro2024', 'Sakura2024!');
  await page.waitForURL(/#\/top$/);
  await banner.getByText('Logged in as taro2024').waitFor();
  await nav.getByRole('link', { name: 'Billing' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Log in' }).count(), 0, 'no "Log in" while logged in');

  // A reload: the provider finds the session again, and the header says so.
  await page.reload();
  await page.locator('wb-top [part~="amount"]').waitFor();
  await banner.getByText('Logged in as taro2024').waitFor();
  assert.equal(await banner.getByText('Not logged in').isVisible(), false);
  await c.shot('logged-in');

  // Log out from the header (from the page top, by keyboard: the skip link, the language, then this button).
  await c.press(banner.getByRole('button', { name: 'Log out' }));
  await page.waitForURL(/#\/login$/);
  await page.locator('wb-login').getByRole('heading', { name: 'Log in to Web Billing' }).waitFor();
  await banner.getByText('Not logged in').waitFor();
  await nav.getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Billing' }).count(), 0, 'no member links after logout');
  assert.equal(await page.evaluate(() => document.querySelector('wb-provider')?.client?.auth.current), undefined, 'the session ended');
  await c.shot('after-logout');
}

/** 日本語 chosen: header, nav, skip link, footer, mailbox and titles in Japanese, kept after a reload; a legal page. */
async function japanese(c: Customer): Promise<void> {
  const { page } = c;
  await page.locator('wb-login input[name="loginId"]').waitFor();
  await c.select(page.getByLabel('Language'), 'ja');
  // The switch offers each language in its own name (the page adds the others after its first screen).
  assert.deepEqual(await page.locator('#lang option').allTextContents(), ['English', '日本語']);
  const nav = page.getByRole('navigation', { name: 'ポータル' });
  await nav.getByRole('link', { name: 'ログイン' }).waitFor();

  /** The chrome, in Japanese. */
  const inJapanese = async (): Promise<void> => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.equal(await page.getByLabel('言語（Language）').inputValue(), 'ja');
    await nav.getByRole('link', { name: 'パスワードをお忘れの方' }).waitFor();
    assert.equal(await page.locator('.skip-link').textContent(), '本文へスキップ');
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('heading', { name: 'Web Billing お問い合わせ窓口' }).waitFor();
    await footer.getByText('受付時間 平日 9:00～17:00（祝日、年末年始〈12月29日～1月3日〉を除く）').waitFor();
    await footer.getByRole('navigation', { name: '規約など' }).getByRole('link', { name: 'ご利用規約' }).waitFor();
    await footer.getByRole('link', { name: '個人情報の取り扱い' }).waitFor();
    await page.getByRole('button', { name: /^メールボックス\s*（デモ専用）/ }).waitFor();
    // Inside the mailbox too. On a phone it is a closed bar, which writes its panel when opened: open it, then close it again.
    const toggle = page.getByRole('button', { name: /^メールボックス/ });
    const closed = (await toggle.getAttribute('aria-expanded')) === 'false';
    if (closed) await c.press(toggle);
    const steps = page.locator('.mailbox .steps');
    assert.equal(await steps.getAttribute('aria-label'), 'バックエンドの時計を進める');
    assert.equal(await steps.textContent(), '+1時間+24時間+14日');
    assert.equal(await page.locator('.mailbox .reset').textContent(), 'デモをリセット');
    if (closed) await c.press(toggle);
    await page.locator('wb-login').getByRole('heading', { name: 'Web Billing ログイン' }).waitFor();
    assert.equal(await page.title(), 'ログイン · Example Telecom Web Billing（デモ）');
  };
  await page.getByRole('banner').getByText('ログインしていません').waitFor();
  await inJapanese();

  // Kept across a reload, before anything shows.
  await page.reload();
  await inJapanese();
  await c.shot('login');

  const login = page.locator('wb-login');
  await c.fill(login.locator('input[name="loginId"]'), 'taro2024');
  await c.fill(login.locator('input[name="password"]'), 'Sakura2024!');
  await c.press(login.getByRole('button', { name: 'ログイン' }));
  const banner = page.getByRole('banner');
  await banner.getByText('taro2024 でログイン中').waitFor();
  await banner.getByRole('button', { name: 'ログアウト' }).waitFor();
  await page.locator('wb-top [part~="amount"]').waitFor();
  assert.equal(await page.title(), 'トップ · Example Telecom Web Billing（デモ）');
  await c.shot('top');

  await c.press(nav.getByRole('link', { name: 'ご請求内容' }), { backwards: true });
  await page.locator('wb-billing-list tbody tr').nth(14).waitFor();
  assert.equal(await page.title(), 'ご請求金額 · Example Telecom Web Billing（デモ）');
  await c.shot('billing');

  // A legal link: the fictional company's placeholder page, in the page's language (no 404).
  await c.press(page.getByRole('contentinfo').getByRole('link', { name: 'ご利用規約' }));
  await page.waitForURL(/#\/terms$/);
  await page.getByRole('main').getByRole('heading', { name: 'ご利用規約' }).waitFor();
  await page.getByRole('main').getByText('Example Telecom は架空の会社で', { exact: false }).waitFor();
}

/** On a phone: the inquiry desk's number on one line, as a tel: link; the mailbox a closed bar that counts new mail and opens by keyboard. */
async function phoneFooterAndMailbox(c: Customer): Promise<void> {
  const { page } = c;
  await page.locator('wb-login input[name="loginId"]').waitFor();
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('heading', { name: 'Web Billing inquiry desk' }).waitFor();
  const tel = footer.getByRole('link', { name: '0800-333-0030' });
  assert.equal(await tel.getAttribute('href'), 'tel:0800-333-0030');
  assert.equal(await tel.evaluate((a) => a.getClientRects().length), 1, 'the number does not wrap');
  await footer.getByText('Weekdays 9:00–17:00 (closed on public holidays and from December 29 to January 3)').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing wider than the phone');

  // The mailbox: a closed bar at the bottom of the screen.
  const toggle = page.getByRole('button', { name: /^Mailbox \(demo only\)/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.ok(await page.locator('#mailbox-body').isHidden());
  // Closed, it has written nothing in its panel yet (its words, the demo accounts): a phone's first screen does not pay for them.
  assert.equal(await page.locator('#mailbox-body').textContent(), '', 'a closed bar writes nothing in its panel');
  const bar = (await page.locator('.mailbox').boundingBox())!;
  assert.ok(bar.height <= 56 && Math.abs(bar.y + bar.height - PHONE.height) <= 1, `a bar at the bottom (${JSON.stringify(bar)})`);

  // A mail arrives (a password reissue): counted on the bar, and told politely.
  const login = page.locator('wb-login');
  await c.press(login.getByRole('button', { name: 'Forgot your password?' }));
  const reissue = page.locator('wb-password-reissue');
  await c.fill(reissue.locator('input[name="loginId"]'), 'taro2024');
  await c.fill(reissue.locator('input[name="email"]'), 'taro@example.jp');
  await c.select(reissue.locator('select[name="questionId"]'), 'first-pet');
  await c.fill(reissue.locator('input[name="answer"]'), 'Pochi');
  await c.press(reissue.getByRole('button', { name: 'Send' }));
  await reissue.getByText('Please check your email').waitFor();
  await page.getByRole('button', { name: 'Mailbox (demo only) 1 new' }).waitFor();
  assert.match((await page.locator('.mailbox [aria-live="polite"]').textContent()) ?? '', /^New mail in the demo mailbox: /);
  await c.shot('mail-arrived');
  // Closed, the bar only counts: the mails are drawn (their dates formatted) when it opens.
  assert.equal(await page.locator('.mailbox li').count(), 0, 'a closed bar draws no mail');

  // Opened by keyboard (Tab to the bar, Enter); the count goes; Escape closes it and the focus stays on its bar.
  await c.tabTo(toggle);
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const mailbox = page.locator('.mailbox');
  await mailbox.locator('code').first().waitFor();
  await page.getByRole('button', { name: 'Mailbox (demo only)', exact: true }).waitFor();
  await mailbox.locator('li', { hasText: 'To taro@example.jp' }).waitFor();
  assert.match((await mailbox.locator('output').textContent()) ?? '', / JST$/, 'the backend clock, drawn on opening');
  // The demo accounts, with what each takes: registered emails and secret answers.
  await c.press(mailbox.getByText('Demo accounts'));
  for (const text of ['taro2024', 'Sakura2024!', 'taro@example.jp', 'taro@docomo.example', 'Pochi', 'soumu@corp.example', 'Marunouchi', 'locked@example.jp', 'Tokyo', 'HK7Q2MX']) {
    await mailbox.getByText(text, { exact: false }).first().waitFor();
  }
  await c.shot('mailbox-open', false);
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await c.assertFocus(toggle);
}

/** Layout shift: at load and after a reload logged in, the sum of unexpected shifts stays under 0.1; no favicon request (see `asked`). */
async function stable(c: Customer): Promise<void> {
  const { page } = c;
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const shifts = () => page.evaluate(() => (window as unknown as { shifts: number }).shifts);
  await page.reload();
  await page.locator('wb-login input[name="loginId"]').waitFor();
  await settled(page);
  const atLoad = await shifts();
  assert.ok(atLoad < 0.1, `layout shift at load: ${atLoad}`);

  await c.login('taro2024', 'Sakura2024!');
  await page.locator('wb-top [part~="amount"]').waitFor();
  await page.reload();
  await page.locator('wb-top [part~="amount"]').waitFor();
  await settled(page);
  const atReload = await shifts();
  assert.ok(atReload < 0.1, `layout shift at a reload, logged in: ${atReload}`);

  // The other pages of the demo server load too (each with its inline icon).
  for (const path of ['theme.html', 'react/']) {
    // Beside the page's own address: `proxied` is the newest cell's server, and a cell running beside this one closes it.
    await page.goto(new URL(path, page.url()).href);
    await page.locator('wb-login input[name="loginId"]').waitFor();
  }
}

/** How dark each edge of an element is, in a screenshot: the mean of its 4 outermost columns of pixels, over its top 6 rows (above the text). */
async function edgeShade(page: Page, element: import('playwright-core').Locator): Promise<{ left: number; right: number }> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    // Two strips (no named helper: the test's compiler would wrap it in a helper the page does not have).
    const shades = [0, bitmap.width - 4].map((x0) => {
      const { data: px } = context.getImageData(x0, 0, 4, 6);
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) sum += 255 - (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
      return sum / (px.length / 4);
    });
    return { left: shades[0]!, right: shades[1]! };
  }, png);
}

/** On a phone, the member links are wider than the screen: the nav scrolls, and a shadow at the edge says which way there is more. */
async function phoneNav(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  const nav = page.getByRole('navigation', { name: 'Portal' });
  await nav.getByRole('link', { name: 'Password' }).waitFor();
  assert.ok(await nav.evaluate((n) => n.scrollWidth > n.clientWidth + 20), 'the links are wider than the phone');
  const start = await edgeShade(page, nav);
  assert.ok(start.right > start.left + 15, `at the start, a shadow on the right only (${JSON.stringify(start)})`);
  // The last link, reached by keyboard or a swipe, scrolls the nav to its end.
  await nav.evaluate((n) => (n.scrollLeft = n.scrollWidth));
  const end = await edgeShade(page, nav);
  assert.ok(end.left > end.right + 15, `at the end, a shadow on the left only (${JSON.stringify(end)})`);
  await c.shot('nav-scrolled', false);
}

/**
 * A reload of a member screen: its element's module is asked for with the provider's, not after the provider
 * has started (its first call, the credential policy), so the screen is a round trip nearer on a phone's network.
 */
async function firstScreenEarly(c: Customer): Promise<void> {
  const { page } = c;
  await c.login('taro2024', 'Sakura2024!');
  await page.locator('wb-top [part~="amount"]').waitFor();
  await page.goto(new URL('#/billing', page.url()).href);
  await page.locator('wb-billing-list [part~="table"]').waitFor();
  const asked: string[] = [];
  const modules = new Map<string, Promise<string>>();
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    if (/\/chunks\/define-/.test(r.url())) modules.set(new URL(r.url()).pathname, r.text());
  });
  await page.reload();
  await page.locator('wb-billing-list [part~="table"]').waitFor();
  let billingList: string | undefined;
  for (const [path, text] of modules) if ((await text).includes('"wb-billing-list"')) billingList = path;
  assert.ok(billingList, `the billing list's module was loaded (asked: ${asked.join(' ')})`);
  const policy = asked.indexOf('/api/v1/credentials/policy');
  assert.ok(policy > 0, 'the provider asked for the policy');
  assert.ok(asked.indexOf(billingList) < policy, `the billing list's module was asked for before the provider's first call: ${asked.join(' ')}`);
}

/** The bare address shows the login in its place: Back leaves the portal, not a loop back to the login. */
async function backLeaves(c: Customer): Promise<void> {
  const { page } = c;
  await page.locator('wb-login input[name="loginId"]').waitFor();
  assert.match(page.url(), /\/#\/login$/);
  await page.goBack();
  assert.doesNotMatch(page.url(), /^http/, `Back left the portal (at ${page.url()})`);
}

/** A screen whose element cannot be loaded (offline): it says so, in place, and reloading the page shows it. */
async function unloadedScreen(c: Customer): Promise<void> {
  const { page } = c;
  await page.locator('wb-login input[name="loginId"]').waitFor();
  // The network goes away: the next screen's element cannot be fetched.
  await page.route('**/chunks/**', (route) => route.abort('internetdisconnected'));
  await c.press(page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Forgot your password?' }));
  const main = page.locator('#screen');
  await main.getByRole('heading', { name: 'This screen could not be loaded' }).waitFor();
  assert.match((await main.getByRole('alert').textContent()) ?? '', /Check your connection, then reload the page\./);
  await c.shot('unloaded');
  // Back online: reloading the page is the way on.
  await page.unroute('**/chunks/**');
  await c.press(main.getByRole('button', { name: 'Reload the page' }));
  await page.locator('wb-password-reissue').getByRole('heading', { name: 'Reissue your login password' }).waitFor();
  assert.match(page.url(), /#\/password-reissue$/);
}

/** The React page: a heading; a month chosen on a phone puts the focus (and the view) on its breakdown's heading. */
async function react(c: Customer): Promise<void> {
  const { page } = c;
  await page.goto(new URL('react/', page.url()).href);
  await page.getByRole('heading', { level: 1, name: 'Web Billing in React' }).waitFor();
  await c.login('taro2024', 'Sakura2024!');
  const list = page.locator('wb-billing-list');
  await list.locator('tbody tr').first().waitFor();
  await c.shot('list');
  await c.press(list.locator('[part~="breakdown-button"]').first());
  const heading = page.locator('wb-breakdown [part~="heading"]');
  await c.assertFocus(heading, 'the breakdown heading has the focus');
  const box = (await heading.boundingBox())!;
  assert.ok(box.y >= 0 && box.y < PHONE.height / 2, `the heading is in view (${box.y})`);
  await page.locator('wb-breakdown [part~="totals"]').first().waitFor();
  await c.shot('breakdown', false);
}

journeys(
  "demo portal in Chromium (playwright-core): the portal's chrome",
  {
    header: { title: 'header: the login ID and "Log out" while logged in (after a reload too), "Log in" only while logged out', run: header, cells: ALL },
    japanese: {
      title: 'Japanese: header, nav, footer, mailbox and titles in Japanese, kept after a reload; a legal link',
      run: japanese,
      cells: [
        { ...PHONE, mode: 'clicks' },
        { ...DESKTOP, mode: 'keyboard' },
      ],
    },
    phone: {
      title: 'phone: the inquiry desk as a tel: link on one line; the mailbox a closed bar counting new mail, opened by keyboard',
      run: phoneFooterAndMailbox,
      cells: [
        { ...PHONE, mode: 'clicks' },
        { ...PHONE, mode: 'keyboard' },
      ],
    },
    stable: {
      title: 'no layout shift at load or at a reload (sum < 0.1), no request for /favicon.ico',
      run: stable,
      cells: [
        { ...PHONE, mode: 'clicks' },
        { ...DESKTOP, mode: 'clicks' },
      ],
    },
    nav: {
      title: 'phone: the member links scroll, with a shadow at the edge that has more',
      run: phoneNav,
      cells: [{ ...PHONE, mode: 'clicks' }],
    },
    first: {
      title: "a reload of a member screen asks for its element's module with the provider's, before the provider's first call",
      run: firstScreenEarly,
      cells: [{ ...PHONE, mode: 'clicks' }],
    },
    back: {
      title: 'the bare address: the login in its place, and Back leaves the portal',
      run: backLeaves,
      cells: [{ ...DESKTOP, mode: 'clicks' }],
    },
    unloaded: {
      title: "offline: a screen whose element cannot be loaded says so in place, and reloading the page shows it",
      run: unloadedScreen,
      cells: [
        { ...PHONE, mode: 'keyboard' },
        { ...DESKTOP, mode: 'clicks' },
      ],
    },
    react: {
      title: 'React page: a heading, and the focus on the breakdown of the month chosen',
      run: react,
      cells: [
        { ...PHONE, mode: 'clicks' },
        { ...PHONE, mode: 'keyboard' },
      ],
    },
  },
  // Three at a time: each journey loads the portal (and its service worker) several times.
  { start: startRecorded, concurrency: 3 },
);
