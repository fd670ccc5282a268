/**
 * React wrappers of every `<wb-*>` element, made with `@lit/react`: the
 * element's properties become typed props and its events typed `on…` props
 * (`onLoggedIn` gets a {@link WbLoggedInEvent}). Importing this module
 * registers the elements. React itself is a peer dependency: this module
 * uses the page's copy.
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
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbBillingList as WbBillingListElement } from '../billing-list/define.js';
import { WbBillingSummary as WbBillingSummaryElement } from '../billing-summary/define.js';
import { WbBreakdown as WbBreakdownElement } from '../breakdown/define.js';
import { WbCredentialSetup as WbCredentialSetupElement } from '../credential-setup/define.js';
import { WbLinePicker as WbLinePickerElement } from '../line-picker/define.js';
import { WbLogin as WbLoginElement } from '../login/define.js';
import { WbNoticeEmail as WbNoticeEmailElement, type WbNoticeEmailRestartEvent } from '../notice-email/define.js';
import { WbPasswordChange as WbPasswordChangeElement } from '../password-change/define.js';
import { WbPasswordInput as WbPasswordInputElement } from '../password-input/define.js';
import { WbPasswordReissue as WbPasswordReissueElement } from '../password-reissue/define.js';
import { WbProvider as WbProviderElement } from '../provider/define.js';
import { WbReissueEmail as WbReissueEmailElement, type WbRestartRegistrationEvent } from '../reissue-email/define.js';
import type {
  WbBillingRequestedEvent,
  WbCredentialsChangedEvent,
  WbEmailDeletedEvent,
  WbEmailRegisteredEvent,
  WbForgotPasswordEvent,
  WbLayoutChangedEvent,
  WbLineSelectedEvent,
  WbLoggedInEvent,
  WbLoggedOutEvent,
  WbLoginRequestedEvent,
  WbMembershipRequestedEvent,
  WbMonthSelectedEvent,
  WbPasswordReissueRequestedEvent,
  WbReissueEmailChoiceEvent,
} from '../shared/events.js';
import { WbTop as WbTopElement } from '../top/define.js';

// Event names typed with their event class, so `onX` handlers get that class.
const loggedIn = 'wb-logged-in' as EventName<WbLoggedInEvent>;
const loggedOut = 'wb-logged-out' as EventName<WbLoggedOutEvent>;
const forgotPassword = 'wb-forgot-password' as EventName<WbForgotPasswordEvent>;
const credentialsChanged = 'wb-credentials-changed' as EventName<WbCredentialsChangedEvent>;
const reissueEmailChoice = 'wb-reissue-email-choice' as EventName<WbReissueEmailChoiceEvent>;
const emailRegistered = 'wb-email-registered' as EventName<WbEmailRegisteredEvent>;
const emailDeleted = 'wb-email-deleted' as EventName<WbEmailDeletedEvent>;
const reissueEmailRestart = 'wb-reissue-email-restart' as EventName<WbRestartRegistrationEvent>;
const noticeEmailRestart = 'wb-notice-email-restart' as EventName<WbNoticeEmailRestartEvent>;
const passwordReissueRequested = 'wb-password-reissue-requested' as EventName<WbPasswordReissueRequestedEvent>;
const loginRequested = 'wb-login-requested' as EventName<WbLoginRequestedEvent>;
const billingRequested = 'wb-billing-requested' as EventName<WbBillingRequestedEvent>;
const membershipRequested = 'wb-membership-requested' as EventName<WbMembershipRequestedEvent>;
const layoutChanged = 'wb-layout-changed' as EventName<WbLayoutChangedEvent>;
const monthSelected = 'wb-month-selected' as EventName<WbMonthSelectedEvent>;
const lineSelected = 'wb-line-selected' as EventName<WbLineSelectedEvent>;

/** `<wb-provider>`: holds the SDK client and the session for the elements inside it. */
export const WbProvider = createComponent({
  react: React,
  tagName: 'wb-provider',
  elementClass: WbProviderElement,
  events: { onLoggedOut: loggedOut },
});

/** `<wb-login>`: the login form. */
export const WbLogin = createComponent({
  react: React,
  tagName: 'wb-login',
  elementClass: WbLoginElement,
  events: { onLoggedIn: loggedIn, onForgotPassword: forgotPassword },
});

/** `<wb-password-input>`: a password field showing only the last typed character. Its `input` event is React's own `onInput`. */
export const WbPasswordInput = createComponent({
  react: React,
  tagName: 'wb-password-input',
  elementClass: WbPasswordInputElement,
});

/** `<wb-credential-setup>`: the first change of login ID and password. */
export const WbCredentialSetup = createComponent({
  react: React,
  tagName: 'wb-credential-setup',
  elementClass: WbCredentialSetupElement,
  events: { onCredentialsChanged: credentialsChanged, onReissueEmailChoice: reissueEmailChoice },
});

/** `<wb-password-change>`: the forced (or voluntary) password change. */
export const WbPasswordChange = createComponent({
  react: React,
  tagName: 'wb-password-change',
  elementClass: WbPasswordChangeElement,
  events: { onCredentialsChanged: credentialsChanged },
});

/** `<wb-reissue-email>`: register, change, delete and confirm the email for password reissue. */
export const WbReissueEmail = createComponent({
  react: React,
  tagName: 'wb-reissue-email',
  elementClass: WbReissueEmailElement,
  events: { onEmailRegistered: emailRegistered, onEmailDeleted: emailDeleted, onReissueEmailRestart: reissueEmailRestart, onLoginRequested: loginRequested },
});

/** `<wb-notice-email>`: register, change, delete and confirm the email for the monthly billing-amount notice. */
export const WbNoticeEmail = createComponent({
  react: React,
  tagName: 'wb-notice-email',
  elementClass: WbNoticeEmailElement,
  events: { onEmailRegistered: emailRegistered, onEmailDeleted: emailDeleted, onNoticeEmailRestart: noticeEmailRestart, onLoginRequested: loginRequested },
});

/** `<wb-password-reissue>`: reissue a forgotten password. */
export const WbPasswordReissue = createComponent({
  react: React,
  tagName: 'wb-password-reissue',
  elementClass: WbPasswordReissueElement,
  events: { onPasswordReissueRequested: passwordReissueRequested, onLoginRequested: loginRequested },
});

/** `<wb-top>`: the top screen. */
export const WbTop = createComponent({
  react: React,
  tagName: 'wb-top',
  elementClass: WbTopElement,
  events: { onBillingRequested: billingRequested, onMembershipRequested: membershipRequested, onLayoutChanged: layoutChanged },
});

/** `<wb-billing-list>`: 15 months as a chart and a table. */
export const WbBillingList = createComponent({
  react: React,
  tagName: 'wb-billing-list',
  elementClass: WbBillingListElement,
  events: { onMonthSelected: monthSelected },
});

/** `<wb-breakdown>`: a month's detailed breakdown. */
export const WbBreakdown = createComponent({
  react: React,
  tagName: 'wb-breakdown',
  elementClass: WbBreakdownElement,
  events: { onMonthSelected: monthSelected, onMembershipRequested: membershipRequested },
});

/** `<wb-billing-summary>`: a month's usage amounts and notices. */
export const WbBillingSummary = createComponent({
  react: React,
  tagName: 'wb-billing-summary',
  elementClass: WbBillingSummaryElement,
  events: { onMonthSelected: monthSelected, onMembershipRequested: membershipRequested },
});

/** `<wb-line-picker>`: pick a line or company of a combined bill. */
export const WbLinePicker = createComponent({
  react: React,
  tagName: 'wb-line-picker',
  elementClass: WbLinePickerElement,
  events: { onLineSelected: lineSelected },
});
