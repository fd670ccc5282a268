import { createClient, type SessionEndReason } from '../../../src/index.js';

/** What the page shows; yours to write. */
export interface SessionUi {
  /** No session (any more): show the login, saying why when there is a reason. */
  showLogin(reason?: SessionEndReason): void;
  /** The idle end is near: offer to stay logged in. */
  warn(secondsLeft: number): void;
}

/**
 * On every page load of a multi-page portal: find the session again (the
 * `cookie` and `tab` modes keep it across reloads and pages), hear of its
 * end (here or in another tab), and warn before the idle timeout.
 */
export async function startPage(baseUrl: string, ui: SessionUi) {
  // 'auto': as the backend publishes (cookie, tab or memory).
  const client = createClient({ baseUrl, session: 'auto' });
  client.auth.subscribe((session, reason) => {
    if (!session) ui.showLogin(reason === 'login' || reason === 'restore' ? undefined : (reason as SessionEndReason));
  });
  const session = await client.auth.restore();
  if (!session) ui.showLogin();

  // Check the time left whenever it may have changed, and once a second while it is short.
  const check = () => {
    const left = client.auth.timeLeft();
    if (left !== undefined && left <= 60_000) ui.warn(Math.ceil(left / 1000));
  };
  client.auth.subscribe(check);
  return { client, session, check };
}
