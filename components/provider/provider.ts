import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createClient, type SessionInfo, type WebBillingClient } from '../../src/index.js';
import { clientContext, sessionContext } from '../shared/context.js';
import { WbLoggedOutEvent } from '../shared/events.js';

/**
 * Connects the elements inside it to the billing service: holds one SDK
 * client (made from `base-url`, or given as the `client` property) and the
 * session, and provides both to every `<wb-*>` element inside it. The
 * session token stays inside the client, in memory only.
 *
 * @summary Gives the elements inside it one SDK client and the session.
 * @tag wb-provider
 *
 * @slot - The page content with the `<wb-*>` elements.
 *
 * @fires wb-logged-out - The session ended: `reason` is `logout` or `expired`.
 */
export class WbProvider extends LitElement {
  /** No box of its own: its children lay out as if it were not there. */
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The service's base URL, e.g. `/api/v1`. Ignored when `client` is set. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** The SDK client to share (made from `base-url` when not set). */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: WebBillingClient;

  /** The session as last known (never the token). */
  @provide({ context: sessionContext })
  @state()
  protected session?: SessionInfo;

  #ownsClient = false;
  #unsubscribe?: () => void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseUrl') && this.baseUrl && (!this.client || this.#ownsClient)) {
      this.#ownsClient = true;
      this.client = createClient({ baseUrl: this.baseUrl });
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
      this.session = session;
      if (reason === 'logout' || reason === 'expired') this.dispatchEvent(new WbLoggedOutEvent(reason));
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
