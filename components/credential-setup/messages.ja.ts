import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

/** Japanese messages of `<wb-credential-setup>`. */
export default {
  title: 'ログインID・パスワードの変更',
  intro: 'はがきに記載の初期ログインID・初期パスワードをもう一度入力し、お客さまご自身のログインIDとパスワードを設定してください。',
  postcard: 'はがきに記載の初期ログインID・パスワード',
  newLoginIdGroup: '新しいログインID',
  newPasswordGroup: '新しいパスワード',
  initialLoginId: '初期ログインID',
  initialPassword: '初期パスワード',
  requiredInitialLoginId: 'はがきに記載の初期ログインIDを入力してください。',
  requiredInitialPassword: 'はがきに記載の初期パスワードを入力してください。',
  wrongInitial: '初期ログインIDまたは初期パスワードがはがきの記載と一致しません。パスワード欄は消去しましたので、記載のとおりもう一度入力してください。',
  checking: 'このログインIDが使えるか確認しています…',
  available: 'このログインIDは使えます。',
  taken: 'このログインIDは使われています。別のIDを選んでください。',
  uncheckable: 'いまはログインIDが使えるか確認できませんでした。更新時に確認します。',
  alreadyChanged: '初期ログインID・パスワードはすでに変更済みです。お客さまが設定したログインID・パスワードでログインしてください（パスワードはパスワード変更から変更できます）。',
  submit: '更新',
  doneTitle: 'ログインID・パスワードの変更完了',
  done: '初期ログインID・ログインパスワードの変更が完了しました。お客さまが設定したログインID・ログインパスワードは大切な情報ですので、お忘れにならないようご注意ください。',
  yourLoginId: (id: string) => `新しいログインIDは ${id} です。`,
  choiceTitle: 'パスワード再発行用メールアドレスを登録しますか？',
  choice: 'パスワード再発行用メールアドレスを登録しておくと、ログインパスワードを忘れたときやロックされたときに、再発行したパスワードをメールで受け取れます。',
  withoutEmail: '登録がない場合、再発行したパスワードは、お電話でお申し出いただいた後にはがき（郵送）でお届けします（到着まで約1週間かかります）。',
  now: '今すぐ登録する',
  later: 'あとで登録する',
  laterTitle: '設定が完了しました',
  laterDone: 'パスワード再発行用メールアドレスは、トップ画面のメニューからいつでも登録できます。',
} satisfies Widened<typeof en>;
