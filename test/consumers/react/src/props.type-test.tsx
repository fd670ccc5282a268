// Compile-only: `tsc --noEmit` (strict) fails if the wrappers' props and events are not typed.
import type { WbLoggedInEvent } from 'web-billing-kit/elements';
import { WbLogin } from 'web-billing-kit/react/login';
import { WbProvider } from 'web-billing-kit/react/provider';

export const typed = (
  <WbProvider baseUrl="/api/v1">
    <WbLogin loginId="taro2024" onLoggedIn={(event: WbLoggedInEvent) => event.stage} />
  </WbProvider>
);
// @ts-expect-error: a WbLoggedInEvent has no month
export const wrongEvent = <WbLogin onLoggedIn={(event) => event.month} />;
// @ts-expect-error: <wb-login> fires no wb-month-selected
export const wrongProp = <WbLogin onMonthSelected={() => undefined} />;
