/**
 * React wrapper of `<wb-notice-email>`: Register, change or delete the billing-amount notice email, and confirm it from the mailed link.
 * Its properties are props. Its events are typed `on…` props: `onEmailRegistered` gets a {@link WbEmailRegisteredEvent}, `onEmailDeleted` gets a {@link WbEmailDeletedEvent}, `onNoticeEmailRestart` gets a {@link WbNoticeEmailRestartEvent}, `onLoginRequested` gets a {@link WbLoginRequestedEvent}, `onTopRequested` gets a {@link WbTopRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbNoticeEmail as WbNoticeEmailElement } from '../notice-email/define.js';
import type { WbNoticeEmailRestartEvent } from '../notice-email/events.js';
import type { WbEmailDeletedEvent, WbEmailRegisteredEvent, WbLoginRequestedEvent, WbTopRequestedEvent } from '../shared/events.js';

/** `<wb-notice-email>` in React: Register, change or delete the billing-amount notice email, and confirm it from the mailed link. */
export const WbNoticeEmail = createComponent({
  react: React,
  tagName: 'wb-notice-email',
  elementClass: WbNoticeEmailElement,
  events: {
    onEmailRegistered: 'wb-email-registered' as EventName<WbEmailRegisteredEvent>,
    onEmailDeleted: 'wb-email-deleted' as EventName<WbEmailDeletedEvent>,
    onNoticeEmailRestart: 'wb-notice-email-restart' as EventName<WbNoticeEmailRestartEvent>,
    onLoginRequested: 'wb-login-requested' as EventName<WbLoginRequestedEvent>,
    onTopRequested: 'wb-top-requested' as EventName<WbTopRequestedEvent>,
  },
});
