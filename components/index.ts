/**
 * Every `<wb-*>` element, registered, with its class and the kit's events.
 * Import this once to use them all, or `web-billing-kit/elements/<name>` for one.
 *
 * @example
 * ```html
 * <script type="module">import 'web-billing-kit/elements';</script>
 * <wb-provider base-url="/api/v1"><wb-login></wb-login></wb-provider>
 * ```
 *
 * @module
 */
export { WbProvider, WbIdleWarning, WbSessionExtendedEvent, type IdleClient } from './provider/define.js';
export { WbPasswordInput } from './password-input/define.js';
export { WbLogin } from './login/define.js';
export { WbCredentialSetup } from './credential-setup/define.js';
export { WbPasswordChange } from './password-change/define.js';
export { WbReissueEmail, WbRestartRegistrationEvent } from './reissue-email/define.js';
export { WbPasswordReissue } from './password-reissue/define.js';
export { WbNoticeEmail, WbNoticeEmailRestartEvent } from './notice-email/define.js';
export { WbBillingList } from './billing-list/define.js';
export { WbTop, type TopLayout } from './top/define.js';
export { WbBreakdown } from './breakdown/define.js';
export { WbBillingSummary } from './billing-summary/define.js';
export { WbLinePicker } from './line-picker/define.js';
export * from './shared/events.js';
export { clientContext, sessionContext } from './shared/context.js';
export { LocalizeController, WbLocalizedElement, type Catalog, type CatalogModule, type Locale } from './shared/localize.js';
