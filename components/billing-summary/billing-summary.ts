import { initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isWebBillingError, type SummaryResponse, type UsageEntry } from '../../src/core.js';
import { DataController } from '../shared/data-controller.js';
import { WbMembershipRequestedEvent, WbMonthSelectedEvent } from '../shared/events.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { dataStyles, tokens } from '../shared/styles.js';
import { billingSummaryStyles } from './billing-summary.styles.js';
import { summaryMessages } from './messages.js';

/**
 * A month's billing summary: the total and due date, the usage amounts (calls,
 * data, messages, lines) as a table, and the month's notices. Notices come
 * from the server as plain text and are rendered as text, never as HTML.
 *
 * "Detailed breakdown" asks to switch back to `<wb-breakdown>` for the same
 * month (`wb-month-selected` with `view: 'breakdown'`): the page routes.
 *
 * @summary Usage amounts and notices of one month's bill.
 * @tag wb-billing-summary
 *
 * @fires wb-month-selected - "Detailed breakdown" was pressed: `month`, `view: 'breakdown'`.
 * @fires wb-membership-requested - The notice-email link was pressed: `section: 'notice-email'`. Cancelable.
 *
 * @csspart base - The wrapper of the whole summary.
 * @csspart heading - The title.
 * @csspart totals - The total and due date.
 * @csspart total - The total amount.
 * @csspart usage-table - The table of usage amounts.
 * @csspart amount - Every amount.
 * @csspart notices - The notices section.
 * @csspart notice - Each notice.
 * @csspart notice-title - A notice's title.
 * @csspart notice-body - A notice's text.
 * @csspart breakdown-button - The switch to the detailed breakdown.
 * @csspart notice-email-link - The link to register the notice email.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - "Try again" after a failed load.
 * @csspart empty - The empty state.
 *
 * @cssprop --wb-billing-summary-border - Table and notice borders (falls back to `--wb-color-border`).
 * @cssprop --wb-billing-summary-surface - Background of the table header and notices (falls back to `--wb-color-surface-alt`).
 * @cssprop --wb-billing-summary-max-width - Maximum width (default 48rem).
 * @cssprop --wb-color-primary - Buttons and links.
 */
export class WbBillingSummary extends WbLocalizedElement {
  /** The kit's tokens, the data elements' shared states (loading, error, empty) and this element's own sheet. */
  static override styles = [tokens, dataStyles, billingSummaryStyles];

  /** The month to show, `YYYY-MM` (one of the past 4 months). */
  @property({ reflect: true }) month = '';

  private readonly i18n = new LocalizeController(this, summaryMessages);

  private readonly loader = new DataController(this, {
    errorText: (error) => {
      if (isWebBillingError(error, 'breakdown_not_retained')) return this.i18n.m.notRetained;
      if (isWebBillingError(error, 'month_out_of_range')) return this.i18n.m.outOfRange;
      return undefined;
    },
  });

  private readonly summary = this.loader.task({
    task: ([client, month], { signal }) => (client && month ? client.billing.summary(month, { signal }) : initialState),
    args: () => [this.loader.client, this.month] as const,
  });

  private quantity(entry: UsageEntry): string {
    const locale = this.i18n.locale === 'ja' ? 'ja-JP' : 'en-GB';
    const units = { minutes: 'minute', MB: 'megabyte', GB: 'gigabyte' } as const;
    if (entry.unit === 'messages' || entry.unit === 'lines') {
      const n = new Intl.NumberFormat(locale).format(entry.quantity);
      return entry.unit === 'messages' ? this.i18n.m.messages(entry.quantity, n) : this.i18n.m.lines(entry.quantity, n);
    }
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[entry.unit], unitDisplay: 'short', maximumFractionDigits: 2 }).format(entry.quantity);
  }

  private renderSummary(data: SummaryResponse): TemplateResult {
    const m = this.i18n.m;
    const locale = this.i18n.locale;
    return html`
      <dl part="totals">
        <div class="grand">
          <dt>${m.total}</dt>
          <dd class="num" part="amount total">${this.i18n.yen(data.total)}</dd>
        </div>
        <div>
          <dt>${m.dueDate}</dt>
          <dd>${this.i18n.date(data.dueDate)}</dd>
        </div>
      </dl>
      ${data.usage.length
        ? html`<table part="usage-table">
            <caption>${m.usageCaption}</caption>
            <thead>
              <tr>
                <th scope="col">${m.item}</th>
                <th scope="col" class="num">${m.quantity}</th>
                <th scope="col" class="num">${m.amount}</th>
              </tr>
            </thead>
            <tbody>
              ${data.usage.map(
                (entry) => html`<tr>
                  <th scope="row">${entry.label[locale]}</th>
                  <td class="num">${this.quantity(entry)}</td>
                  <td class="num" part="amount">${this.i18n.yen(entry.amount)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      <section class="notices" part="notices" aria-labelledby="notices-title">
        <h3 id="notices-title">${m.notices}</h3>
        ${data.notices.length
          ? data.notices.map(
              (notice) => html`<article part="notice">
                <h4 part="notice-title">${notice.title[locale]}</h4>
                <p part="notice-body">${notice.body[locale]}</p>
              </article>`,
            )
          : html`<p>${m.noNotices}</p>`}
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const m = this.i18n.m;
    const monthLabel = this.month ? this.i18n.date(`${this.month}-01`, { year: 'numeric', month: 'long' }) : '';
    return html`<section part="base" aria-labelledby="title">
      <div class="head">
        <h2 id="title" part="heading">${m.title(monthLabel)}</h2>
        <button type="button" part="breakdown-button" @click=${this.toBreakdown}>${m.breakdown}</button>
      </div>
      ${this.loader.render(this.summary, (data) => this.renderSummary(data), {
        isEmpty: (data) => data.usage.length === 0 && data.notices.length === 0,
        emptyText: m.empty,
      })}
      <button type="button" class="link" part="notice-email-link" @click=${this.toNoticeEmail}>${m.noticeEmail}</button>
    </section>`;
  }

  private toBreakdown(): void {
    this.dispatchEvent(new WbMonthSelectedEvent(this.month, 'breakdown'));
  }

  private toNoticeEmail(): void {
    this.dispatchEvent(new WbMembershipRequestedEvent('notice-email'));
  }
}
