import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

/** Japanese messages of `<wb-billing-list>`. */
export default {
  title: (n: number) => `過去${n}か月のご請求金額`,
  chartTitle: '月別ご請求金額（古い月から新しい月）',
  tableCaption: '月別ご請求金額（新しい月から）',
  chartHint: '矢印キーで月を移動し、ご請求内訳のある月でEnterキーを押すと内訳を表示します。',
  legendBreakdown: 'ご請求内訳あり（棒を選択）',
  legendAmountOnly: '金額のみ',
  legendProvisional: '確定前（当月・変更の可能性あり）',
  retention: (n: number) => `ご請求内訳は過去${n}か月分のみ保存しています。それより前の月は、金額・お支払期日・状態を表示します。`,
  month: 'ご請求月',
  amount: 'ご請求金額',
  dueDate: 'お支払期日',
  status: '状態',
  breakdown: 'ご請求内訳',
  confirmed: '確定',
  provisional: '確定前',
  detailedBreakdown: 'ご請求内訳',
  forMonth: (month: string) => `（${month}）`,
  amountOnly: '金額のみ',
  barLabel: (month: string, amount: string, provisional: boolean, hasBreakdown: boolean) =>
    `${month}：${amount}${provisional ? '（確定前）' : ''}。${hasBreakdown ? 'ご請求内訳あり。' : '金額のみ。'}`,
  empty: '表示できるご請求金額はまだありません。',
} satisfies Widened<typeof en>;
