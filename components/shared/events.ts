/**
 * The kit's events. Each is a class with its own `wb-` name, bubbles and is
 * composed, and carries no password, answer or token. Listeners get typed
 * events through `GlobalEventHandlersEventMap`.
 *
 * Events marked cancelable announce a step the element would take by itself
 * (show the next screen in place); `preventDefault()` stops it so the
 * partner's page can route instead.
 *
 * @module
 */
import type { SessionEndReason, SessionInfo, SessionStage } from '../../src/core.js';

const INIT = { bubbles: true, composed: true } as const;
const CANCELABLE = { ...INIT, cancelable: true } as const;

/** The class of an event that carries nothing but its name. */
export interface NamedEventBase {
  new (): Event;
  readonly prototype: Event;
}

/**
 * The base of an event that carries nothing but its name, which the
 * subclass gives as its `type` (`class WbTopRequestedEvent extends
 * Named(CANCELABLE) { static readonly type = 'wb-top-requested'; }`). The
 * docs generators read that line, as they read every event class's.
 */
function Named(init: EventInit): NamedEventBase {
  return class extends Event {
    constructor() {
      super((new.target as unknown as { type: string }).type, init);
    }
  };
}

/** A login succeeded. `stage` says what must happen next; cancel to route yourself. */
export class WbLoggedInEvent extends Event {
  static readonly type = 'wb-logged-in';
  constructor(
    readonly stage: SessionStage,
    readonly loginId: string,
  ) {
    super(WbLoggedInEvent.type, CANCELABLE);
  }
}

/** The login ID and/or password were changed (`setup`: the first change after a postcard login). */
export class WbCredentialsChangedEvent extends Event {
  static readonly type = 'wb-credentials-changed';
  constructor(
    readonly change: 'setup' | 'password',
    readonly loginId: string | undefined,
  ) {
    super(WbCredentialsChangedEvent.type, INIT);
  }
}

/** An email registration moved on: `pending` (link mailed) or `registered` (confirmed). */
export class WbEmailRegisteredEvent extends Event {
  static readonly type = 'wb-email-registered';
  constructor(
    readonly purpose: 'reissue' | 'notice',
    readonly state: 'pending' | 'registered',
  ) {
    super(WbEmailRegisteredEvent.type, INIT);
  }
}

/** An email registration was deleted. */
export class WbEmailDeletedEvent extends Event {
  static readonly type = 'wb-email-deleted';
  constructor(readonly purpose: 'reissue' | 'notice') {
    super(WbEmailDeletedEvent.type, INIT);
  }
}

/** A password reissue was requested (whether anything matched is never known). */
export class WbPasswordReissueRequestedEvent extends Named(INIT) {
  static readonly type = 'wb-password-reissue-requested';
}

/** The customer asked for the password reissue screen ("Forgot your password?"). Cancel to route yourself. */
export class WbForgotPasswordEvent extends Named(CANCELABLE) {
  static readonly type = 'wb-forgot-password';
}

/** The customer asked for the login screen. Cancel to route yourself. */
export class WbLoginRequestedEvent extends Named(CANCELABLE) {
  static readonly type = 'wb-login-requested';
}

/** After the first change: `now` to register the reissue email now, or later. Cancel to route yourself. */
export class WbReissueEmailChoiceEvent extends Event {
  static readonly type = 'wb-reissue-email-choice';
  constructor(readonly now: boolean) {
    super(WbReissueEmailChoiceEvent.type, CANCELABLE);
  }
}

/** The session ended (logout, or the service ended it). */
export class WbLoggedOutEvent extends Event {
  static readonly type = 'wb-logged-out';
  constructor(readonly reason: SessionEndReason) {
    super(WbLoggedOutEvent.type, INIT);
  }
}

/** `<wb-provider>` looked for the session on page load: `session` is what it found (`undefined`: none). */
export class WbSessionRestoredEvent extends Event {
  static readonly type = 'wb-session-restored';
  constructor(readonly session: SessionInfo | undefined) {
    super(WbSessionRestoredEvent.type, INIT);
  }
}

/** A month was chosen, to see its breakdown (or its summary). */
export class WbMonthSelectedEvent extends Event {
  static readonly type = 'wb-month-selected';
  constructor(
    readonly month: string,
    readonly view: 'breakdown' | 'summary' = 'breakdown',
  ) {
    super(WbMonthSelectedEvent.type, INIT);
  }
}

/** A line or a communication company was chosen on a combined bill (`undefined` both: the total). */
export class WbLineSelectedEvent extends Event {
  static readonly type = 'wb-line-selected';
  constructor(
    readonly lineNumber: string | undefined,
    readonly companyId: string | undefined,
  ) {
    super(WbLineSelectedEvent.type, INIT);
  }
}

/** The customer asked for the 15-month billing list ("billing contents"). Cancel to route yourself. */
export class WbBillingRequestedEvent extends Named(CANCELABLE) {
  static readonly type = 'wb-billing-requested';
}

/** A membership screen: the reissue email, the billing-notice email, or the password change (`<wb-password-change>`). */
export type MembershipSection = 'reissue-email' | 'notice-email' | 'password-change';

/** The customer asked for a membership screen ({@link MembershipSection}); route on `section`. Cancel to route yourself. */
export class WbMembershipRequestedEvent extends Event {
  static readonly type = 'wb-membership-requested';
  constructor(readonly section: MembershipSection) {
    super(WbMembershipRequestedEvent.type, CANCELABLE);
  }
}

/** The customer asked for the top screen ("To the top screen", at the end of a task). Cancel to route yourself. */
export class WbTopRequestedEvent extends Named(CANCELABLE) {
  static readonly type = 'wb-top-requested';
}

/** The smartphone / computer layout switch changed. */
export class WbLayoutChangedEvent extends Event {
  static readonly type = 'wb-layout-changed';
  constructor(readonly layout: 'smartphone' | 'computer') {
    super(WbLayoutChangedEvent.type, INIT);
  }
}

/**
 * A breakdown is about to be downloaded as CSV: the month, the file name
 * (`web-billing-YYYY-MM.csv`) and the CSV text (the whole bill). Cancel to
 * handle the CSV yourself (store it, send it) instead of the download.
 */
export class WbBreakdownDownloadEvent extends Event {
  static readonly type = 'wb-breakdown-download';
  constructor(
    readonly month: string,
    readonly fileName: string,
    readonly csv: string,
  ) {
    super(WbBreakdownDownloadEvent.type, CANCELABLE);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wb-logged-in': WbLoggedInEvent;
    'wb-credentials-changed': WbCredentialsChangedEvent;
    'wb-email-registered': WbEmailRegisteredEvent;
    'wb-email-deleted': WbEmailDeletedEvent;
    'wb-password-reissue-requested': WbPasswordReissueRequestedEvent;
    'wb-forgot-password': WbForgotPasswordEvent;
    'wb-login-requested': WbLoginRequestedEvent;
    'wb-reissue-email-choice': WbReissueEmailChoiceEvent;
    'wb-logged-out': WbLoggedOutEvent;
    'wb-session-restored': WbSessionRestoredEvent;
    'wb-month-selected': WbMonthSelectedEvent;
    'wb-line-selected': WbLineSelectedEvent;
    'wb-billing-requested': WbBillingRequestedEvent;
    'wb-membership-requested': WbMembershipRequestedEvent;
    'wb-top-requested': WbTopRequestedEvent;
    'wb-layout-changed': WbLayoutChangedEvent;
    'wb-breakdown-download': WbBreakdownDownloadEvent;
  }
}
