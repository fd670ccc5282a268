import type { Widened } from './localize.js';
import type en from './checklist-messages.en.js';
import type { CredentialKind } from './credential-checklist.js';

/** Japanese messages of the credential checklist (its rules, their errors, the new credential's labels). */
export default {
  label: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインID' : '新しいパスワード'),
  labelAgain: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインID（確認用）' : '新しいパスワード（確認用）'),
  title: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインIDの条件' : '新しいパスワードの条件'),
  length: (min: number, max: number) => `${min}〜${max}文字`,
  letterAndDigit: '英字と数字の両方を含む',
  charsetAscii: '半角英数字と次の記号のみ：',
  // 記号の読み（NAMED_SYMBOLS の順）。
  symbolNames: '感嘆符、シャープ、ドル記号、パーセント、アンパサンド、左丸かっこ、右丸かっこ、アスタリスク、プラス、ハイフン、ピリオド、スラッシュ、コロン、セミコロン、イコール、疑問符、アットマーク、左角かっこ、右角かっこ、アンダースコア',
  listSeparator: '、',
  spokenSymbols: (names: string) => `（${names}）`,
  charsetUnicode: '制御文字・見えない文字を含まない',
  differs: (kind: CredentialKind) => (kind === 'loginId' ? '新しいパスワードと異なる' : 'ログインIDと異なる'),
  matches: '確認用の入力と一致',
  notInUse: 'ほかの方が使用していない（Web Billingで確認します）',
  met: '（条件を満たしています）',
  unmet: '（まだ満たしていません）',
  loadingRules: '条件を読み込んでいます…',
  summary: (kind: CredentialKind, met: number, total: number) =>
    `${kind === 'loginId' ? '新しいログインID' : '新しいパスワード'}：${total}件中${met}件の条件を満たしています。`,
  required: (kind: CredentialKind) => (kind === 'loginId' ? 'お好きなログインIDを入力してください。' : 'お好きなパスワードを入力してください。'),
  requiredAgain: (kind: CredentialKind) =>
    kind === 'loginId' ? '確認のため、新しいログインIDをもう一度入力してください。' : '確認のため、新しいパスワードをもう一度入力してください。',
  lengthError: (min: number, max: number) => `${min}〜${max}文字で入力してください。`,
  letterAndDigitError: '英字と数字を両方使ってください（英字のみ・数字のみは使えません）。',
  charsetAsciiError: '半角英数字と記載の記号のみ使えます。',
  charsetUnicodeError: '制御文字や見えない文字を取り除いてください。',
  differsError: 'ログインIDと異なるパスワードにしてください。',
  matchesError: (kind: CredentialKind) => (kind === 'loginId' ? '新しいログインIDと一致しません。' : '新しいパスワードと一致しません。'),
} satisfies Widened<typeof en>;
