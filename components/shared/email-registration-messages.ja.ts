import type { Widened } from './localize.js';
import type en from './email-registration-messages.en.js';

/** Japanese messages of `<wb-notice-email>` and `<wb-reissue-email>` alike (each element's locale module spreads them in). */
export default {
  email: 'メールアドレス',
  emailHint: '半角で入力してください（例：name@example.jp）。',
  cancel: 'キャンセル',
  enterEmail: 'メールアドレスを入力してください。',
  emailFormat: 'メールアドレスを半角で入力してください（例：name@example.jp）。',
  reviewTitle: '入力内容の確認',
  back: '戻る',
  ok: 'OK',
  registered: (email: string) => `登録済み：${email}`,
  change: '変更',
  delete: '削除',
  sendAgain: 'もう一度送る・別のアドレスにする',
  keep: '削除しない',
  conflict: 'メールアドレスはすでに登録されています。変更または削除ができます。',
  notFound: 'メールアドレスは登録されていません。新しく登録できます。',
  expiredTitle: 'このURLは使用できません',
  expired: 'このURLは有効期限が切れているか、すでに使用されています。もう一度登録をやり直してください。',
  restart: '登録をやり直す',
} satisfies Widened<typeof en>;
