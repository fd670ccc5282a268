import { initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BILLING_RULES, formatLineNumber, INQUIRY_DESK, type AccountResponse, type HistoryResponse } from '../../src/core.js';
import { DataController } from '../shared/data-controller.js';
import { WbBillingRequestedEvent, WbLayoutChangedEvent, WbMembershipRequestedEvent } from '../shared/events.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { dataStyles, tokens } from '../shared/styles.js';
import { topMessages } from './messages.js';
import { topStyles } from './top.styles.js';

/** The two layouts of the top screen. */
export type TopLayout = 'smartphone' | 'computer';

/** Where the layout chosen with the switch is kept for the browser session (only that preference). */
export const LAYOUT_STORAGE_KEY = 'wb-layout';

const isLayout = (value: unknown): value is TopLayout => value === 'smartphone' || value === 'computer';

function storedLayout(): TopLayout | undefined {
  try {
    const value = sessionStorage.getItem(LAYOUT_STORAGE_KEY);
    return isLayout(value) ? value : undefined;
  } catch {
    return undefined; // storage blocked: the switch still works for this page
  }
}

function storeLayout(layout: TopLayout): void {
  try {
    sessionStorage.setItem(LAYOUT_STORAGE_KEY, layout);
  } catch {
    // storage blocked: the choice lasts as long as the element
  }
}

/**
 * A payment page address as given, when it opens an http(s) page (relative
 * addresses resolve against the page); else `''`, so that a `javascript:` or
 * `data:` address from a misconfigured portal never becomes a link.
 */
function safePaymentHref(href: string): string {
  if (!href.trim()) return '';
  try {
    const { protocol } = new URL(href, document.baseURI);
    return protocol === 'https:' || protocol === 'http:' ? href : '';
  } catch {
    return '';
  }
}

/**
 * The Web Billing top screen (user guide §2 Web Billing Top screen), in the
 * guide's order: the registered phone or customer number; Payment (the
 * current month's billing amount and due date, then payment by credit card
 * and Pay-easy: links to the partner's payment pages, or the partner's own
 * content in the `payment` slot, or, with neither, how the customer pays);
 * the billing contents; the membership menu (reissue email, billing-notice
 * email, password change); the Web Billing inquiry desk; and, at the end,
 * the switch between the smartphone and computer layouts. Log out is in the
 * title bar.
 *
 * The entries do not navigate by themselves: route on `wb-billing-requested`
 * and `wb-membership-requested`. Log out ends the session through the SDK;
 * the surrounding `<wb-provider>` then fires `wb-logged-out`.
 *
 * The layout switch is kept for the browser session in `sessionStorage`
 * under `wb-layout` (the preference only), and reflected as the `layout`
 * attribute so page CSS can follow it. Without a stored choice, the `layout`
 * attribute set by the page applies, else the viewport decides.
 *
 * @summary The top screen: registered number, payment, billing contents, membership menu, inquiry desk, layout switch.
 * @tag wb-top
 *
 * @slot payment - Replaces the credit card and Pay-easy links (or the note on how to pay) with the partner's own payment content.
 *
 * @fires wb-billing-requested - "See billing contents" was chosen. Cancelable.
 * @fires wb-membership-requested - A membership menu entry was chosen: `section` is `reissue-email`, `notice-email` or `password-change`. Cancelable.
 * @fires wb-layout-changed - The layout switch changed: `layout` is `smartphone` or `computer`.
 *
 * @csspart base - The wrapper.
 * @csspart header - The title bar with log out.
 * @csspart heading - The title.
 * @csspart footer - The end of the screen, holding the layout switch.
 * @csspart layout-switch - The smartphone / computer radio group.
 * @csspart logout-button - The log out button.
 * @csspart card - Each section (also `account`, `payment`, `billing`, `menu`, `inquiry`).
 * @csspart registered-number - The registered phone number, with dashes as on every screen (`090-1234-5678`), or the customer number as it is.
 * @csspart amount - The current billing amount.
 * @csspart due-date - Its due date.
 * @csspart provisional-note - The note that the current amount may still change.
 * @csspart payment-link - Each default payment link (also `credit-card-link`, `pay-easy-link`).
 * @csspart payment-note - How the customer pays, shown when the partner gives no payment link.
 * @csspart billing-button - "See billing contents".
 * @csspart menu-button - Each membership menu button (also `reissue-email-button`, `notice-email-button`, `password-change-button`).
 * @csspart inquiry-phone - The inquiry desk's number, a `tel:` link kept on one line.
 * @csspart inquiry-hours - The inquiry desk's hours.
 * @csspart logged-out - The message shown after log out.
 * @csspart loading - A section's loading state.
 * @csspart error - A section's error state.
 * @csspart retry-button - The retry button of an error state.
 *
 * @cssprop --wb-top-card-background - Background of the sections (default `--wb-color-surface`).
 * @cssprop --wb-top-card-border - Border colour of the sections (default `--wb-color-border`).
 * @cssprop --wb-top-header-background - Background of the title bar in the computer layout (default `--wb-color-info-surface`).
 * @cssprop --wb-top-amount-size - Font size of the current amount (default `2rem`).
 * @cssprop --wb-top-max-width - Width of the smartphone layout on wide screens (default `32rem`).
 * @cssprop --wb-color-primary - Buttons and links.
 */
export class WbTop extends WbLocalizedElement {
  /** The kit's tokens, the data elements' shared states (loading, error, empty) and this element's own sheet. */
  static override styles = [tokens, dataStyles, topStyles];

  /** The layout: `smartphone` (stacked cards) or `computer` (two-column grid). Reflected. */
  @property({ reflect: true }) layout: TopLayout = 'smartphone';
  /**
   * The partner's credit card payment page (an http(s) address, absolute or
   * relative); no link without it, nor for any other scheme. With neither
   * payment link, the Payment section says how the customer pays.
   */
  @property({ attribute: 'credit-card-href' }) creditCardHref = '';
  /** The partner's Pay-easy payment page; the same rules as {@link WbTop.creditCardHref}. */
  @property({ attribute: 'pay-easy-href' }) payEasyHref = '';

  @state() private loggingOut = false;
  @state() private loggedOut = false;

  private readonly loader = new DataController(this);
  private readonly i18n = new LocalizeController(this, topMessages);

  private readonly account = this.loader.task({
    task: ([client, loginId], { signal }) => (client && loginId ? client.account.get({ signal }) : initialState),
    args: () => [this.loader.client, this.loader.session?.loginId] as const,
  });

  private readonly history = this.loader.task({
    task: ([client, loginId], { signal }) => (client && loginId ? client.billing.history({ signal }) : initialState),
    args: () => [this.loader.client, this.loader.session?.loginId] as const,
  });

  /** Connects the element and restores the layout kept for this tab (or picks one by the viewport width). */
  override connectedCallback(): void {
    super.connectedCallback();
    const stored = storedLayout();
    if (stored) this.layout = stored;
    else if (!this.hasAttribute('layout')) this.layout = matchMedia('(max-width: 47.99rem)').matches ? 'smartphone' : 'computer';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!isLayout(this.layout)) this.layout = 'smartphone';
    if (this.loader.sessionChanged && this.loader.session) this.loggedOut = false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The log out button is gone: put focus on the message that replaced the screen.
    if (changed.has('loggedOut') && this.loggedOut) this.renderRoot.querySelector<HTMLElement>('[part~="logged-out"]')?.focus();
  }

  private setLayout(layout: TopLayout): void {
    if (layout === this.layout) return;
    this.layout = layout;
    storeLayout(layout);
    this.dispatchEvent(new WbLayoutChangedEvent(layout));
  }

  private async logout(): Promise<void> {
    const client = this.loader.client;
    if (this.loggingOut || !client) return;
    this.loggingOut = true;
    try {
      await client.auth.logout();
    } catch {
      // The SDK forgets the token even when the service cannot be told; the provider reports the end.
    } finally {
      this.loggingOut = false;
    }
    this.loggedOut = !client.auth.current;
  }

  protected override render() {
    const m = this.i18n.m;
    const signedIn = Boolean(this.loader.client && this.loader.session);
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <h2 part="heading" id="heading">${m.title}</h2>
        ${signedIn
          ? html`<button type="button" part="logout-button" class="logout" aria-disabled=${this.loggingOut ? 'true' : 'false'} @click=${this.logout}>
              ${this.loggingOut ? m.loggingOut : m.logout}
            </button>`
          : nothing}
      </div>
      ${this.renderBody()}
      <div part="footer" class="footer">${this.renderLayoutSwitch()}</div>
    </div>`;
  }

  private renderBody() {
    const m = this.i18n.m;
    if (!this.loader.client) return this.loader.render(this.account, () => html``);
    if (!this.loader.session) {
      return this.loggedOut ? html`<p part="logged-out" class="state" role="status" tabindex="-1">${m.loggedOut}</p>` : this.loader.renderSessionNeeded(m.notLoggedIn);
    }
    return html`<div class="sections">
      <section part="card account" class="card" aria-labelledby="account-heading">
        <h3 id="account-heading">${m.registration}</h3>
        ${this.loader.render(this.account, (a) => this.renderAccount(a))}
      </section>
      <section part="card payment" class="card" aria-labelledby="payment-heading">
        <h3 id="payment-heading">${m.payment}</h3>
        ${this.loader.render(this.history, (h) => this.renderAmount(h), { isEmpty: (h) => h.months.length === 0 })}
        <div class="links"><slot name="payment">${this.renderPaymentLinks()}</slot></div>
      </section>
      <section part="card billing" class="card" aria-labelledby="billing-heading">
        <h3 id="billing-heading">${m.billingContents}</h3>
        <p>${m.billingContentsText(BILLING_RULES.historyMonths, BILLING_RULES.breakdownMonths)}</p>
        <button type="button" class="primary" part="billing-button" @click=${() => this.dispatchEvent(new WbBillingRequestedEvent())}>
          ${m.showBilling}
        </button>
      </section>
      <section part="card menu" class="card" aria-labelledby="menu-heading">
        <h3 id="menu-heading">${m.menu}</h3>
        <p>${m.menuText}</p>
        <div class="buttons">
          <button type="button" part="menu-button reissue-email-button" @click=${() => this.dispatchEvent(new WbMembershipRequestedEvent('reissue-email'))}>
            ${m.reissueEmail}
          </button>
          <button type="button" part="menu-button notice-email-button" @click=${() => this.dispatchEvent(new WbMembershipRequestedEvent('notice-email'))}>
            ${m.noticeEmail}
          </button>
          <button type="button" part="menu-button password-change-button" @click=${() => this.dispatchEvent(new WbMembershipRequestedEvent('password-change'))}>
            ${m.passwordChange}
          </button>
        </div>
      </section>
      ${this.renderInquiry()}
    </div>`;
  }

  private renderInquiry() {
    const m = this.i18n.m;
    return html`<section part="card inquiry" class="card" aria-labelledby="inquiry-heading">
      <h3 id="inquiry-heading">${m.inquiry}</h3>
      <p>${m.inquiryDesk}</p>
      <p class="phone">${m.inquiryPhone} <a part="inquiry-phone" class="tel" href="tel:${INQUIRY_DESK.phone}">${INQUIRY_DESK.phone}</a></p>
      <p part="inquiry-hours" class="hint">${m.inquiryHours}</p>
    </section>`;
  }

  private renderLayoutSwitch() {
    const m = this.i18n.m;
    const option = (value: TopLayout, label: string) =>
      html`<label class="option">
        <input type="radio" name="layout" value=${value} .checked=${this.layout === value} @change=${() => this.setLayout(value)} />
        <span>${label}</span>
      </label>`;
    return html`<fieldset part="layout-switch" class="switch">
      <legend>${m.layout}</legend>
      <div class="options">${option('smartphone', m.smartphone)}${option('computer', m.computer)}</div>
    </fieldset>`;
  }

  private renderAccount(account: AccountResponse) {
    const m = this.i18n.m;
    const { kind, number } = account.registeredNumber;
    return html`<dl class="facts">
        <div>
          <dt>${kind === 'phone' ? m.phone : m.customerNumber}</dt>
          <dd part="registered-number" class="number" data-kind=${kind}>${kind === 'phone' ? formatLineNumber(number) : number}</dd>
        </div>
      </dl>
      <p class="customer">${m.customer(account.customerName)}</p>`;
  }

  private renderAmount(history: HistoryResponse) {
    const m = this.i18n.m;
    const current = history.months[0]!;
    const month = this.i18n.date(`${current.month}-01`, { year: 'numeric', month: 'long' });
    return html`<dl class="facts">
        <div>
          <dt>${m.amountFor(month)}</dt>
          <dd part="amount" class="amount" data-month=${current.month}>${this.i18n.yen(current.amount)}</dd>
        </div>
        <div>
          <dt>${m.dueDate}</dt>
          <dd part="due-date"><time datetime=${current.dueDate}>${this.i18n.date(current.dueDate)}</time></dd>
        </div>
      </dl>
      ${current.status === 'provisional' ? html`<p class="hint" part="provisional-note">${m.provisional}</p>` : nothing}`;
  }

  private renderPaymentLinks() {
    const m = this.i18n.m;
    const links = [
      { href: safePaymentHref(this.creditCardHref), label: m.creditCard, part: 'credit-card-link' },
      { href: safePaymentHref(this.payEasyHref), label: m.payEasy, part: 'pay-easy-link' },
    ].filter((link) => link.href);
    if (links.length === 0) return html`<p part="payment-note" class="hint">${m.paymentNote}</p>`;
    return links.map(({ href, label, part }) => html`<a class="pay-link" part="payment-link ${part}" href=${href}>${label}</a>`);
  }
}
