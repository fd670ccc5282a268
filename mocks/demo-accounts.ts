/**
 * The demo data: the four demo accounts (fixed credentials, documented in
 * {@link DEMO_ACCOUNTS}), the secret questions, and the corporate account's
 * lines. Plans are drawn from a PRNG seeded by a number, so the same seed
 * always gives the same data.
 *
 * @module
 */
import type { Company, Notice, NoticeEmailType, RegisteredNumber, SecretQuestion } from '../src/contract/types.js';
import { COMPANIES, type CompanyId, type PlanId, type ServiceLine } from './billing-data.js';
import { rngFor } from './random.js';

/** The seed of the demo data's PRNG when none is given. */
export const DEFAULT_SEED = 20160420;

/** The secret questions offered for password reissue. */
export const SECRET_QUESTIONS: readonly SecretQuestion[] = Object.freeze([
  { id: 'first-pet', text: { ja: '初めて飼ったペットの名前は？', en: 'What was the name of your first pet?' } },
  { id: 'birthplace', text: { ja: '生まれた市区町村は？', en: 'In which city or town were you born?' } },
  { id: 'elementary-school', text: { ja: '卒業した小学校の名前は？', en: 'What is the name of the elementary school you graduated from?' } },
  { id: 'childhood-friend', text: { ja: '子どもの頃の親友の名前は？', en: 'What was the name of your best friend as a child?' } },
  { id: 'favorite-food', text: { ja: '好きな食べ物は？', en: 'What is your favorite food?' } },
]);

/** A demo account and how to use it. */
export interface DemoAccount {
  /** What the account shows off. */
  description: string;
  /** `postcard`: log in with `/auth/initial-login`; `chosen`: with `/auth/login`. */
  credentialKind: 'postcard' | 'chosen';
  loginId: string;
  password: string;
  registeredNumber: RegisteredNumber;
  reissueEmail?: { email: string; questionId: string; answer: string };
  noticeEmail?: { type: NoticeEmailType; email: string };
  locked?: boolean;
}

/** The demo accounts every fresh backend holds, with their credentials. */
export const DEMO_ACCOUNTS = Object.freeze({
  postcard: {
    description: 'Fresh postcard customer: log in with the initial ID and password from the postcard, then set your own login ID and password. Single line, no emails registered.',
    credentialKind: 'postcard',
    loginId: 'HK7Q2MX',
    password: 't8Rw3nPa',
    registeredNumber: { kind: 'phone', number: '08011112222' },
  },
  established: {
    description: 'Established single-line customer with a confirmed reissue email (question "first pet", answer Pochi) and a confirmed billing-notice email (mobile).',
    credentialKind: 'chosen',
    loginId: 'taro2024',
    password: 'Sakura2024!',
    registeredNumber: { kind: 'phone', number: '09012345678' },
    reissueEmail: { email: 'taro@example.jp', questionId: 'first-pet', answer: 'Pochi' },
    noticeEmail: { type: 'mobile', email: 'taro@docomo.example' },
  },
  corporate: {
    description: 'Corporate combined bill: 128 lines across NTT East, NTT docomo and NTT Communications (line 09011110087 is easy to find); reissue email registered.',
    credentialKind: 'chosen',
    loginId: 'corp-admin1',
    password: 'Corp2026pass',
    registeredNumber: { kind: 'customer', number: '0012345678' },
    reissueEmail: { email: 'soumu@corp.example', questionId: 'elementary-school', answer: 'Marunouchi' },
  },
  locked: {
    description: 'Locked after too many failed logins (answers 423 even to the right password); a password reissue with the registered email and answer unlocks it.',
    credentialKind: 'chosen',
    loginId: 'locked01',
    password: 'Locked2026',
    registeredNumber: { kind: 'phone', number: '0312345678' },
    reissueEmail: { email: 'locked@example.jp', questionId: 'birthplace', answer: 'Tokyo' },
    locked: true,
  },
} satisfies Record<string, DemoAccount>);

/** A seeded demo account, with secrets still in clear (the store hashes them). */
export interface SeededAccount {
  /** The account's id in the store: the login ID it was seeded with (it stays when the login ID changes). */
  id: string;
  customerName: string;
  demo: DemoAccount;
  billing: 'single' | 'combined';
  companies: Company[];
  lines: ServiceLine[];
  notices: Notice[];
}

const UNIVERSAL_FEE_NOTICE: Notice = {
  id: 'universal-fee',
  title: { ja: 'ユニバーサルサービス料・電話リレーサービス料について', en: 'About the universal service and telephone relay service fees' },
  body: {
    ja: 'ユニバーサルサービス料および電話リレーサービス料は、電話番号１番号ごとに毎月ご請求しております。これらの料金は消費税の課税対象外です。',
    en: 'The universal service fee and the telephone relay service fee are charged monthly for each telephone number. They are outside the scope of consumption tax.',
  },
};

const PHISHING_NOTICE: Notice = {
  id: 'phishing-warning',
  title: { ja: '不審なメールにご注意ください', en: 'Beware of suspicious mails' },
  body: {
    ja: '弊社を装ったメールが確認されています。パスワードやクレジットカード番号の入力を求めるメールのリンクは開かずに、メールごと削除してください。',
    en: 'Mails pretending to come from us have been reported. We never ask for your password or card number by mail: delete any mail that does, without opening its links.',
  },
};

const COMBINED_NOTICE: Notice = {
  id: 'combined-billing',
  title: { ja: '一括請求のご案内', en: 'About your combined bill' },
  body: {
    ja: '複数の回線のご利用料金をまとめてご請求しています。回線ごと・通信会社ごとの内訳は「ご請求内訳」でご確認いただけます。',
    en: 'The charges of several lines are billed together. See the detailed breakdown for each line and each communication company.',
  },
};

function companiesOf(lines: readonly ServiceLine[], order: readonly CompanyId[]): Company[] {
  return order.filter((id) => lines.some((l) => l.companyId === id)).map((id) => COMPANIES[id]);
}

function range(prefix: string, from: number, count: number, width: number): string[] {
  return Array.from({ length: count }, (_, i) => prefix + String(from + i).padStart(width, '0'));
}

function corporateLines(seed: number): ServiceLine[] {
  const rng = rngFor(seed, 'corporate-lines');
  const mobilePlans: PlanId[] = ['eximo', 'eximo', 'ahamo', 'irumo'];
  return [
    ...range('03555501', 1, 20, 2).map((n, i): ServiceLine => ({ lineNumber: n, companyId: 'ntt-east', plan: i < 8 ? 'business-line' : 'hikari-office' })),
    // A fleet of sequential handsets (09011110001 to 09011110090) and IoT data SIMs.
    ...range('0901111', 1, 90, 4).map((n): ServiceLine => ({ lineNumber: n, companyId: 'docomo', plan: rng.pick(mobilePlans) })),
    ...range('02012345', 1, 8, 3).map((n): ServiceLine => ({ lineNumber: n, companyId: 'docomo', plan: 'data-plan' })),
    ...range('0120', 123401, 6, 6).map((n): ServiceLine => ({ lineNumber: n, companyId: 'ntt-com', plan: 'freedial' })),
    ...range('0501234', 1, 4, 4).map((n): ServiceLine => ({ lineNumber: n, companyId: 'ntt-com', plan: 'ip-phone' })),
  ];
}

/** The seeded accounts, in a fixed order. */
export function seededAccounts(seed: number = DEFAULT_SEED): SeededAccount[] {
  const rng = rngFor(seed, 'single-lines');
  const single = (customerName: string, demo: DemoAccount, companyId: CompanyId, plan: PlanId): SeededAccount => {
    const lines = [{ lineNumber: demo.registeredNumber.number, companyId, plan }];
    return { id: demo.loginId, customerName, demo, billing: 'single', companies: companiesOf(lines, [companyId]), lines, notices: [UNIVERSAL_FEE_NOTICE] };
  };
  const corpLines = corporateLines(seed);
  return [
    single('佐藤 花子', DEMO_ACCOUNTS.postcard, 'docomo', rng.pick<PlanId>(['eximo', 'irumo'])),
    single('山田 太郎', DEMO_ACCOUNTS.established, 'docomo', 'eximo'),
    {
      id: DEMO_ACCOUNTS.corporate.loginId,
      customerName: '株式会社さくら商事',
      demo: DEMO_ACCOUNTS.corporate,
      billing: 'combined',
      companies: companiesOf(corpLines, ['ntt-east', 'docomo', 'ntt-com']),
      lines: corpLines,
      notices: [COMBINED_NOTICE, PHISHING_NOTICE, UNIVERSAL_FEE_NOTICE],
    },
    single('鈴木 一郎', DEMO_ACCOUNTS.locked, 'ntt-east', 'business-line'),
  ];
}
