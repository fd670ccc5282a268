import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

/** Japanese messages of `<wb-breakdown>`. */
export default {
  title: (month: string) => `${month}の請求内訳`,
  scopeLine: (line: string) => `回線番号 ${line}`,
  scopeCompany: (company: string) => `${company}`,
  total: 'ご請求金額',
  taxTotal: 'うち消費税等',
  dueDate: 'お支払期日',
  openAll: 'すべて開く',
  closeAll: 'すべて閉じる',
  downloadCsv: 'CSVダウンロード（請求全体）',
  csvFailed: '請求データを読み込めなかったため、CSVを作成できませんでした。もう一度お試しください。',
  skipToEnd: '内訳の最後へ移動',
  summary: 'ご請求概要',
  noticeEmail: '請求金額お知らせメールのアドレス登録',
  companies: '通信会社別の内訳',
  lineLabel: (line: string) => `回線番号 ${line}`,
  items: (n: number) => `${n}項目`,
  taxItem: '消費税等',
  discountItem: '割引',
  kindNote: (kind: string) => `（${kind}）`,
  feeItem: '不課税',
  notRetained: '請求内訳は過去4か月分のみ保存されているため、この月の内訳はありません。ご請求金額は請求一覧でご確認いただけます。',
  notFound: 'この回線番号または通信会社はこのご請求に含まれていません。',
  outOfRange: 'この月は請求一覧の15か月の範囲外です。',
  empty: 'この月のご請求はありません。',
} satisfies Widened<typeof en>;
