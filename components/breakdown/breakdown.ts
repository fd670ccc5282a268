import { TaskStatus, initialState } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { formatLineNumber, isWebBillingError, type BreakdownResponse, type BreakdownScope, type ChargeItem } from '../../src/core.js';
import { cssProps } from '../shared/css-props.js';
import { DataController } from '../shared/data-controller.js';
import { WbMembershipRequestedEvent, WbMonthSelectedEvent } from '../shared/events.js';
import { LocalizeController, WbLocalizedElement, type Locale } from '../shared/localize.js';
import { dataStyles, tokens } from '../shared/styles.js';
import { breakdownStyles } from './breakdown.styles.js';
import { saveBreakdownCsv } from './csv-download.js';
import { breakdownMessages } from './messages.js';
import { PrintController } from './print-controller.js';
import { RowBudgetController } from './row-budget.js';
import { sumsOf, type LineView } from './sums.js';

/** Lines beyond which the breakdown offers keyboard users a skip past them. */
const SKIP_LINK_LINES = 5;

const ITEM_PARTS: Record<ChargeItem['kind'], string> = {
  charge: 'item charge-item',
  discount: 'item discount-item',
  fee: 'item fee-item',
  tax: 'item tax-item',
};

/**
 * One month's detailed breakdown: the total (and the consumption tax it
 * includes), then each communication company with its subtotal, each line
 * with its subtotal, and each line's items of charge, as the bill shows them
 * (discounts negative, consumption tax as its own items). Every subtotal and
 * the total are summed from the items shown, so what is shown always adds up.
 *
 * Companies and lines are native `<details>` sections (Enter or Space on a
 * summary opens or closes it); "Open all" and "Close all" act on all of them.
 * A "Billing summary" button asks to switch to `<wb-billing-summary>` for the
 * same month (`wb-month-selected` with `view: 'summary'`): the page routes.
 *
 * Combined bills: set `line` (a line number, dashes allowed) or `company`
 * (a company id) to show only that part of the bill; the element reloads.
 * It listens to nothing global: wire `<wb-line-picker>` to it yourself:
 *
 * ```js
 * picker.addEventListener('wb-line-selected', (e) => {
 *   breakdown.line = e.lineNumber;
 *   breakdown.company = e.companyId;
 * });
 * ```
 *
 * Months older than the 4 kept get a plain message (no retry: nothing to retry).
 *
 * **Large bills.** A bill of thousands of items must not wait for thousands of
 * rows to be styled and laid out before anything shows. So:
 * - a closed line renders no item rows at all; they are created when it opens;
 * - rows come in order, top first: the first screenful (line headers and item
 *   rows) renders at once, the rest in chunks in idle time (or the next
 *   frames); lines already shown stay put, so focus and scroll position hold
 *   while later rows fill in; `allRendered` resolves once every row is in;
 * - each line's list of items has `content-visibility: auto` with a
 *   `contain-intrinsic-size` estimated from its item count, so rows off
 *   screen skip style, layout and paint but keep the scroll height stable.
 *   (Not the line's `<details>` itself: that crashed Chromium's renderer
 *   under keyboard and mouse input; see docs/benchmarks.md.)
 *
 * "Open all" therefore stays usable on any size of bill: it paints the first
 * screenful in one frame and fills in the rest (10,000 items: under 3 s on a
 * loaded 2-core machine, without blocking input for long). Find-in-page
 * (Ctrl+F) keeps working on an opened breakdown: `content-visibility: auto`
 * only skips rendering work, the text is in the DOM and the browser finds it
 * and scrolls to it. The text of closed lines is not in the DOM until they
 * open: to search every item, press "Open all" first.
 *
 * **CSV for accountants.** "Download CSV" saves `web-billing-YYYY-MM.csv`
 * (UTF-8 with a BOM, CRLF, RFC 4180; see `breakdownToCsv` in
 * `web-billing-kit/csv`, loaded on the first press): one row per item of
 * charge with subtotal rows per line and company and the total, in the
 * page's language. It always covers the WHOLE bill, every company and line
 * of a combined bill, even while `line` or `company` shows one part: an
 * accountant reconciles the CSV against the invoice's total. (The element
 * loads the whole bill for it when it shows a part; with `data` set, the CSV
 * covers that breakdown as given.) `wb-breakdown-download` fires first with
 * the CSV text; cancel it to handle the CSV yourself.
 *
 * **Printing.** The element prints as a statement: the totals, then every
 * company (each from a new page) and every line with all its items, closed
 * sections included (their rows render on `beforeprint` and go again on
 * `afterprint`; what is open or closed on screen does not change); a line
 * is never split across pages; buttons and links are not printed. Set
 * `--wb-breakdown-print-line-break: page` for one page per line.
 *
 * `data` takes a breakdown you already have (attribute-less property): it is
 * shown instead of loading, and needs no provider.
 *
 * @summary One month's detailed breakdown by company, line and item of charge.
 * @tag wb-breakdown
 *
 * @fires wb-month-selected - "Billing summary" was pressed: `month`, `view: 'summary'`.
 * @fires wb-membership-requested - The notice-email link was pressed: `section: 'notice-email'`. Cancelable.
 * @fires wb-breakdown-download - "Download CSV" was pressed: `month`, `fileName`, `csv` (the whole bill). Cancelable: cancel to handle the CSV yourself.
 *
 * @csspart base - The wrapper of the whole breakdown.
 * @csspart heading - The title (month, and the line or company shown).
 * @csspart totals - The total, the consumption tax it includes and the due date.
 * @csspart total - The total amount.
 * @csspart tax-total - The consumption tax included in the total.
 * @csspart toolbar - The "Open all" / "Close all" buttons.
 * @csspart open-all-button - "Open all".
 * @csspart close-all-button - "Close all".
 * @csspart csv-button - "Download CSV" (the whole bill).
 * @csspart csv-error - Says the CSV could not be made (the whole bill could not be loaded).
 * @csspart summary-button - The switch to the billing summary.
 * @csspart company - Each company's `<details>`.
 * @csspart company-summary - A company's `<summary>`: name and subtotal.
 * @csspart line - Each line's `<details>`.
 * @csspart line-summary - A line's `<summary>`: number and subtotal.
 * @csspart items - A line's list of items.
 * @csspart item - Each item of charge (also `charge-item`, `discount-item`, `fee-item`, `tax-item`).
 * @csspart amount - Every amount.
 * @csspart notice-email-link - The link to register the notice email.
 * @csspart skip-to-end-button - On bills of more than 5 lines, a skip link (shown when focused) to the notice-email link past the lines.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - "Try again" after a failed load.
 * @csspart empty - The empty state.
 *
 * @cssprop --wb-breakdown-border - Lines between sections (falls back to `--wb-color-border`).
 * @cssprop --wb-breakdown-surface - Background of the company summaries (falls back to `--wb-color-surface-alt`).
 * @cssprop --wb-breakdown-discount-color - Colour of discount amounts (falls back to `--wb-color-success`).
 * @cssprop --wb-breakdown-max-width - Maximum width of the breakdown (default 48rem).
 * @cssprop --wb-breakdown-print-line-break - In print, the break before each line after the first: `auto` (default; lines are never split across pages, each company starts a page) or `page` (one page per line).
 * @cssprop --wb-color-primary - Buttons and links.
 */
export class WbBreakdown extends WbLocalizedElement {
  /** The kit's tokens, the data elements' shared states (loading, error, empty) and this element's own sheet. */
  static override styles = [tokens, dataStyles, breakdownStyles];

  /** The month to show, `YYYY-MM` (one of the past 4 months). */
  @property({ reflect: true }) month = '';

  /** Show only this line of a combined bill (digits, dashes allowed). Wins over `company`. */
  @property() line?: string;

  /** Show only this communication company (its id) of a combined bill. */
  @property() company?: string;

  /** A breakdown to show instead of loading one (for pages that already have it, and benchmarks). */
  @property({ attribute: false }) data?: BreakdownResponse;

  /** The last "Download CSV" failed (the whole bill could not be loaded). */
  @state() private csvFailed = false;
  /** Whether companies are open unless toggled: "Open all" sets it, "Close all" clears it. */
  @state() private companiesOpen = true;
  /** Whether lines are open unless toggled: "Open all" sets it, "Close all" clears it. */
  @state() private linesOpen = false;
  /** Sections toggled away from `companiesOpen` / `linesOpen` (company ids and `company/line` keys); kept across reloads. */
  @state() private toggled = new Set<string>();

  private readonly i18n = new LocalizeController(this, breakdownMessages);
  /** Which rows render now: the first screenful at once, the rest in chunks. */
  private readonly rows = new RowBudgetController(this);
  /** Printing renders every row. */
  private readonly print = new PrintController(this, () => this.performUpdate());
  #downloading = false;

  private readonly loader = new DataController(this, {
    errorText: (error) => {
      const m = this.i18n.m;
      if (isWebBillingError(error, 'breakdown_not_retained')) return m.notRetained;
      if (isWebBillingError(error, 'month_out_of_range')) return m.outOfRange;
      if (isWebBillingError(error, 'not_found')) return m.notFound;
      return undefined;
    },
  });

  private readonly breakdown = this.loader.task({
    task: ([client, month, line, company, data], { signal }) => {
      if (data || !client || !month) return initialState;
      const scope: BreakdownScope = line ? { view: 'line', line } : company ? { view: 'company', company } : { view: 'total' };
      return client.billing.breakdown(month, scope, { signal });
    },
    args: () => [this.loader.client, this.month, this.line, this.company, this.data] as const,
  });

  /** Opens every company and line. */
  openAll(): void {
    this.companiesOpen = this.linesOpen = true;
    this.toggled = new Set();
    this.rows.restart();
  }

  /** Closes every company and line. */
  closeAll(): void {
    this.companiesOpen = this.linesOpen = false;
    this.toggled = new Set();
  }

  /**
   * Downloads the whole bill of the month shown as CSV (`web-billing-YYYY-MM.csv`),
   * after `wb-breakdown-download` (cancel it to handle the CSV yourself). Resolves
   * when the download has started, was cancelled, or failed (then `csv-error` says so).
   */
  async downloadCsv(): Promise<void> {
    const shown = this.data ?? this.breakdown.value;
    if (!shown || this.#downloading) return;
    this.#downloading = true;
    this.csvFailed = false;
    try {
      const client = this.loader.client;
      const whole = shown.view === 'total' || this.data || !client ? shown : await client.billing.breakdown(shown.month, { view: 'total' });
      await saveBreakdownCsv(this, whole, this.i18n.locale);
    } catch {
      this.csvFailed = true;
    } finally {
      this.#downloading = false;
    }
  }

  /** Resolves once every open line has all its item rows in the DOM. */
  get allRendered(): Promise<void> {
    return this.rows.allRendered;
  }

  private isOpen(key: string): boolean {
    // Line keys are `company/line`; company keys are bare ids.
    return (key.includes('/') ? this.linesOpen : this.companiesOpen) !== this.toggled.has(key);
  }

  private onToggle(event: Event, key: string): void {
    const details = event.currentTarget as HTMLDetailsElement;
    if (details.open === this.isOpen(key)) return;
    if (details.open) this.rows.grow();
    const toggled = new Set(this.toggled);
    if (toggled.has(key)) toggled.delete(key);
    else toggled.add(key);
    this.toggled = toggled;
  }

  private monthLabel(month: string): string {
    return this.i18n.date(`${month}-01`, { year: 'numeric', month: 'long' });
  }

  /** One item row: one template, four bindings, no nested templates (rows are the bulk of a large bill). */
  private renderItem(item: ChargeItem, locale: Locale): TemplateResult {
    const m = this.i18n.m;
    const kind = item.kind === 'tax' ? m.taxItem : item.kind === 'discount' ? m.discountItem : '';
    const label = item.label[locale];
    // Said once: "Consumption tax (10%)" needs no "(consumption tax)" after it.
    const note = kind && !label.toLocaleLowerCase().includes(kind.toLocaleLowerCase()) ? m.kindNote(kind) : '';
    return html`<li part=${ITEM_PARTS[item.kind]} class=${item.kind}><span class="label"
        >${label}<span class="kind">${note}</span></span
      ><span class="amount" part="amount">${this.i18n.yen(item.amount)}</span></li>`;
  }

  private renderLine(line: LineView, open: boolean, rows: boolean, locale: Locale): TemplateResult {
    return html`<details
      class="line"
      part="line"
      ?open=${open}
      @toggle=${(e: Event) => this.onToggle(e, line.key)}
    >
      <summary part="line-summary">
        <span class="name">${this.i18n.m.lineLabel(formatLineNumber(line.lineNumber))}</span>
        <span class="amount" part="amount">${this.i18n.yen(line.subtotal)}</span>
      </summary>
      ${rows ? html`<ul part="items" style=${cssProps({ '--rows': String(line.items.length) })}>${line.items.map((item) => this.renderItem(item, locale))}</ul>` : nothing}
    </details>`;
  }

  private renderBreakdown(data: BreakdownResponse): TemplateResult {
    const m = this.i18n.m;
    const locale = this.i18n.locale;
    const sums = sumsOf(data);
    // Printing: every company, line and item row, open or closed, at once (the statement is complete on paper).
    const plan = this.rows.plan(data, sums.companies, (key) => this.isOpen(key), this.print.printing);
    const companies = sums.companies.map(
      (company, c) => html`<details class="company" part="company" ?open=${this.isOpen(company.id)} @toggle=${(e: Event) => this.onToggle(e, company.id)}>
        <summary part="company-summary">
          <span class="name">${company.name[locale]}</span>
          <span class="amount" part="amount">${this.i18n.yen(company.subtotal)}</span>
        </summary>
        ${plan[c]!.map(({ line, open, rows }) => guard([line, open, rows, locale], () => this.renderLine(line, open, rows, locale)))}
      </details>`,
    );

    if (sums.companies.length === 0) return html`<p class="state" part="empty" role="status">${m.empty}</p>`;
    return html`
      <dl part="totals">
        <div class="grand">
          <dt>${m.total}</dt>
          <dd class="amount" part="amount total">${this.i18n.yen(sums.total)}</dd>
        </div>
        <div>
          <dt>${m.taxTotal}</dt>
          <dd class="amount" part="amount tax-total">${this.i18n.yen(sums.tax)}</dd>
        </div>
        <div>
          <dt>${m.dueDate}</dt>
          <dd>${this.i18n.date(data.dueDate)}</dd>
        </div>
      </dl>
      <div class="toolbar" part="toolbar">
        <button type="button" part="open-all-button" @click=${this.openAll}>${m.openAll}</button>
        <button type="button" part="close-all-button" @click=${this.closeAll}>${m.closeAll}</button>
        <button type="button" part="csv-button" @click=${this.downloadCsv}>${m.downloadCsv}</button>
        ${sums.companies.reduce((n, c) => n + c.lines.length, 0) > SKIP_LINK_LINES
          ? html`<button type="button" class="visually-hidden-until-focus" part="skip-to-end-button" @click=${this.skipToEnd}>${m.skipToEnd}</button>`
          : nothing}
      </div>
      ${this.csvFailed ? html`<p class="state" part="csv-error" role="alert">${m.csvFailed}</p>` : nothing}
      <div role="group" aria-label=${m.companies}>${companies}</div>
    `;
  }

  private scopeLabel(data?: BreakdownResponse): string | undefined {
    const m = this.i18n.m;
    const line = data?.lineNumber ?? (data ? undefined : this.line);
    if (line) return m.scopeLine(formatLineNumber(line.replace(/\D/g, '')));
    if (data?.view === 'company') {
      const company = data.companies[0];
      return company ? m.scopeCompany(company.name[this.i18n.locale]) : undefined;
    }
    return undefined;
  }

  protected override render(): TemplateResult {
    const m = this.i18n.m;
    const month = this.data?.month ?? this.month;
    const data = this.data ?? this.breakdown.value;
    const scope = this.scopeLabel(data);
    const body = this.data
      ? this.renderBreakdown(this.data)
      : this.loader.render(this.breakdown, (value) => this.renderBreakdown(value));
    if (!this.data && this.breakdown.status !== TaskStatus.COMPLETE) this.rows.stop();
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.breakdown.status === TaskStatus.PENDING ? 'true' : 'false'}>
      <div class="head">
        <h2 id="title" part="heading">${month ? m.title(this.monthLabel(month)) : m.title('')}${scope ? html`<br /><small>${scope}</small>` : nothing}</h2>
        <button type="button" part="summary-button" @click=${this.toSummary}>${m.summary}</button>
      </div>
      ${body}
      <button type="button" class="link" part="notice-email-link" @click=${this.toNoticeEmail}>${m.noticeEmail}</button>
    </section>`;
  }

  private toSummary(): void {
    this.dispatchEvent(new WbMonthSelectedEvent(this.data?.month ?? this.month, 'summary'));
  }

  /** Past a long list of lines, keyboard users jump to what follows it (the notice-email link) in one step. */
  private skipToEnd(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="notice-email-link"]')?.focus();
  }

  private toNoticeEmail(): void {
    this.dispatchEvent(new WbMembershipRequestedEvent('notice-email'));
  }
}
