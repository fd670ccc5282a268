/**
 * React wrapper of `<wb-reissue-email>`: Register, change or delete the email for password reissue, and confirm it from the mailed link.
 * Its properties are props. Its events are typed `on…` props: `onEmailRegistered` gets a {@link WbEmailRegisteredEvent}, `onEmailDeleted` gets a {@link WbEmailDeletedEvent}, `onReissueEmailRestart` gets a {@link WbRestartRegistrationEvent}, `onLoginRequested` gets a {@link WbLoginRequestedEvent}, `onTopRequested` gets a {@link WbTopRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbReissueEmail as WbReissueEmailElement } from '../reissue-email/define.js';
import type { WbRestartRegistrationEvent } from '../reissue-email/events.js';
import type { WbEmailDeletedEvent, WbEmailRegisteredEvent, WbLoginRequestedEvent, WbTopRequestedEvent } from '../shared/events.js';

/** `<wb-reissue-email>` in React: Register, change or delete the email for password reissue, and confirm it from the mailed link. */
export const WbReissueEmail = createComponent({
  react: React,
  tagName: 'wb-reissue-email',
  elementClass: WbReissueEmailElement,
  events: {
    onEmailRegistered: 'wb-email-registered' as EventName<WbEmailRegisteredEvent>,
    onEmailDeleted: 'wb-email-deleted' as EventName<WbEmailDeletedEvent>,
    onReissueEmailRestart: 'wb-reissue-email-restart' as EventName<WbRestartRegistrationEvent>,
    onLoginRequested: 'wb-login-requested' as EventName<WbLoginRequestedEvent>,
    onTopRequested: 'wb-top-requested' as EventName<WbTopRequestedEvent>,
  },
});
