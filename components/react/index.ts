/**
 * React wrappers of every `<wb-*>` element, made with `@lit/react`: the
 * element's properties become typed props and its events typed `on…` props
 * (`onLoggedIn` gets a `WbLoggedInEvent`). Importing this module registers
 * every element; import `web-billing-kit/react/<name>` to load only the ones
 * a page shows. React and `@lit/react` are optional peer dependencies: the
 * wrappers use the app's copies.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @example
 * ```tsx
 * import { WbProvider, WbLogin } from 'web-billing-kit/react';
 *
 * <WbProvider baseUrl="/api/v1">
 *   <WbLogin onLoggedIn={(event) => console.log(event.stage)} />
 * </WbProvider>
 * ```
 *
 * @module
 */
export { WbBillingList } from './billing-list.js';
export { WbBillingSummary } from './billing-summary.js';
export { WbBreakdown } from './breakdown.js';
export { WbCredentialSetup } from './credential-setup.js';
export { WbLinePicker } from './line-picker.js';
export { WbLogin } from './login.js';
export { WbNoticeEmail } from './notice-email.js';
export { WbPasswordChange } from './password-change.js';
export { WbPasswordInput } from './password-input.js';
export { WbPasswordReissue } from './password-reissue.js';
export { WbProvider } from './provider.js';
export { WbReissueEmail } from './reissue-email.js';
export { WbTop } from './top.js';
