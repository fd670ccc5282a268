import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';
import { TOTAL_LABEL } from './total-labels.js';

const count = (n: number) => n.toLocaleString('en');

/** Japanese messages of `<wb-line-picker>`. */
export default {
  label: '表示する回線番号・通信会社',
  hint: '回線番号の一部（ハイフンはあってもなくても可）または通信会社名を入力するか、回線番号をすべて入力してください。',
  showList: '回線・通信会社の一覧を表示',
  listLabel: '回線・通信会社',
  view: '表示',
  total: TOTAL_LABEL.ja,
  totalDetail: (lines: number, companies: number) => `${count(lines)}回線・${count(companies)}社`,
  companyDetail: (lines: number) => `通信会社ごとの合計・${count(lines)}回線`,
  matches: (lines: number, companies: number, total = false) => {
    if (lines === 0 && companies === 0) return total ? '「合計（全回線）」が該当します。' : '該当する回線はありません。';
    if (companies === 0) return `${count(lines)}件の回線が該当します。`;
    if (lines === 0) return `${count(companies)}社の通信会社が該当します。`;
    return `${count(lines)}件の回線と${count(companies)}社の通信会社が該当します。`;
  },
  noMatch: (query: string) => `「${query}」に該当する回線・通信会社はありません。`,
  unknownNumber: (number: string) => `回線番号 ${number} はこのご請求に含まれていません。番号をご確認いただくか、一覧から選んでください。`,
  chooseOne: '複数の回線が該当します。一覧から選ぶか、回線番号（10桁または11桁）をすべて入力してください。',
  noLines: 'このアカウントでご請求している回線はありません。',
  singleLine: (number: string, company: string, service: string) => `ご利用回線：${number}（${[company, service].filter(Boolean).join('・')}）`,
  selected: (what: string) => `${what}を表示します。`,
} satisfies Widened<typeof en>;
