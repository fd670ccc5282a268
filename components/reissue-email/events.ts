/**
 * The event of `<wb-reissue-email>` that the shared events do not cover.
 *
 * @module
 */

/**
 * The customer asked to start the registration again after a mailed link
 * expired or was used. Unless cancelled, the element shows the register form
 * in place (which needs a logged-in session); cancel it to route yourself.
 */
export class WbRestartRegistrationEvent extends Event {
  static readonly type = 'wb-reissue-email-restart';
  constructor() {
    super(WbRestartRegistrationEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wb-reissue-email-restart': WbRestartRegistrationEvent;
  }
}
