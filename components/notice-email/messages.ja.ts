import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';
import registration from '../shared/email-registration-messages.ja.js';

/** Japanese messages of `<wb-notice-email>`. */
export default {
  ...registration,
  title: 'ご請求額お知らせメールアドレス',
  needsLogin: 'ご請求額お知らせメールアドレスの登録・変更は、ログイン後に行えます。先にログインしてください。',
  intro: '毎月のご請求額を、お支払期日の2週間前にこのアドレスへお知らせします。',
  notesTitle: 'ご注意事項',
  noteNotReached: '届かない場合は、アドレスをご確認のうえ変更してください。',
  noteCharges: 'お知らせメールの通信料は、お客さまのご負担となります。',
  noteJunk: (sender: string) =>
    `迷惑メール対策により受信できない場合があります（メールソフトの設定またはプロバイダーにご確認ください）。${sender} またはそのドメインを受信できるよう設定してください。`,
  none: 'ご請求額お知らせメールアドレスは登録されていません。',
  registerAddress: 'アドレスを登録する',
  registerTitle: 'ご請求額お知らせメールアドレスの登録',
  changeTitle: 'ご請求額お知らせメールアドレスの変更',
  type: 'メールアドレスの種類',
  mobile: '携帯電話',
  internet: 'インターネット（パソコン・スマートフォン・タブレット）',
  next: '次へ',
  chooseType: 'メールアドレスの種類を選んでください。',
  reviewIntro: '内容がよろしければ「次へ」を押してください。修正する場合は「戻る」を押してください。',
  sentTitle: '仮登録が完了しました',
  sent: (email: string) => `${email} に確認メールを送信しました。登録はまだ完了していません。`,
  sender: (sender: string) => `送信元が ${sender} であることをご確認ください。`,
  within24h: (until: string) =>
    `24時間以内（${until}まで）にURLをクリックして本登録を完了してください。過ぎた場合は登録をやり直してください。`,
  registeredType: (type: string) => `種類：${type}`,
  pendingTitle: '本登録の完了をお待ちしています',
  pending: (email: string, until: string) => `${email} に確認メールを送信しました。${until}までにURLを開いて本登録を完了してください。`,
  deleteTitle: 'ご請求額お知らせメールを停止しますか？',
  deleteWarning: 'ご請求額のお知らせが届かなくなります。',
  deleted: 'ご請求額お知らせメールアドレスを削除しました。',
  confirmTitle: '本登録の手続き',
  confirmIntro: 'Web Billingに登録の電話番号またはお客さま番号を入力してください。',
  number: '登録電話番号またはお客さま番号',
  numberHint: '10桁または11桁の番号を入力してください（例：09012345678、0012345678）。ハイフン入りや全角数字のままでもかまいません。',
  enterNumber: '登録電話番号またはお客さま番号を入力してください。',
  numberFormat: '10桁または11桁の数字で入力してください（例：09012345678、0012345678）。',
  wrongNumber: '登録電話番号またはお客さま番号と一致しません。ご確認のうえ、もう一度お試しください。',
  complete: '本登録を完了する',
  completedTitle: '本登録が完了しました',
  completed: '着信メールをご確認ください！',
  monthly: 'ご請求額を毎月、お支払期日の2週間前にお知らせします。',
} satisfies Widened<typeof en>;
