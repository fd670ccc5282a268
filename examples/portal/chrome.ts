/**
 * The portal's own words (header, nav, footer, titles, the demo mailbox) in
 * English and Japanese, and the language switch. The elements follow
 * `<html lang>` by themselves; the partner's page translates its own chrome,
 * as here. The choice is kept in this browser across reloads.
 */

/** The languages of the portal (the kit's locales). */
export type Lang = 'en' | 'ja';

/** Each language in its own name, as the switch offers it (a reader of either finds their own). */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: 'English', ja: '日本語' };

const en = {
  skip: 'Skip to content',
  language: 'Language',
  nav: 'Portal',
  top: 'Top',
  billing: 'Billing',
  lines: 'Lines',
  reissueEmail: 'Reissue email',
  noticeEmail: 'Notice email',
  password: 'Password',
  login: 'Log in',
  forgot: 'Forgot your password?',
  logout: 'Log out',
  loggingOut: 'Logging out…',
  /** "Logged in as <id>", around the login ID. */
  loggedInAs: ['Logged in as ', ''] as [before: string, after: string],
  notLoggedIn: 'Not logged in',
  deskTitle: 'Web Billing inquiry desk',
  deskHours: 'Weekdays 9:00–17:00 (closed on public holidays and from December 29 to January 3)',
  legal: 'Legal',
  terms: 'Terms of use',
  privacy: 'Privacy policy',
  copyright: (brand: string) => `© 2026 ${brand}, a fictional company of this demo`,
  unloadedTitle: 'This screen could not be loaded',
  unloaded: 'The page could not reach the server for this screen. Check your connection, then reload the page.',
  reload: 'Reload the page',
  placeholder: (brand: string) => `${brand} is a fictional company, and this demo portal has no such document of its own: a partner links its own page here.`,
  // Screen titles, for the tab's title.
  screens: {
    login: 'Log in',
    top: 'Top',
    billing: 'Billing history',
    breakdown: 'Breakdown',
    summary: 'Billing summary',
    lines: 'Lines',
    'reissue-email': 'Email for password reissue',
    'notice-email': 'Billing amount notice email',
    'password-reissue': 'Password reissue',
    'password-change': 'Password change',
    confirm: 'Confirmation',
    terms: 'Terms of use',
    privacy: 'Privacy policy',
  } as Record<string, string>,
  siteTitle: (brand: string) => `${brand} Web Billing (demo)`,
  // The demo's mailbox.
  mailbox: 'Mailbox',
  demoOnly: '(demo only)',
  newMails: (n: number) => (n === 0 ? '' : n === 1 ? '1 new' : `${n} new`),
  newMail: (subject: string) => `New mail in the demo mailbox: ${subject}`,
  mailboxAbout: 'Not part of the kit: the mails the reference backend sent, and its clock. The backend runs on the demo server; links open in this page.',
  mailboxKept: 'The demo backend keeps its state while the demo server runs, until “Reset demo”.',
  clock: 'Backend clock: ',
  advance: 'Advance the backend clock',
  steps: ['+1 h', '+24 h', '+14 days'],
  reset: 'Reset demo',
  mails: 'Mails ',
  to: 'To',
  link: 'Link: ',
  temporaryPassword: 'Temporary password: ',
  accounts: 'Demo accounts',
  account: {
    postcard: 'Postcard customer (first login)',
    established: 'Established customer',
    corporate: 'Corporate combined bill',
    locked: 'Locked account',
  } as Record<string, string>,
  loginId: 'Login ID',
  initialId: 'Initial ID (postcard)',
  passwordLabel: 'Password',
  initialPassword: 'Initial password (postcard)',
  reissueEmailLabel: 'Email for password reissue',
  noticeEmailLabel: 'Billing amount notice email',
  secret: 'Secret question and answer',
  none: 'none',
  timeLocale: 'en-GB',
};

/** The portal's messages, one catalog per language. */
export type ChromeMessages = typeof en;

const ja: ChromeMessages = {
  skip: '本文へスキップ',
  language: '言語（Language）',
  nav: 'ポータル',
  top: 'トップ',
  billing: 'ご請求内容',
  lines: '回線',
  reissueEmail: '再発行用メール',
  noticeEmail: 'お知らせメール',
  password: 'パスワード変更',
  login: 'ログイン',
  forgot: 'パスワードをお忘れの方',
  logout: 'ログアウト',
  loggingOut: 'ログアウト中…',
  loggedInAs: ['', ' でログイン中'],
  notLoggedIn: 'ログインしていません',
  deskTitle: 'Web Billing お問い合わせ窓口',
  deskHours: '受付時間 平日 9:00～17:00（祝日、年末年始〈12月29日～1月3日〉を除く）',
  legal: '規約など',
  terms: 'ご利用規約',
  privacy: '個人情報の取り扱い',
  copyright: (brand) => `© 2026 ${brand}（このデモの架空の会社です）`,
  unloadedTitle: 'この画面を読み込めませんでした',
  unloaded: 'この画面の読み込み中にサーバーと通信できませんでした。接続を確認してから、ページを再読み込みしてください。',
  reload: 'ページを再読み込み',
  placeholder: (brand) => `${brand} は架空の会社で、このデモポータルにはこの文書がありません。パートナーはここに自社のページをリンクします。`,
  screens: {
    login: 'ログイン',
    top: 'トップ',
    billing: 'ご請求金額',
    breakdown: 'ご請求内訳',
    summary: 'ご請求サマリー',
    lines: '回線の選択',
    'reissue-email': 'パスワード再発行用メールアドレス',
    'notice-email': 'ご請求金額お知らせメール',
    'password-reissue': 'パスワードの再発行',
    'password-change': 'パスワードの変更',
    confirm: 'ご登録の確認',
    terms: 'ご利用規約',
    privacy: '個人情報の取り扱い',
  },
  siteTitle: (brand) => `${brand} Web Billing（デモ）`,
  mailbox: 'メールボックス',
  demoOnly: '（デモ専用）',
  newMails: (n) => (n === 0 ? '' : `新着 ${n} 件`),
  newMail: (subject) => `デモのメールボックスに新着メール：${subject}`,
  mailboxAbout: 'キットの一部ではありません。参照バックエンドが送ったメールと、その時計です。バックエンドはデモのサーバーで動き、リンクはこのページで開きます。',
  mailboxKept: 'デモのバックエンドは、デモのサーバーが動いている間、「デモをリセット」まで状態を保ちます。',
  clock: 'バックエンドの時計：',
  advance: 'バックエンドの時計を進める',
  steps: ['+1時間', '+24時間', '+14日'],
  reset: 'デモをリセット',
  mails: 'メール ',
  to: '宛先',
  link: 'リンク：',
  temporaryPassword: '仮パスワード：',
  accounts: 'デモ用アカウント',
  account: {
    postcard: 'はがきのお客さま（初回ログイン）',
    established: 'ご利用中のお客さま',
    corporate: '法人の一括請求',
    locked: 'ロックされたアカウント',
  },
  loginId: 'ログインID',
  initialId: '初回ログインID（はがき）',
  passwordLabel: 'パスワード',
  initialPassword: '初回パスワード（はがき）',
  reissueEmailLabel: 'パスワード再発行用メールアドレス',
  noticeEmailLabel: 'ご請求金額お知らせメール',
  secret: '秘密の質問と答え',
  none: 'なし',
  timeLocale: 'ja-JP',
};

const CATALOGS: Record<Lang, ChromeMessages> = { en, ja };
const KEY = 'web-billing-kit-demo:lang';
const listeners = new Set<() => void>();

/** The language chosen in this browser (English until one is chosen). */
export function currentLang(): Lang {
  return document.documentElement.lang === 'ja' ? 'ja' : 'en';
}

/** The portal's messages in the current language. */
export function t(): ChromeMessages {
  return CATALOGS[currentLang()];
}

/** Calls `listener` after each change of language. */
export function onLangChange(listener: () => void): void {
  listeners.add(listener);
}

/**
 * Sets the page's language (`<html lang>`, which the elements follow), keeps
 * it, and translates the static chrome: `data-text` names a message for an
 * element's text, `data-label` one for its `aria-label`. The chrome is always
 * in the page's language (the page is written in English), so a language it
 * is already in leaves its painted words as they are: rewriting them would
 * lay the whole header and footer out again, for the same text, on a phone's
 * first screen.
 */
export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  if (lang !== currentLang()) {
    document.documentElement.lang = lang;
    const m = CATALOGS[lang] as unknown as Record<string, unknown>;
    for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
      const text = m[el.dataset.text!];
      if (typeof text === 'string') el.textContent = text;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-label]')) {
      const text = m[el.dataset.label!];
      if (typeof text === 'string') el.setAttribute('aria-label', text);
    }
  }
  // Even in the same language: the browser may have restored another choice into the switch at a reload.
  const select = document.querySelector<HTMLSelectElement>('#lang');
  if (select) {
    if (!hasOption(select, lang)) addLanguageOptions();
    select.value = lang;
  }
  for (const listener of listeners) listener();
}

/**
 * Offers every language in the switch. The page itself offers only its own
 * (English): on a machine with no Japanese font, drawing 日本語 sends the
 * browser looking through every font for its characters, and on the first
 * paint that search is about 15 ms of a phone's slowest task (measured:
 * docs/benchmarks.md). The portal calls this once its first screen is up,
 * or at once for a kept Japanese choice.
 */
export function addLanguageOptions(): void {
  const select = document.querySelector<HTMLSelectElement>('#lang');
  if (!select) return;
  for (const [lang, name] of Object.entries(LANGUAGE_NAMES)) {
    if (!hasOption(select, lang)) select.add(new Option(name, lang));
  }
}

function hasOption(select: HTMLSelectElement, lang: string): boolean {
  return [...select.options].some((option) => option.value === lang);
}

/** The language kept from an earlier visit, if any. */
export function savedLang(): Lang | undefined {
  try {
    const lang = localStorage.getItem(KEY);
    return lang === 'ja' || lang === 'en' ? lang : undefined;
  } catch {
    return undefined;
  }
}
