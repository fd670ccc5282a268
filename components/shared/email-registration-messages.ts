import { defineMessages } from './localize.js';

/** Messages `<wb-notice-email>` and `<wb-reissue-email>` word the same; each element's catalog spreads them in. */
export const emailRegistrationMessages = defineMessages({
  en: {
    email: 'Email address',
    emailHint: 'In one-byte characters, like name@example.jp.',
    cancel: 'Cancel',
    enterEmail: 'Enter your email address.',
    emailFormat: 'Enter an email address in one-byte characters, like name@example.jp.',
    reviewTitle: 'Check what you entered',
    back: 'Back',
    ok: 'OK',
    registered: (email: string) => `Registered: ${email}`,
    change: 'Change',
    delete: 'Delete',
    sendAgain: 'Send again or use another address',
    keep: 'Keep it',
    conflict: 'An email address is already registered: you can change or delete it.',
    notFound: 'No email address is registered any more: you can register one.',
    expiredTitle: 'This link can no longer be used',
    expired: 'This link has expired or has already been used — please start the registration again.',
    restart: 'Start the registration again',
  },
  ja: {
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
  },
});

/** The messages {@link emailRegistrationMessages} leaves to each element, in the words of its service. */
export interface OwnRegistrationMessages {
  title: string;
  intro: string;
  registerTitle: string;
  changeTitle: string;
  reviewIntro: string;
  sentTitle: string;
  sent: (email: string) => string;
  sender: (sender: string) => string;
  within24h: (until: string) => string;
  pendingTitle: string;
  pending: (email: string, until: string) => string;
  deleteTitle: string;
  deleteWarning: string;
  deleted: string;
  confirmTitle: string;
  confirmIntro: string;
  completedTitle: string;
  completed: string;
}

/** Every message the shared registration screens use. */
export type EmailRegistrationMessages = (typeof emailRegistrationMessages)['en'] & OwnRegistrationMessages;
