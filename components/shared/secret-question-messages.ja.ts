import type { Widened } from './localize.js';
import type en from './secret-question-messages.en.js';

/** Japanese messages of the secret-question forms (`<wb-reissue-email>`, `<wb-password-reissue>`). */
export default {
  loadFailed: 'Web Billingから読み込めませんでした。もう一度お試しください。',
  needsLogin: 'ログインパスワード再発行用メールアドレスの登録・変更は、ログイン後に行えます。先にログインしてください。',
  choose: '質問を選んでください',
} satisfies Widened<typeof en>;
