const enDuration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
    rest || !minutes ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
};

/** English messages of `<wb-idle-warning>`. */
export default {
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
};
