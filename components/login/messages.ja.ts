import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';
import type { SessionEndReason } from '../../src/core.js';

const ended: Record<SessionEndReason, string> = {
  logout: 'ログアウトしました。',
  expired: '一定時間操作がなかったため、セッションが終了しました。もう一度ログインしてください。',
  'logout-elsewhere': '別のタブまたはウィンドウでログアウトしました。もう一度ログインしてください。',
  'expired-elsewhere': '別のタブまたはウィンドウで、一定時間操作がなかったためセッションが終了しました。もう一度ログインしてください。',
  'password-changed-elsewhere': '別のタブまたはウィンドウでパスワードが変更されました。新しいパスワードでログインしてください。',
};

/** Japanese messages of `<wb-login>`. */
export default {
  title: 'Web Billing ログイン',
  intro: '初回は、はがきに記載の初期ログインID（7桁）と初期パスワード（8桁）を入力してください。',
  ended: (reason: SessionEndReason) => ended[reason],
  loginId: 'ログインID',
  password: 'パスワード',
  submit: 'ログイン',
  forgot: 'パスワードをお忘れの方',
  required: (what: string) => `${what}を入力してください。`,
  wrong: 'ログインIDまたはパスワードが正しくありません。',
  triesLeft: (n: number) => `あと${n}回失敗するとアカウントがロックされます。`,
  lockedTitle: 'アカウントがロックされています',
  locked: 'ログインに続けて失敗したため、アカウントがロックされました。パスワードを再発行するとロックが解除されます（新しいパスワードは登録済みのメールアドレスに届きます）。',
  reissue: 'パスワードを再発行する',
  noEmail: 'パスワード再発行用のメールアドレスを登録していない場合は、お電話ください。新しいログインID・パスワードをはがきでお送りします（約1週間かかります）。',
  backToLogin: 'ログイン画面に戻る',
  postcardDoneTitle: '初回ログインが完了しました',
  postcardDone: '続いて、お客さまご自身のログインIDとパスワードを設定してください。はがきの初期ログインID・パスワードは、セキュリティのため初回ログインにのみ使用できます。',
  keepPostcard: '次の手順でも初期ログインID・パスワードを使いますので、はがきは捨てずにお手元にご用意ください。',
  reissuedTitle: 'パスワードを変更してください',
  reissued: '再発行されたパスワードでログインしました。続けるには新しいパスワードを設定してください。',
  ok: 'OK',
  loggedIn: (id: string) => `${id} としてログインしています。`,
} satisfies Widened<typeof en>;
