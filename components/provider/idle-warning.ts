import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { dataStyles, tokens } from '../shared/styles.js';
import { idleWarningStyles } from './idle-warning.styles.js';
import { clock, idleMessages } from './messages.js';

/** The part of the SDK client the warning needs. */
export interface IdleClient {
  /** The session calls. */
  auth: {
    /** Milliseconds until the session ends without activity (by the service's clock as last seen); undefined when logged out. */
    timeLeft(): number | undefined;
    /** Asks the service for the session, which extends it; rejects (SessionExpiredError, code 'session_expired') when it has ended — the SDK then reports reason 'expired' to subscribers. */
    session(): Promise<unknown>;
    /** Ends the session. */
    logout(): Promise<void>;
    /** Called on login, 'refresh', 'activity' (a call extended the session: timeLeft() changed), 'logout', 'expired' and other reasons; session undefined when it ended. Returns an unsubscribe function. */
    subscribe(listener: (session: unknown, reason: string) => void): () => void;
  };
}

/** "Stay logged in" extended the session. */
export class WbSessionExtendedEvent extends Event {
  static readonly type = 'wb-session-extended';
  constructor() {
    super(WbSessionExtendedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wb-session-extended': WbSessionExtendedEvent;
  }
}

/** The shortest warning, in seconds (WCAG 2.2 SC 2.2.1: at least 20 s; NIST SP 800-63B-4 and this kit: a minute). */
const MIN_WARN_BEFORE = 60;
/** The live region speaks at most this often (seconds), besides the last 10 seconds. */
const ANNOUNCE_EVERY = 20;
const ANNOUNCE_LAST = 10;
/** Stands for the countdown in the text, to put it in its own part. */
const TIME = '\u0000';

/** The focused element, looking into shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const isExpired = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'session_expired';

/**
 * Warns before the session ends for inactivity (WCAG 2.2 SC 2.2.1 Timing
 * Adjustable; NIST SP 800-63B-4 reauthentication): a modal alert dialog,
 * `warn-before` seconds (at least 60) before the end, counts the time down
 * and offers "Stay logged in", which asks the service for the session and so
 * extends it, and "Log out". Escape stays logged in, the choice that loses
 * nothing. Screen readers hear the time left when the dialog opens, then
 * every 20 seconds and at 10 seconds (the countdown itself is not a live
 * region). When the time runs out the dialog closes and asks for the session
 * once: the SDK then tells its subscribers the session `expired`.
 *
 * `<wb-provider>` renders it in its own shadow root; it needs only a
 * {@link IdleClient}. The time left comes from the client (`timeLeft()`), not
 * from counting ticks, so a hidden or throttled page still warns on time.
 *
 * @summary Warns before the session ends for inactivity, with "Stay logged in" and "Log out".
 * @tag wb-idle-warning
 *
 * @fires wb-session-extended - "Stay logged in" (or Escape) extended the session.
 *
 * @csspart dialog - The dialog.
 * @csspart heading - Its heading ("Are you still there?").
 * @csspart text - The text with the countdown.
 * @csspart countdown - The time left, `m:ss`.
 * @csspart error - The message shown when a call could not reach the service.
 * @csspart actions - The buttons' row.
 * @csspart stay-button - "Stay logged in".
 * @csspart logout-button - "Log out".
 *
 * @cssprop --wb-idle-warning-max-width - Width of the dialog on wide screens (default `28rem`).
 * @cssprop --wb-idle-warning-backdrop - The backdrop behind the dialog (default `rgb(0 0 0 / 0.6)`).
 * @cssprop --wb-color-surface - Background of the dialog.
 * @cssprop --wb-color-primary - The buttons.
 */
export class WbIdleWarning extends WbLocalizedElement {
  /** Shares the data elements' buttons, focus ring and visually hidden text. */
  /** The kit's tokens, the data elements' shared states (loading, error, empty) and this element's own sheet. */
  static override styles = [tokens, dataStyles, idleWarningStyles];

  /**
   * How often the countdown is re-read while the dialog is open, at most (ms).
   * The countdown still follows `timeLeft()`, whatever this is.
   *
   * @internal Tests shorten it.
   */
  static tickInterval = 1000;

  /** The SDK client (or anything with its {@link IdleClient} calls). */
  @property({ attribute: false }) client?: IdleClient;

  /** Seconds before the session's end at which the warning opens; never below 60. */
  @property({ type: Number, attribute: 'warn-before' }) warnBefore = MIN_WARN_BEFORE;

  /** Whether the dialog is open. */
  @state() private open = false;
  /** Whole seconds left, as the countdown shows them. */
  @state() private secondsLeft = 0;
  /** The call running: "Stay logged in" or "Log out". */
  @state() private busy?: 'stay' | 'logout';
  /** A call could not reach the service. */
  @state() private failed = false;
  /** What the live region says. */
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~="stay-button"]') private stayButton?: HTMLButtonElement;

  private readonly i18n = new LocalizeController(this, idleMessages);

  #unsubscribe?: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  #announced?: number;
  #returnFocus?: Element | null;
  #expiring = false;

  /** The warning's lead time in ms, `warn-before` clamped to at least 60 s. */
  get #threshold(): number {
    const seconds = Number.isFinite(this.warnBefore) ? Math.max(MIN_WARN_BEFORE, this.warnBefore) : MIN_WARN_BEFORE;
    return seconds * 1000;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    // Put back in the page: follows the client again (the first update subscribes the first time).
    if (this.hasUpdated && this.client && !this.#unsubscribe) this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#close();
  }

  /** Clamps `warn-before`, follows a new client, and re-checks the time when the lead time changes. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('warnBefore') && this.#threshold !== this.warnBefore * 1000) this.warnBefore = this.#threshold / 1000;
    if (changed.has('client') && this.isConnected) this.#subscribe();
    else if (changed.has('warnBefore') && this.#unsubscribe) this.#check();
  }

  /** Opens or closes the dialog to match the state; focuses "Stay logged in" on opening. */
  protected override updated(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.stayButton?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.client?.auth.subscribe((session, reason) => {
      if (session === undefined || reason === 'logout' || reason === 'expired') this.#close();
      else this.#check();
    });
    this.#check();
  }

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible' && this.#unsubscribe) this.#check();
  };

  /** Reads the time left and opens, counts down, expires or waits accordingly. */
  #check(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const left = this.client?.auth.timeLeft();
    if (left === undefined) {
      this.#close();
      return;
    }
    if (left <= 0) {
      this.#expire();
      return;
    }
    if (left > this.#threshold) {
      if (this.open && !this.busy) this.#close();
      // Wakes at the threshold; a throttled or late timer just checks again.
      this.#timer = setTimeout(() => this.#check(), left - this.#threshold);
      return;
    }
    const seconds = Math.ceil(left / 1000);
    if (!this.open) this.#open();
    this.secondsLeft = seconds;
    this.#announce(seconds);
    // The next whole second of the countdown (or sooner in tests).
    const untilNextSecond = ((left - 1) % 1000) + 1;
    this.#timer = setTimeout(() => this.#check(), Math.min(untilNextSecond, (this.constructor as typeof WbIdleWarning).tickInterval));
  }

  #open(): void {
    this.#returnFocus = deepActiveElement();
    this.#announced = undefined;
    this.announcement = '';
    this.failed = false;
    this.open = true;
  }

  /** Says the time left when the dialog opens, then every 20 seconds at most, and at 10 seconds. */
  #announce(seconds: number): void {
    const first = this.#announced === undefined;
    const due = first || this.#announced! - seconds >= ANNOUNCE_EVERY || (seconds <= ANNOUNCE_LAST && this.#announced! > ANNOUNCE_LAST);
    if (!due) return;
    this.#announced = seconds;
    const text = this.i18n.m.timeLeft(seconds);
    // On opening, the region is emptied first and filled once the dialog is shown, so that it changes and is spoken.
    if (first) {
      void this.updateComplete.then(() =>
        requestAnimationFrame(() => {
          if (this.open && this.#announced === seconds) this.announcement = text;
        }),
      );
    }
    else this.announcement = text;
  }

  #close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.open) return;
    this.open = false;
    this.busy = undefined;
    this.failed = false;
    this.announcement = '';
    const back = this.#returnFocus;
    this.#returnFocus = undefined;
    void this.updateComplete.then(() => {
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    });
  }

  /** The time ran out: asks for the session once, so that the SDK reports the expiry, and closes. */
  #expire(): void {
    const client = this.client;
    this.#close();
    if (!client || this.#expiring) return;
    this.#expiring = true;
    client.auth
      .session()
      .catch(() => undefined)
      .finally(() => (this.#expiring = false));
  }

  /** "Stay logged in" asks for the session (which extends it); "Log out" ends it. */
  async #call(kind: 'stay' | 'logout'): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = kind;
    this.failed = false;
    try {
      await (kind === 'stay' ? client.auth.session() : client.auth.logout());
      this.#close();
      if (kind === 'stay') this.dispatchEvent(new WbSessionExtendedEvent());
    } catch (error) {
      this.busy = undefined;
      if (isExpired(error)) {
        this.#close(); // the SDK reports the expiry to its subscribers
        return;
      }
      // Not reached: the customer may try again. If the browser closed the dialog meanwhile, it opens again.
      if (!this.open) this.#check();
      this.failed = this.open;
    } finally {
      this.busy = undefined;
    }
  }

  readonly #stay = (): Promise<void> => this.#call('stay');
  readonly #logout = (): Promise<void> => this.#call('logout');

  /** Escape: stays logged in (it loses nothing), through the same call as the button. */
  #onCancel(event: Event): void {
    event.preventDefault();
    void this.#stay();
  }

  /** The browser closed the dialog by itself (a second Escape): keeps the state in step. */
  #onClose(): void {
    if (this.open && !this.dialog?.open) {
      if (!this.busy) void this.#stay();
      this.#close();
    }
  }

  protected override render() {
    const m = this.i18n.m;
    return html`
      <dialog
        part="dialog"
        role="alertdialog"
        aria-labelledby="heading"
        aria-describedby="text"
        @cancel=${this.#onCancel}
        @close=${this.#onClose}
      >
        <h2 id="heading" part="heading">${m.heading}</h2>
        <p id="text" part="text">${this.#countdownText()}</p>
        <p class="visually-hidden" role="status" aria-atomic="true">${this.announcement}</p>
        ${this.failed ? html`<p class="state error" part="error" role="alert">${m.failed}</p>` : nothing}
        <div class="actions" part="actions">
          ${this.#button('stay', m.stay, m.staying)} ${this.#button('logout', m.logout, m.loggingOut)}
        </div>
      </dialog>
    `;
  }

  /** "Stay logged in" (primary) or "Log out": disabled while either call runs, saying so while its own runs. */
  #button(kind: 'stay' | 'logout', label: string, busyLabel: string) {
    const busy = this.busy === kind;
    return html`<button
      type="button"
      class=${kind === 'stay' ? 'primary' : ''}
      part="${kind}-button"
      aria-disabled=${this.busy ? 'true' : 'false'}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${kind === 'stay' ? this.#stay : this.#logout}
    >
      ${busy ? busyLabel : label}
    </button>`;
  }

  /** The visible text, with the countdown in its own part. */
  #countdownText() {
    const [before, after] = this.i18n.m.endsIn(TIME).split(TIME);
    return html`${before}<span class="countdown" part="countdown">${clock(this.secondsLeft)}</span>${after}`;
  }
}
