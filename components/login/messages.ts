import type { SessionEndReason } from '../../src/index.js';
import { defineMessages } from '../shared/localize.js';

const endedEn: Record<SessionEndReason, string> = {
  logout: 'You have logged out.',
  expired: 'Your session has ended after a while without activity. Please log in again.',
  'logout-elsewhere': 'You logged out in another tab or window. Please log in again.',
  'expired-elsewhere': 'Your session has ended in another tab or window, after a while without activity. Please log in again.',
  'password-changed-elsewhere': 'Your password was changed in another tab or window. Please log in with the new password.',
};

const endedJa: Record<SessionEndReason, string> = {
  logout: 'ログアウトしました。',
  expired: '一定時間操作がなかったため、セッションが終了しました。もう一度ログインしてください。',
  'logout-elsewhere': '別のタブまたはウィンドウでログアウトしました。もう一度ログインしてください。',
  'expired-elsewhere': '別のタブまたはウィンドウで、一定時間操作がなかったためセッションが終了しました。もう一度ログインしてください。',
  'password-changed-elsewhere': '別のタブまたはウィンドウでパスワードが変更されました。新しいパスワードでログインしてください。',
};

export const loginMessages = defineMessages({
  en: {
    title: 'Log in to Web Billing',
    intro: 'The first time, use the initial login ID (7 characters) and initial password (8 characters) printed on your postcard.',
    ended: (reason: SessionEndReason) => endedEn[reason],
    loginId: 'Login ID',
    password: 'Password',
    submit: 'Log in',
    forgot: 'Forgot your password?',
    required: (what: string) => `Enter your ${what.toLowerCase()}.`,
    wrong: 'The login ID or password is incorrect.',
    triesLeft: (n: number) => (n === 1 ? '1 try left before the account is locked.' : `${n} tries left before the account is locked.`),
    lockedTitle: 'Your account is locked',
    locked: 'Too many failed logins locked this account. Reissue your password to unlock it: a new password is mailed to your registered email address.',
    reissue: 'Reissue my password',
    noEmail: 'No email registered for password reissue? Call us and a new login ID and password will be posted to you (it takes about a week).',
    postcardDoneTitle: 'Initial login completed',
    postcardDone: 'Next, choose a login ID and password of your own. The initial ID and password on the postcard work only for this first login, for your security.',
    keepPostcard: 'Keep the postcard: the next step asks for the initial ID and password again.',
    reissuedTitle: 'Please change your password',
    reissued: 'You logged in with a reissued password. Choose a new password of your own to continue.',
    ok: 'OK',
    loggedIn: (id: string) => `You are logged in as ${id}.`,
  },
  ja: {
    title: 'Web Billing ログイン',
    intro: '初回は、はがきに記載の初期ログインID（7桁）と初期パスワード（8桁）を入力してください。',
    ended: (reason: SessionEndReason) => endedJa[reason],
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
    postcardDoneTitle: '初回ログインが完了しました',
    postcardDone: '続いて、お客さまご自身のログインIDとパスワードを設定してください。はがきの初期ログインID・パスワードは、セキュリティのため初回ログインにのみ使用できます。',
    keepPostcard: '次の手順でも初期ログインID・パスワードを使いますので、はがきは捨てずにお手元にご用意ください。',
    reissuedTitle: 'パスワードを変更してください',
    reissued: '再発行されたパスワードでログインしました。続けるには新しいパスワードを設定してください。',
    ok: 'OK',
    loggedIn: (id: string) => `${id} としてログインしています。`,
  },
});
