import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

/** Japanese messages of `<wb-billing-summary>`. */
export default {
  title: (month: string) => `${month}のご請求概要`,
  total: 'ご請求金額',
  dueDate: 'お支払期日',
  usageCaption: 'ご利用額',
  item: '項目',
  quantity: 'ご利用量',
  amount: '金額',
  messages: (_n: number, shown: string) => `${shown}通`,
  lines: (_n: number, shown: string) => `${shown}回線`,
  notices: 'お知らせ',
  noNotices: 'この月のお知らせはありません。',
  breakdown: '請求内訳',
  noticeEmail: '請求金額お知らせメールのアドレス登録',
  notRetained: 'ご請求概要は過去4か月分のみ保存されているため、この月の概要はありません。ご請求金額は請求一覧でご確認いただけます。',
  outOfRange: 'この月は請求一覧の15か月の範囲外です。',
  empty: 'この月のご利用はありません。',
} satisfies Widened<typeof en>;
