import { defineMessages } from '../shared/localize.js';

/** `m:ss`, as the countdown shows the time left (`0:58`, `1:30`). */
export const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

const enDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
    rest || !minutes ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
};

const jaDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${minutes ? `${minutes}分` : ''}${rest || !minutes ? `${rest}秒` : ''}`;
};

export const idleMessages = defineMessages({
  en: {
    heading: 'Are you still there?',
    /** The visible text; `time` is the countdown, `m:ss`. */
    endsIn: (time: string) => `For your security, your session will end in ${time} without activity.`,
    /** What the live region says, in words. */
    timeLeft: (seconds: number) => `${enDuration(seconds)} left`,
    stay: 'Stay logged in',
    staying: 'Staying logged in…',
    logout: 'Log out',
    loggingOut: 'Logging out…',
    failed: 'The billing service could not be reached. Check your connection and try again.',
  },
  ja: {
    heading: 'ご利用を続けますか？',
    endsIn: (time: string) => `セキュリティ保護のため、このまま操作がないと${time}後に自動でログアウトします。`,
    timeLeft: (seconds: number) => `残り${jaDuration(seconds)}`,
    stay: 'ログインを続ける',
    staying: 'ログインを延長中…',
    logout: 'ログアウト',
    loggingOut: 'ログアウト中…',
    failed: 'Web Billingに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
  },
});
