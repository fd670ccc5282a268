import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';
import { INQUIRY_DESK } from '../../src/core.js';

/** Japanese messages of `<wb-password-reissue>`. */
export default {
  title: 'ログインパスワードの再発行',
  intro:
    'ログインID、ログインパスワード再発行用に登録したメールアドレス、秘密の質問と答えを入力してください。登録のメールアドレスに新しいパスワードをお送りし、ロックも解除されます。',
  loginId: 'ログインID',
  email: '登録済みのメールアドレス',
  emailHint: 'ログインパスワード再発行用に登録したメールアドレスを半角で入力してください。',
  question: '秘密の質問',
  answer: '秘密の質問の答え',
  submit: '送信',
  backToLogin: 'ログイン画面に戻る',
  enterLoginId: 'ログインIDを入力してください。',
  enterEmail: '登録済みのメールアドレスを入力してください。',
  emailFormat: 'メールアドレスを半角で入力してください（例：name@example.jp）。',
  chooseQuestion: '秘密の質問を選んでください。',
  enterAnswer: '秘密の質問の答えを入力してください。',
  noEmailTitle: 'メールアドレスを登録していない場合',
  noEmail: `Web Billing 担当窓口（${INQUIRY_DESK.phone}、${INQUIRY_DESK.hours.ja}）にお電話ください。新しいログインID・パスワードを、ご登録の住所にはがきでお送りします（約1週間かかります）。お電話は必ずご契約者ご本人さまからお願いします。`,
  doneTitle: 'メールをご確認ください',
  done: '入力内容が登録内容と一致した場合は、登録のメールアドレスに新しいパスワードをお送りしました。',
  sender: (sender: string) => `送信元が ${sender} であることを確認し、メールに記載の新しいパスワードをご確認ください。`,
  next: 'ログインIDと新しいパスワードでログインすると、お客さまご自身のパスワードへの変更画面が表示されます。',
  toLogin: 'ログイン画面へ',
} satisfies Widened<typeof en>;
