/**
 * The React example: the kit's elements through its `@lit/react` wrappers,
 * routed with React state by their typed events. In your own app, import
 * from `web-billing-kit/react`.
 */
import { useState } from 'react';
import { WbBillingList, WbBreakdown, WbLogin, WbProvider } from '../../components/react/index.js';
import type { WbLoggedInEvent } from '../../components/shared/events.js';

export interface AppProps {
  /** The Web Billing API's base URL. */
  baseUrl: string;
  /** Told of every login, before the app routes. */
  onLoggedIn?: (event: WbLoggedInEvent) => void;
}

/** Login, then the 15-month billing list and the breakdown of a chosen month. */
export function App({ baseUrl, onLoggedIn }: AppProps) {
  const [loggedIn, setLoggedIn] = useState(false);
  const [month, setMonth] = useState<string>();
  return (
    <WbProvider baseUrl={baseUrl}>
      {loggedIn ? (
        <>
          <WbBillingList onMonthSelected={(event) => setMonth(event.month)} />
          {month && <WbBreakdown month={month} />}
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
