import { INQUIRY_DESK } from '../../src/core.js';
import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

/** Japanese messages of `<wb-top>`. */
export default {
  title: 'Web Billing',
  customer: (name: string) => `${name} 様`,
  registration: 'ご登録情報',
  phone: 'ご登録の電話番号',
  customerNumber: 'ご登録のお客さま番号（契約番号）',
  payment: 'お支払い',
  amountFor: (month: string) => `${month}ご請求金額`,
  provisional: '確定前のため、金額が変わる場合があります。',
  dueDate: 'お支払期日',
  creditCard: 'クレジットカードで支払う',
  payEasy: 'Pay-easy（ペイジー）で支払う',
  paymentNote: 'ご契約のお支払方法（口座振替、コンビニエンスストアでのお支払い、クレジットカード）でお支払いください。お支払方法の変更は、下記のお問い合わせ先までご連絡ください。',
  billingContents: 'ご請求内容',
  billingContentsText: (months: number, breakdowns: number) => `過去${months}か月のご請求金額と、過去${breakdowns}か月のご請求内訳を確認できます。`,
  showBilling: 'ご請求内容を見る',
  menu: '会員メニュー',
  menuText: '会員情報（ログインパスワード・ご登録のメールアドレス）の確認・変更ができます。',
  reissueEmail: 'パスワード再発行用メールアドレス',
  noticeEmail: 'ご請求金額お知らせメール',
  passwordChange: 'パスワードの変更',
  inquiry: 'お問い合わせ先',
  inquiryDesk: 'Web Billing 担当窓口',
  inquiryPhone: '電話番号：',
  inquiryHours: `受付時間：${INQUIRY_DESK.hours.ja}`,
  layout: '画面表示',
  smartphone: 'スマートフォン',
  computer: 'パソコン',
  logout: 'ログアウト',
  loggingOut: 'ログアウト中…',
  loggedOut: 'Web Billingからログアウトしました。',
  notLoggedIn: 'ご請求内容を見るにはログインしてください。',
} satisfies Widened<typeof en>;
