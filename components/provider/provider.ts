import { provide } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createClient, type SessionEndReason, type SessionInfo, type SessionMode, type WebBillingClient } from '../../src/index.js';
import { clientContext, sessionContext, sessionEndContext } from '../shared/context.js';
import { WbLoggedOutEvent, WbSessionRestoredEvent } from '../shared/events.js';
import { providerStyles } from './provider.styles.js';

/**
 * Connects the elements inside it to the billing service: holds one SDK
 * client (made from `base-url`, or given as the `client` property) and the
 * session, and provides both to every `<wb-*>` element inside it.
 *
 * How the session is held follows `session-mode` (by default what the
 * service publishes): in the `cookie` and `tab` modes the provider finds
 * the session again on page load, before its content shows, so a reload or
 * another page of the portal keeps the customer where they were, without a
 * flash of the login. While it asks, the `restoring` slot shows instead.
 *
 * While a session lasts it warns the customer before the idle timeout
 * (`warn-before` seconds ahead, at least 60), in an accessible dialog with
 * "Stay logged in" (which extends the session) and "Log out" (WCAG 2.2
 * 2.2.1 Timing Adjustable).
 *
 * @summary Gives the elements inside it one SDK client and the session.
 * @tag wb-provider
 *
 * @slot - The page content with the `<wb-*>` elements.
 * @slot restoring - Shown while the session is being found again on page load (briefly; nothing by default).
 *
 * @fires wb-logged-out - The session ended: `reason` is `logout`, `expired`, or one of them in another tab (`logout-elsewhere`, `expired-elsewhere`, `password-changed-elsewhere`).
 * @fires wb-session-extended - The customer chose "Stay logged in" in the idle warning, and the session was extended.
 * @fires wb-session-restored - The session was looked for on page load (`cookie` and `tab` modes); `session` is what was found (or `undefined`).
 */
export class WbProvider extends LitElement {
  /** The provider's own sheet (it renders its children and the idle warning). */
  static override styles = providerStyles;

  /** The service's base URL, e.g. `/api/v1`. Ignored when `client` is set. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /**
   * How the client made from `base-url` holds the session: `auto` (what the
   * service publishes), `cookie`, `tab` or `memory`. See the SDK's
   * `createClient({ session })`. Ignored when `client` is set.
   */
  @property({ attribute: 'session-mode' }) sessionMode: SessionMode | 'auto' = 'auto';

  /** Seconds before the idle timeout at which the customer is warned and may stay logged in (at least 60). */
  @property({ type: Number, attribute: 'warn-before' }) warnBefore = 60;

  /** The SDK client to share (made from `base-url` when not set). */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: WebBillingClient;

  /** The session as last known (never the token). */
  @provide({ context: sessionContext })
  @state()
  protected session?: SessionInfo;

  /** Why the last session of this page ended, until the next login. */
  @provide({ context: sessionEndContext })
  @state()
  protected ended?: SessionEndReason;

  /** Whether the session is being found again (the content waits). */
  @state() protected restoring = false;

  #ownsClient = false;
  #unsubscribe?: () => void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('baseUrl') || changed.has('sessionMode')) && this.baseUrl && (!this.client || this.#ownsClient)) {
      this.#ownsClient = true;
      this.client = createClient({ baseUrl: this.baseUrl, session: this.sessionMode });
    }
    if (changed.has('client')) this.#subscribe();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.client && !this.#unsubscribe) this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    const client = this.client;
    this.session = client?.auth.current;
    this.#unsubscribe = client?.auth.subscribe((session, reason) => {
      // Activity only moves the idle end; the elements need not hear of it.
      if (reason === 'activity') return;
      this.session = session;
      if (session) this.ended = undefined;
      else if (reason !== 'login' && reason !== 'restore' && reason !== 'refresh' && reason !== 'stage') {
        this.ended = reason;
        this.dispatchEvent(new WbLoggedOutEvent(reason));
      }
    });
    if (client) void this.#restore(client);
  }

  async #restore(client: WebBillingClient): Promise<void> {
    // In memory mode there is nothing to find: the content shows at once.
    if (client.auth.mode === 'memory') return;
    this.restoring = true;
    let session: SessionInfo | undefined;
    try {
      session = await client.auth.restore();
    } catch {
      // The service could not say: show the content, whose own calls report the fault and offer a retry.
    }
    if (client !== this.client) return;
    this.session = client.auth.current;
    this.restoring = false;
    this.dispatchEvent(new WbSessionRestoredEvent(session));
  }

  protected override render() {
    return html`<slot name="restoring" ?hidden=${!this.restoring}></slot><slot ?hidden=${this.restoring}></slot>${this.session && this.client
        ? html`<wb-idle-warning .client=${this.client} warn-before=${this.warnBefore}></wb-idle-warning>`
        : nothing}`;
  }
}
