/**
 * Messages every element shares: field problems by rule code, network
 * faults, the missing-provider notice, the inquiry desk.
 *
 * @module
 */
import { INQUIRY_DESK } from '../../src/contract/rules.js';
import type { FieldIssueCode } from '../../src/index.js';
import { defineMessages } from './localize.js';

const fieldEn: Record<FieldIssueCode, string> = {
  required: 'Please fill this in.',
  invalid_type: 'This is not valid.',
  too_short: 'This is too short.',
  too_long: 'This is too long.',
  invalid_format: 'This is not in the expected format.',
  letter_and_digit_required: 'Use both letters and digits.',
  invalid_characters: 'Use only letters, digits and the listed symbols.',
  same_as_login_id: 'The password must differ from the login ID.',
  mismatch: 'The two entries do not match.',
  login_id_taken: 'This login ID is already in use. Please choose another.',
  not_initial_credential: 'Enter it exactly as printed on the postcard.',
  unknown_question: 'Choose one of the listed questions.',
  wrong_answer: 'The answer does not match the one registered.',
  wrong_number: 'This number does not match the registered one.',
};

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

/** Shared messages. */
export const common = defineMessages({
  en: {
    field: (code: FieldIssueCode) => fieldEn[code] ?? fieldEn.invalid_format,
    fixFields: (n: number) => (n === 1 ? '1 field needs attention.' : `${n} fields need attention.`),
    networkFault: 'The billing service could not be reached. Nothing you typed was lost.',
    serverFault: 'The billing service had a problem. Nothing you typed was lost.',
    timeoutFault: 'The billing service took too long to answer. Nothing you typed was lost.',
    rateLimited: (seconds?: number) =>
      seconds ? `Too many attempts. Please try again in ${seconds} seconds.` : 'Too many attempts. Please wait a moment and try again.',
    sessionExpired: 'Your session has ended. Please log in again; what you typed is kept.',
    sessionEndedRead: 'Your session has ended. Please log in again to see this.',
    logInToSee: 'Please log in to see this.',
    retry: 'Try again',
    logIn: 'Log in',
    sending: 'Sending…',
    noProvider: (tag: string) => `<${tag}> needs to be inside <wb-provider base-url="…">, which connects it to the billing service.`,
    inquiry: `Web Billing inquiry desk: ${INQUIRY_DESK.phone}, ${INQUIRY_DESK.hours.en}.`,
    show: 'Show',
    hide: 'Hide',
    showPassword: (label: string) => `Show ${label}`,
    hidePassword: (label: string) => `Hide ${label}`,
    required: 'required',
    loading: 'Loading…',
    empty: 'Nothing to show.',
    loadFailed: 'This could not be loaded.',
  },
  ja: {
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
  },
});
