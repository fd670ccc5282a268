/**
 * React wrapper of `<wb-credential-setup>`: First change of login ID and password after a postcard login.
 * Its properties are props. Its events are typed `on…` props: `onCredentialsChanged` gets a {@link WbCredentialsChangedEvent}, `onReissueEmailChoice` gets a {@link WbReissueEmailChoiceEvent}, `onTopRequested` gets a {@link WbTopRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbCredentialSetup as WbCredentialSetupElement } from '../credential-setup/define.js';
import type { WbCredentialsChangedEvent, WbReissueEmailChoiceEvent, WbTopRequestedEvent } from '../shared/events.js';

/** `<wb-credential-setup>` in React: First change of login ID and password after a postcard login. */
export const WbCredentialSetup = createComponent({
  react: React,
  tagName: 'wb-credential-setup',
  elementClass: WbCredentialSetupElement,
  events: {
    onCredentialsChanged: 'wb-credentials-changed' as EventName<WbCredentialsChangedEvent>,
    onReissueEmailChoice: 'wb-reissue-email-choice' as EventName<WbReissueEmailChoiceEvent>,
    onTopRequested: 'wb-top-requested' as EventName<WbTopRequestedEvent>,
  },
});
