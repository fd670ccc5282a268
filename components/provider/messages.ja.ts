import type { Widened } from '../shared/localize.js';
import type en from './messages.en.js';

const jaDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes ? `${minutes}分` : ''}${rest || !minutes ? `${rest}秒` : ''}`;
};

/** Japanese messages of `<wb-idle-warning>`. */
export default {
  heading: 'ご利用を続けますか？',
  endsIn: (time: string) => `セキュリティ保護のため、このまま操作がないと${time}後に自動でログアウトします。`,
  timeLeft: (seconds: number) => `残り${jaDuration(seconds)}`,
  stay: 'ログインを続ける',
  staying: 'ログインを延長中…',
  logout: 'ログアウト',
  loggingOut: 'ログアウト中…',
  failed: 'Web Billingに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
} satisfies Widened<typeof en>;
