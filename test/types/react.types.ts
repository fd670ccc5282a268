/**
 * Compile-only checks of the React wrappers' typed props and events
 * (checked by `npm run typecheck`; never run).
 */
import { createElement } from 'react';
import { WbBillingList, WbLinePicker, WbLogin, WbNoticeEmail, WbProvider } from '../../components/react/index.js';
import type { WbEmailRegisteredEvent, WbLineSelectedEvent, WbLoggedInEvent, WbMonthSelectedEvent } from '../../components/shared/events.js';

createElement(WbProvider, { baseUrl: '/api/v1' });
createElement(WbLogin, { onLoggedIn: (event: WbLoggedInEvent) => event.stage });
createElement(WbBillingList, { onMonthSelected: (event: WbMonthSelectedEvent) => event.month });
createElement(WbLinePicker, { onLineSelected: (event: WbLineSelectedEvent) => event.lineNumber });
createElement(WbNoticeEmail, { onEmailRegistered: (event: WbEmailRegisteredEvent) => event.state });

// @ts-expect-error onLoggedIn gets a WbLoggedInEvent, not a WbMonthSelectedEvent
createElement(WbLogin, { onLoggedIn: (event: WbMonthSelectedEvent) => event.month });
// @ts-expect-error a WbLoggedInEvent has no `month`
createElement(WbLogin, { onLoggedIn: (event) => event.month });
// @ts-expect-error baseUrl is a string
createElement(WbProvider, { baseUrl: 42 });
// @ts-expect-error <wb-login> fires no wb-month-selected
createElement(WbLogin, { onMonthSelected: () => undefined });
