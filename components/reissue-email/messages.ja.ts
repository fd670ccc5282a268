import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';
import { INQUIRY_DESK } from '../../src/core.js';

/** Japanese messages of `<wb-reissue-email>`. */
export default {
  title: 'ログインパスワード再発行用メールアドレス',
  intro: 'ログインパスワードを忘れたときやロックされたときに、秘密の質問と答えを入力すると、新しいパスワードがこのアドレスに届きます。',
  withoutEmail: `登録がない場合は、お電話（${INQUIRY_DESK.phone}）のうえ、はがきでお送りします（約1週間かかります）。`,
  registerTitle: 'ログインパスワード再発行用メールアドレスの登録',
  changeTitle: 'ログインパスワード再発行用メールアドレスの変更',
  emailConfirm: 'メールアドレス（確認のため再入力）',
  question: '秘密の質問',
  answer: '秘密の質問の答え',
  answerHint: '登録の完了時とパスワードの再発行時に、もう一度入力していただきます。',
  confirm: '確認',
  enterEmailAgain: '確認のため、メールアドレスをもう一度入力してください。',
  emailMismatch: '2回入力したメールアドレスが一致しません。',
  chooseQuestion: '秘密の質問を選んでください。',
  enterAnswer: '秘密の質問の答えを入力してください。',
  reviewIntro: '内容がよろしければ「更新」を押してください。修正する場合は「戻る」を押してください。',
  update: '更新',
  sentTitle: 'メールをご確認ください',
  sent: (email: string) => `${email} に確認メールを送信しました。登録はまだ完了していません。`,
  sender: (sender: string) => `送信元が ${sender} であることをご確認ください。`,
  within24h: (until: string) =>
    `メール本文のURLを24時間以内（${until}まで）に開き、秘密の質問と答えをもう一度入力して登録を完了してください。`,
  startAgainHint: '24時間以内に手続きを完了できなかった場合は、もう一度登録をやり直してください。',
  registeredTitle: 'ログインパスワード再発行用メールアドレス',
  registeredQuestion: (question: string) => `秘密の質問：${question}`,
  pendingChange: (email: string, until: string) => `${email} への変更は、お送りしたメールのURLを開くと完了します（${until}まで有効）。`,
  pendingTitle: '登録の完了をお待ちしています',
  pending: (email: string, until: string) => `${email} に確認メールをお送りしました。${until}までにURLを開いて登録を完了してください。`,
  deleteTitle: 'ログインパスワード再発行用メールアドレスを削除しますか？',
  deleteWarning: '削除すると、ログインパスワードを忘れた場合は、お電話のうえ、はがきでの再発行となります（約1週間かかります）。',
  deleted: 'ログインパスワード再発行用メールアドレスを削除しました。',
  confirmTitle: '登録の完了',
  confirmIntro: '登録した秘密の質問を選び、答えを入力して「登録」を押してください。',
  register: '登録',
  wrongAnswer: '秘密の質問または答えが登録内容と一致しません。両方をご確認のうえ、もう一度お試しください。',
  completedTitle: '登録が完了しました',
  completed: 'ログインパスワード再発行用メールアドレスと秘密の質問の登録が完了しました。',
} satisfies Widened<typeof en>;
