import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

/** Japanese messages of `<wb-password-change>`. */
export default {
  title: 'ログインパスワードの変更',
  introReissued: '再発行されたパスワードでログインしました。メールに記載のパスワードをもう一度入力し、お客さまご自身の新しいパスワードを設定してください。',
  introVoluntary: '現在のパスワードを入力し、新しいパスワードを設定してください。',
  currentReissued: 'メールに記載のパスワード',
  currentVoluntary: '現在のパスワード',
  requiredReissued: 'メールに記載のパスワードを入力してください。',
  requiredVoluntary: '現在のパスワードを入力してください。',
  wrongReissued: 'メールに記載のパスワードと一致しません。パスワード欄は消去しましたので、記載のとおりもう一度入力してください。',
  wrongVoluntary: '現在のパスワードが正しくありません。パスワード欄は消去しましたので、もう一度入力してください。',
  setupFirst: 'はがきの初期ログインIDでログインしています。先にお客さまご自身のログインIDとパスワードを設定してください。',
  submit: '更新',
  doneTitle: 'パスワードの変更完了',
  done: 'ログインパスワードの変更が完了しました。お客さまが設定したログインパスワードは大切な情報ですので、お忘れにならないようご注意ください。',
} satisfies Widened<typeof en>;
