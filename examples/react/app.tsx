/**
 * The React example: the kit's elements through its `@lit/react` wrappers,
 * routed with React state by their typed events. In your own app, import
 * from `web-billing-kit/react`.
 */
import { useEffect, useRef, useState } from 'react';
import { WbBillingList, WbBreakdown, WbLogin, WbProvider } from '../../components/react/index.js';
import type { WbLoggedInEvent } from '../../components/shared/events.js';

export interface AppProps {
  /** The Web Billing API's base URL. */
  baseUrl: string;
  /** Told of every login, before the app routes. */
  onLoggedIn?: (event: WbLoggedInEvent) => void;
}

/**
 * Moves the focus (and the view) to the breakdown's heading, its `heading`
 * part: on a phone the breakdown is drawn far below the list, and without
 * this a chosen month would seem to do nothing. The element renders once its
 * messages are loaded, so the heading is waited for (a few frames at most).
 */
async function focusHeading(breakdown: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  for (let frame = 0; frame < 120; frame++) {
    await breakdown.updateComplete;
    const heading = breakdown.shadowRoot?.querySelector<HTMLElement>('[part~="heading"]');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'start' });
      return;
    }
    await new Promise(requestAnimationFrame);
  }
}

/** Login, then the 15-month billing list and the breakdown of a chosen month (which takes the focus). */
export function App({ baseUrl, onLoggedIn }: AppProps) {
  const [loggedIn, setLoggedIn] = useState(false);
  const [month, setMonth] = useState<string>();
  // A new object for each choice, so choosing the same month again still moves the focus.
  const [chosen, setChosen] = useState<object>();
  const breakdown = useRef<HTMLElementTagNameMap['wb-breakdown']>(null);
  useEffect(() => {
    if (chosen && breakdown.current) void focusHeading(breakdown.current);
  }, [chosen]);
  return (
    <WbProvider baseUrl={baseUrl}>
      {loggedIn ? (
        <>
          <WbBillingList
            onMonthSelected={(event) => {
              setMonth(event.month);
              setChosen({});
            }}
          />
          {month && <WbBreakdown ref={breakdown} month={month} />}
        </>
      ) : (
        <WbLogin
          onLoggedIn={(event) => {
            onLoggedIn?.(event);
            // Other stages (the first change, a forced password change) are shown in place by <wb-login>.
            if (event.stage === 'active') {
              event.preventDefault();
              setLoggedIn(true);
            }
          }}
        />
      )}
    </WbProvider>
  );
}
