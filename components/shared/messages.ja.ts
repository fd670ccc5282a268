import type { Widened } from './localize.js';
import type en from './messages.en.js';
import { INQUIRY_DESK, type FieldIssueCode } from '../../src/core.js';

const fieldJa: Record<FieldIssueCode, string> = {
  required: '入力してください。',
  invalid_type: '正しくありません。',
  too_short: '文字数が足りません。',
  too_long: '文字数が多すぎます。',
  invalid_format: '形式が正しくありません。',
  letter_and_digit_required: '英字と数字を両方使ってください。',
  invalid_characters: '英字・数字・記載の記号のみ使えます。',
  same_as_login_id: 'ログインIDと異なるパスワードにしてください。',
  mismatch: '2回の入力が一致しません。',
  login_id_taken: 'このログインIDは使われています。別のIDを選んでください。',
  not_initial_credential: 'はがきに記載のとおり入力してください。',
  unknown_question: '一覧から質問を選んでください。',
  wrong_answer: '登録された答えと一致しません。',
  wrong_number: '登録された番号と一致しません。',
};

/** Japanese messages of every element (`common`). */
export default {
  field: (code: FieldIssueCode) => fieldJa[code] ?? fieldJa.invalid_format,
  fixFields: (n: number) => `${n}件の入力内容をご確認ください。`,
  networkFault: 'Web Billingに接続できませんでした。入力内容はそのまま残っています。',
  serverFault: 'Web Billingで問題が発生しました。入力内容はそのまま残っています。',
  timeoutFault: 'Web Billingの応答がありませんでした。入力内容はそのまま残っています。',
  rateLimited: (seconds?: number) =>
    seconds ? `試行回数が多すぎます。${seconds}秒後にもう一度お試しください。` : '試行回数が多すぎます。しばらくしてからもう一度お試しください。',
  sessionExpired: 'セッションが終了しました。もう一度ログインしてください（入力内容は残っています）。',
  sessionEndedRead: 'セッションが終了しました。表示するには、もう一度ログインしてください。',
  logInToSee: '表示するにはログインしてください。',
  toTop: 'トップ画面へ',
  retry: 'もう一度試す',
  logIn: 'ログイン',
  sending: '送信中…',
  noProvider: (tag: string) => `<${tag}> は <wb-provider base-url="…"> の中に置いてください（Web Billingとの接続を提供します）。`,
  inquiry: `Web Billing 担当窓口：${INQUIRY_DESK.phone}（${INQUIRY_DESK.hours.ja}）`,
  show: '表示',
  hide: '隠す',
  showPassword: (label: string) => `${label}を表示`,
  hidePassword: (label: string) => `${label}を隠す`,
  required: '必須',
  loading: '読み込み中…',
  empty: '表示する内容がありません。',
  loadFailed: '読み込めませんでした。',
  reloadToLoad: 'もう一度試しても読み込めない場合は、ページを再読み込みしてください。',
  reload: 'ページを再読み込み',
} satisfies Widened<typeof en>;
