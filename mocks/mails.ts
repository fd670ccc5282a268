/**
 * Texts of the mails the service sends, in Japanese with an English variant.
 * The Japanese bodies follow the samples in the user guide (the
 * "ご請求額お知らせメール" confirmation and completion mails: user guide, §4
 * Email address for billing amount notices; docs/spec/user-guide.md); the
 * others are written in the same register. Where the guide names NTT Finance, a body
 * names the backend's sender (the `senderName` option, default
 * {@link DEFAULT_SENDER_NAME}), and signs with it above the inquiry desk.
 *
 * @module
 */
import { INQUIRY_DESK, MAIL_SENDER } from '../src/contract/rules.js';
import type { LocalizedText, NoticeEmailType } from '../src/contract/types.js';

/**
 * A mail's subject and body. The subject is the topic only: the outbox puts
 * the sender's name before it ({@link subjectLine}), the same for every mail.
 */
export interface MailText {
  subject: LocalizedText;
  body: LocalizedText;
}

/** The sender's name when `createBackend` is given none. */
export const DEFAULT_SENDER_NAME: LocalizedText = { ja: 'Ｗｅｂビリング', en: 'Web Billing' };

/** A sender's name in both languages (a plain string serves both). */
export function senderNameOf(name: string | LocalizedText = DEFAULT_SENDER_NAME): LocalizedText {
  return typeof name === 'string' ? { ja: name, en: name } : name;
}

/** The subject of every mail: the sender's name, then the topic (`[Web Billing] …`, `【Ｗｅｂビリング】…`). */
export function subjectLine(sender: LocalizedText, topic: LocalizedText): LocalizedText {
  return { ja: `【${sender.ja}】${topic.ja}`, en: `[${sender.en}] ${topic.en}` };
}

/** The From header: the sender's name (English) as display name, then the service's address. */
export function fromLine(sender: LocalizedText): string {
  return `${sender.en} <${MAIL_SENDER}>`;
}

const NO_REPLY = { ja: '※このメールへの返信は出来ません。', en: 'Please do not reply to this mail; replies are not read.' };
/** The signature under a mail: the sender's name, then the inquiry desk. */
function footer(sender: LocalizedText): LocalizedText {
  return {
    ja: `――――――――――――――――――――\n${sender.ja}\nお問い合わせ：${INQUIRY_DESK.phone}（${INQUIRY_DESK.hours.ja}）`,
    en: `--\n${sender.en}\nInquiries: ${INQUIRY_DESK.phone} (${INQUIRY_DESK.hours.en})`,
  };
}

function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** Year, month, day, hour and minute of an instant in Japan time. */
const JST_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An English month name ("November") of a UTC date. */
const EN_MONTH = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long' });

function jst(date: Date): { y: number; m: number; d: number; hh: string; mm: string } {
  const parts = JST_PARTS.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { y: Number(part('year')), m: Number(part('month')), d: Number(part('day')), hh: part('hour'), mm: part('minute') };
}

const enMonth = (y: number, m: number): string => EN_MONTH.format(Date.UTC(y, m - 1, 1));

/** An instant in Japan time, in both languages. */
export function formatInstant(date: Date): LocalizedText {
  const t = jst(date);
  return {
    ja: `${t.y}年${t.m}月${t.d}日 ${t.hh}:${t.mm}`,
    en: `${t.d} ${enMonth(t.y, t.m)} ${t.y}, ${t.hh}:${t.mm} JST`,
  };
}

/** A `YYYY-MM-DD` date in both languages. */
export function formatDate(isoDate: string): LocalizedText {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return { ja: `${y}年${m}月${d}日`, en: `${d} ${enMonth(y, m)} ${y}` };
}

/** A `YYYY-MM` month in both languages. */
export function formatMonth(month: string): LocalizedText {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { ja: `${y}年${m}月`, en: `${enMonth(y, m)} ${y}` };
}

/** Integer yen with thousands separators (no locale data needed). */
export function formatYen(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function reissueEmailConfirmMail(link: string, expiresAt: Date, sender: LocalizedText = DEFAULT_SENDER_NAME): MailText {
  const until = formatInstant(expiresAt);
  const sign = footer(sender);
  return {
    subject: {
      ja: 'ログインパスワード再発行用メールアドレス登録のご確認',
      en: 'Confirm your email address for password reissue',
    },
    body: {
      ja: lines(
        `「${sender.ja}」をご利用いただきありがとうございます。`,
        'ログインパスワード再発行用メールアドレスの登録を受け付けました。',
        '登録はまだ完了しておりません。次のＵＲＬにアクセスし、秘密の質問と答えを入力して登録を完了して下さい。',
        '',
        link,
        '',
        `※メール本文中のＵＲＬは${until.ja}まで（２４時間以内）有効です。`,
        '有効期限を過ぎた場合は、お手数ですが再度登録手続きを行って下さい。',
        'お心当たりのない場合は、このメールを破棄して下さい。',
        NO_REPLY.ja,
        '',
        sign.ja,
      ),
      en: lines(
        `Thank you for using ${sender.en}.`,
        'We have received a request to register this address for password reissue.',
        'The registration is not complete yet. Open the link below and enter your secret question and answer to complete it.',
        '',
        link,
        '',
        `The link is valid until ${until.en} (24 hours).`,
        'If it has expired, please start the registration again.',
        'If you did not ask for this, please discard this mail.',
        NO_REPLY.en,
        '',
        sign.en,
      ),
    },
  };
}

export function reissueEmailRegisteredMail(sender: LocalizedText = DEFAULT_SENDER_NAME): MailText {
  const sign = footer(sender);
  return {
    subject: {
      ja: 'ログインパスワード再発行用メールアドレスの登録完了',
      en: 'Your email address for password reissue is registered',
    },
    body: {
      ja: lines(
        `「${sender.ja}」のログインパスワード再発行用メールアドレスおよび秘密の質問の登録が完了いたしました。`,
        'ログインパスワードをお忘れの場合は、ログイン画面の「ログインパスワード再発行」から再発行のお手続きができます。',
        NO_REPLY.ja,
        '',
        sign.ja,
      ),
      en: lines(
        `Your email address and secret question for password reissue on ${sender.en} are now registered.`,
        'If you forget your password, use "Reissue login password" on the login screen.',
        NO_REPLY.en,
        '',
        sign.en,
      ),
    },
  };
}

export function noticeEmailConfirmMail(link: string, expiresAt: Date, sender: LocalizedText = DEFAULT_SENDER_NAME): MailText {
  const until = formatInstant(expiresAt);
  return {
    subject: {
      ja: 'ご請求額お知らせメール仮登録完了のお知らせ',
      en: 'Billing amount notice: temporary registration completed',
    },
    body: {
      ja: lines(
        `${sender.ja}の「ご請求額お知らせメール」の仮登録が完了いたしました。`,
        '本サービスをご利用される場合は、次のＵＲＬの受付サイトから本登録処理を行って下さい。',
        '',
        link,
        '',
        '※メール本文中のＵＲＬを仮登録完了から２４時間以内にクリックしてください。',
        `（有効期限：${until.ja}）`,
        '',
        '本登録が完了していない場合、本サービスがご利用いただけませんのでご注意願います。',
        '（サービス提供が不要な場合は登録しないで下さい。）',
        NO_REPLY.ja,
      ),
      en: lines(
        `The temporary registration for the ${sender.en} "billing amount notice mail" is complete.`,
        'To use the service, complete the formal registration at the link below.',
        '',
        link,
        '',
        'Please open the link within 24 hours of the temporary registration.',
        `(Valid until ${until.en})`,
        '',
        'The service cannot be used until the formal registration is complete.',
        '(If you do not need the service, do not register.)',
        NO_REPLY.en,
      ),
    },
  };
}

const NOTICE_TYPE: Record<NoticeEmailType, LocalizedText> = {
  mobile: { ja: '携帯電話', en: 'mobile phone' },
  internet: { ja: 'インターネット（パソコン・スマートフォン・タブレット）', en: 'Internet (computer, smartphone or tablet)' },
};

export function noticeEmailRegisteredMail(type: NoticeEmailType, sender: LocalizedText = DEFAULT_SENDER_NAME): MailText {
  return {
    subject: {
      ja: 'ご請求額お知らせメール本登録完了のお知らせ',
      en: 'Billing amount notice: registration completed',
    },
    body: {
      ja: lines(
        `${sender.ja}の「ご請求額お知らせメール」の本登録が完了いたしました。`,
        `メールの種類：${NOTICE_TYPE[type].ja}`,
        'ご請求額が確定しましたら、お支払期日の２週間前に本アドレスへお知らせいたします。',
        NO_REPLY.ja,
      ),
      en: lines(
        `The registration for the ${sender.en} "billing amount notice mail" is complete.`,
        `Type of address: ${NOTICE_TYPE[type].en}`,
        'Each month, once the amount is set, we will send it to this address two weeks before the due date.',
        NO_REPLY.en,
      ),
    },
  };
}

export function noticeMonthlyAmountMail(
  args: { customerName: string; month: string; amount: number; dueDate: string },
  sender: LocalizedText = DEFAULT_SENDER_NAME,
): MailText {
  const sign = footer(sender);
  const month = formatMonth(args.month);
  const due = formatDate(args.dueDate);
  const yen = formatYen(args.amount);
  return {
    subject: {
      ja: `${month.ja}ご請求額のお知らせ`,
      en: `Your billing amount for ${month.en}`,
    },
    body: {
      ja: lines(
        `${args.customerName} 様`,
        '',
        `${sender.ja}より${month.ja}ご請求分のご請求額をお知らせいたします。`,
        '',
        `ご請求額：${yen}円（税込）`,
        `お支払期日：${due.ja}`,
        '',
        'ご請求内訳は「Ｗｅｂビリング」でご確認いただけます。',
        NO_REPLY.ja,
        '',
        sign.ja,
      ),
      en: lines(
        `Dear ${args.customerName},`,
        '',
        `This is your billing amount for ${month.en} from ${sender.en}.`,
        '',
        `Amount: ${yen} yen (tax included)`,
        `Due date: ${due.en}`,
        '',
        'The breakdown is available on Web Billing.',
        NO_REPLY.en,
        '',
        sign.en,
      ),
    },
  };
}

export function passwordReissuedMail(temporaryPassword: string, validHours: number, sender: LocalizedText = DEFAULT_SENDER_NAME): MailText {
  const sign = footer(sender);
  return {
    subject: {
      ja: 'ログインパスワード再発行通知',
      en: 'Your login password has been reissued',
    },
    body: {
      ja: lines(
        `「${sender.ja}」のログインパスワードを再発行いたしました。`,
        '',
        `新しいパスワード：${temporaryPassword}`,
        `（このパスワードは${validHours}時間有効です。）`,
        '',
        'ログイン画面でログインIDと上記の新しいパスワードを入力してログインして下さい。',
        'ログイン後、パスワードの変更画面が表示されますので、お客様ご自身のパスワードに変更して下さい。',
        'お心当たりのない場合は、お手数ですが下記までお問い合わせ下さい。',
        NO_REPLY.ja,
        '',
        sign.ja,
      ),
      en: lines(
        `Your ${sender.en} login password has been reissued.`,
        '',
        `New password: ${temporaryPassword}`,
        `(It logs in for ${validHours} ${validHours === 1 ? 'hour' : 'hours'}.)`,
        '',
        'Log in with your login ID and the new password above.',
        'You will then be asked to change it to a password of your own.',
        'If you did not ask for this, please contact us.',
        NO_REPLY.en,
        '',
        sign.en,
      ),
    },
  };
}

/** Sent after every credential change; never carries the new ID or password. */
export function credentialsChangedMail(what: 'login-id-and-password' | 'password', at: Date, sender: LocalizedText = DEFAULT_SENDER_NAME): MailText {
  const when = formatInstant(at);
  const sign = footer(sender);
  const changed =
    what === 'password'
      ? { ja: 'ログインパスワード', en: 'login password' }
      : { ja: 'ログインIDおよびログインパスワード', en: 'login ID and login password' };
  return {
    subject: {
      ja: `${changed.ja}変更のお知らせ`,
      en: `Your ${changed.en} was changed`,
    },
    body: {
      ja: lines(
        `「${sender.ja}」の${changed.ja}が${when.ja}に変更されました。`,
        'お心当たりのない場合は、至急下記までお問い合わせ下さい。',
        NO_REPLY.ja,
        '',
        sign.ja,
      ),
      en: lines(
        `Your ${sender.en} ${changed.en} was changed on ${when.en}.`,
        'If you did not make this change, please contact us at once.',
        NO_REPLY.en,
        '',
        sign.en,
      ),
    },
  };
}

/**
 * To the address of an email registration that was replaced or deleted:
 * what changed and when, the new address masked, no secret.
 */
export function registrationChangedMail(
  which: 'reissue-email' | 'notice-email',
  change: { kind: 'changed'; to: string } | { kind: 'deleted' },
  at: Date,
  sender: LocalizedText = DEFAULT_SENDER_NAME,
): MailText {
  const when = formatInstant(at);
  const sign = footer(sender);
  const name =
    which === 'reissue-email'
      ? { ja: 'ログインパスワード再発行用メールアドレス', en: 'email address for password reissue' }
      : { ja: 'ご請求額お知らせメールの送信先', en: 'address for the billing-amount notice' };
  const what =
    change.kind === 'changed'
      ? { ja: `${change.to}に変更されました`, en: `was changed to ${change.to}` }
      : { ja: '削除されました', en: 'was deleted' };
  return {
    subject: {
      ja: `${name.ja}変更のお知らせ`,
      en: `Your ${name.en} ${change.kind === 'changed' ? 'was changed' : 'was deleted'}`,
    },
    body: {
      ja: lines(
        `「${sender.ja}」の${name.ja}が${when.ja}に${what.ja}。`,
        'お心当たりのない場合は、至急下記までお問い合わせ下さい。',
        NO_REPLY.ja,
        '',
        sign.ja,
      ),
      en: lines(
        `The ${name.en} of your ${sender.en} account ${what.en} on ${when.en}.`,
        'If you did not make this change, please contact us at once.',
        NO_REPLY.en,
        '',
        sign.en,
      ),
    },
  };
}
