/**
 * The event of `<wb-notice-email>` that the shared events do not cover.
 *
 * @module
 */

/**
 * The customer asked to start the billing-notice registration again after a
 * mailed link expired or was used. Unless cancelled, the element shows the
 * register form in place (which needs a logged-in session); cancel it to
 * route yourself.
 */
export class WbNoticeEmailRestartEvent extends Event {
  static readonly type = 'wb-notice-email-restart';
  constructor() {
    super(WbNoticeEmailRestartEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wb-notice-email-restart': WbNoticeEmailRestartEvent;
  }
}
