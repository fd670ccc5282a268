import { initialState } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { BILLING_RULES, type HistoryMonth, type HistoryResponse } from '../../src/core.js';
import { DataController } from '../shared/data-controller.js';
import { cssProps } from '../shared/css-props.js';
import { WbMonthSelectedEvent } from '../shared/events.js';
import { whenIdle } from '../shared/idle.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { dataStyles, tokens } from '../shared/styles.js';
import { billingListStyles } from './billing-list.styles.js';
import { billingListMessages } from './messages.js';

/** Chart geometry in viewBox units: one slot per month, bars centred in their slot. */
const SLOT = 40;
const BAR = 26;
const CHART_HEIGHT = 200;
const TOP_GAP = 8;

/**
 * The billing amounts of the past 15 months including the current one
 * (user guide §3 Reference of billing information): a bar chart of the
 * amounts, oldest to newest, and a table, newest first, with each month's
 * amount, due date and status. The 4 months whose detailed breakdowns are
 * kept offer "Detailed breakdown"; the rest say that breakdowns are kept for
 * 4 months only.
 *
 * The chart is inline SVG scaled to the element's width. Its bars form one
 * tab stop: the arrow keys move between months, Home and End go to the
 * oldest and newest, and Enter or Space on a month with a breakdown selects
 * it. Each bar is named for screen readers (month, amount, "provisional" for
 * the current month, whether a breakdown is available).
 *
 * Under each bar its amount is written, turned sideways so that 15 amounts
 * fit side by side even on a 360 px screen. Those labels are hidden from
 * screen readers, which hear the amount in the bar's name (and in the table).
 *
 * @summary The 15-month billing list: bar chart and table.
 * @tag wb-billing-list
 *
 * @fires wb-month-selected - A month with a detailed breakdown was chosen (`month`, `view: 'breakdown'`).
 *
 * @csspart base - The wrapper.
 * @csspart heading - The title.
 * @csspart chart - The chart's `<figure>`.
 * @csspart bar - Each bar (also `bar-breakdown` for months with a breakdown, `bar-provisional` for the current month).
 * @csspart bar-amount - The amount written under each bar (sideways; hidden from screen readers, as the bar's name says it).
 * @csspart legend - The chart's legend.
 * @csspart readout - The month and amount of the bar last focused or pointed at.
 * @csspart retention-note - The note that breakdowns are kept for 4 months.
 * @csspart table - The table.
 * @csspart row - Each month's row.
 * @csspart breakdown-button - Each "Detailed breakdown" button.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The empty state.
 *
 * @cssprop --wb-billing-list-bar-color - Bars of months with a breakdown (default `--wb-color-primary`).
 * @cssprop --wb-billing-list-bar-muted-color - Outline of amount-only bars (default `--wb-color-border`).
 * @cssprop --wb-billing-list-bar-muted-fill - Fill of amount-only bars (default `--wb-color-muted-surface`).
 * @cssprop --wb-billing-list-border-color - Table rules (default `--wb-color-border`).
 * @cssprop --wb-billing-list-gap - Space between the chart and the table (default `--wb-space`).
 * @cssprop --wb-color-focus - Focus ring.
 */
export class WbBillingList extends WbLocalizedElement {
  /** The kit's tokens, the data elements' shared states (loading, error, empty) and this element's own sheet. */
  static override styles = [tokens, dataStyles, billingListStyles];

  private readonly loader = new DataController(this);

  private readonly i18n = new LocalizeController(this, billingListMessages);

  /** Index (oldest first) of the bar that holds the chart's tab stop. */
  @state() private focusIndex = 0;
  /** Index (oldest first) of the bar last focused or pointed at, for the readout. */
  @state() private activeIndex?: number;

  /**
   * Whether the table renders. Not in the same task as the chart: on a slow
   * phone the list's first render (chart, 15 rows, their layout) would be one
   * task of 100 ms or more, in which a tap waits. The table follows in the
   * next idle moment (or within 50 ms); the heading, the chart and the
   * retention note come first. `updateComplete` waits for both.
   */
  @state() private tableShown = false;
  /** Settles when the table has been asked to render (between the chart's render and the table's). */
  #tablePending?: Promise<void>;

  private readonly history = this.loader.task({
    task: ([client], { signal }) => (client ? client.billing.history({ signal }) : initialState),
    args: () => [this.loader.client] as const,
  });

  protected override render() {
    const m = this.i18n.m;
    return html`<section part="base" class="base" aria-labelledby="heading">
      <h2 id="heading" part="heading">${m.title(BILLING_RULES.historyMonths)}</h2>
      ${this.loader.render(this.history, (h) => this.renderHistory(h), {
        isEmpty: (h) => h.months.length === 0,
        emptyText: m.empty,
      })}
    </section>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const count = this.history.value?.months.length ?? 0;
    if (this.focusIndex >= count) this.focusIndex = Math.max(0, count - 1);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.tableShown || this.#tablePending || !this.history.value?.months.length) return;
    this.#tablePending = new Promise((resolve) =>
      whenIdle(() => {
        this.#tablePending = undefined;
        this.tableShown = true;
        resolve();
      }),
    );
  }

  /** Resolves once the chart and the table have rendered (the table a task after the chart). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#tablePending) {
      await this.#tablePending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  private monthName(month: string, style: 'long' | 'short' = 'long'): string {
    return this.i18n.date(`${month}-01`, { year: 'numeric', month: style });
  }

  private renderHistory(history: HistoryResponse) {
    const m = this.i18n.m;
    return html`<div class="layout">
      ${this.renderChart(history)}
      <div class="table-area">
        <p id="retention" part="retention-note" class="note">${m.retention(BILLING_RULES.breakdownMonths)}</p>
        <div class="table-wrap">${this.tableShown ? this.renderTable(history) : nothing}</div>
      </div>
    </div>`;
  }

  // ------------------------------------------------------------------ chart

  /** The months oldest first, as the chart shows them. */
  private chronological(history: HistoryResponse): HistoryMonth[] {
    return [...history.months].reverse();
  }

  private barLabel(month: HistoryMonth): string {
    return this.i18n.m.barLabel(this.monthName(month.month), this.i18n.yen(month.amount), month.status === 'provisional', month.breakdownAvailable);
  }

  private renderChart(history: HistoryResponse) {
    const m = this.i18n.m;
    const months = this.chronological(history);
    const width = months.length * SLOT;
    const max = Math.max(1, ...months.map((x) => x.amount));
    const scale = (CHART_HEIGHT - TOP_GAP) / max;
    const active = this.activeIndex === undefined ? undefined : months[this.activeIndex];
    const bars = months.map((month, i) => {
      const height = Math.max(2, Math.round(month.amount * scale));
      const x = i * SLOT + (SLOT - BAR) / 2;
      const parts = ['bar', month.breakdownAvailable ? 'bar-breakdown' : '', month.status === 'provisional' ? 'bar-provisional' : ''].filter(Boolean).join(' ');
      return svg`<g
        class="bar ${month.breakdownAvailable ? 'has-breakdown' : 'amount-only'} ${month.status}"
        part=${parts}
        data-month=${month.month}
        role=${month.breakdownAvailable ? 'button' : 'img'}
        tabindex=${i === this.focusIndex ? 0 : -1}
        aria-label=${this.barLabel(month)}
        @click=${() => this.onBarActivate(i, month)}
        @focus=${() => this.onBarFocus(i)}
        @pointerenter=${() => (this.activeIndex = i)}
      >
        <rect class="hit" x=${i * SLOT + 1} y="0" width=${SLOT - 2} height=${CHART_HEIGHT} rx="4"></rect>
        <rect class="fill" x=${x} y=${CHART_HEIGHT - height} width=${BAR} height=${height} rx="2"></rect>
      </g>`;
    });
    return html`<figure part="chart" class="chart">
      <figcaption id="chart-title" class="chart-title">${m.chartTitle}</figcaption>
      <svg
        viewBox="0 0 ${width} ${CHART_HEIGHT + 2}"
        width="100%"
        role="group"
        aria-labelledby="chart-title"
        aria-describedby="chart-hint"
        @keydown=${(e: KeyboardEvent) => this.onChartKeydown(e, months)}
      >
        <defs>
          <pattern id="provisional-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect class="hatch-ground" width="6" height="6"></rect>
            <rect class="hatch-line" width="3" height="6"></rect>
          </pattern>
        </defs>
        <line class="baseline" x1="0" x2=${width} y1=${CHART_HEIGHT + 1} y2=${CHART_HEIGHT + 1} aria-hidden="true"></line>
        ${bars}
      </svg>
      <div class="amounts" aria-hidden="true" style=${cssProps({ 'grid-template-columns': `repeat(${months.length}, minmax(0, 1fr))` })}>
        ${months.map((month) => html`<span part="bar-amount" class="bar-amount" data-month=${month.month}>${this.i18n.yen(month.amount)}</span>`)}
      </div>
      <div class="axis" aria-hidden="true" style=${cssProps({ 'grid-template-columns': `repeat(${months.length}, minmax(0, 1fr))` })}>
        ${months.map(
          (month) => html`<span class="tick">
            <span class="tick-narrow">${Number(month.month.slice(5))}</span>
            <span class="tick-short">${this.i18n.date(`${month.month}-01`, { month: 'short' })}</span>
            ${month.month.endsWith('-01') || month === months[0] ? html`<span class="tick-year">${month.month.slice(0, 4)}</span>` : nothing}
          </span>`,
        )}
      </div>
      <p part="readout" class="readout" aria-hidden="true">
        ${active ? `${this.monthName(active.month)} · ${this.i18n.yen(active.amount)}${active.status === 'provisional' ? ` · ${m.provisional}` : ''}` : ''}
      </p>
      <p id="chart-hint" class="hint">${m.chartHint}</p>
      <ul part="legend" class="legend">
        <li><svg class="swatch" viewBox="0 0 16 16" aria-hidden="true"><rect class="fill has-breakdown" x="1" y="1" width="14" height="14" rx="2"></rect></svg>${m.legendBreakdown}</li>
        <li><svg class="swatch" viewBox="0 0 16 16" aria-hidden="true"><rect class="fill amount-only" x="1" y="1" width="14" height="14" rx="2"></rect></svg>${m.legendAmountOnly}</li>
        <li><svg class="swatch" viewBox="0 0 16 16" aria-hidden="true"><rect class="fill provisional" x="1" y="1" width="14" height="14" rx="2"></rect></svg>${m.legendProvisional}</li>
      </ul>
    </figure>`;
  }

  private onBarFocus(index: number): void {
    this.focusIndex = index;
    this.activeIndex = index;
  }

  private onBarActivate(index: number, month: HistoryMonth): void {
    this.focusIndex = index;
    this.activeIndex = index;
    if (month.breakdownAvailable) this.select(month.month);
  }

  private async onChartKeydown(event: KeyboardEvent, months: HistoryMonth[]): Promise<void> {
    const last = months.length - 1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(last, this.focusIndex + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, this.focusIndex - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const month = months[this.focusIndex];
        if (month) this.onBarActivate(this.focusIndex, month);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.focusIndex = next;
    this.activeIndex = next;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGGElement>(`g.bar[tabindex="0"]`)?.focus();
  }

  // ------------------------------------------------------------------ table

  private renderTable(history: HistoryResponse) {
    const m = this.i18n.m;
    return html`<table part="table">
      <caption>${m.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${m.month}</th>
          <th scope="col" class="num">${m.amount}</th>
          <th scope="col">${m.dueDate}</th>
          <th scope="col">${m.status}</th>
          <th scope="col">${m.breakdown}</th>
        </tr>
      </thead>
      <tbody>
        ${history.months.map((month) => {
          const name = this.monthName(month.month);
          return html`<tr part="row" data-month=${month.month} class=${month.status}>
            <th scope="row">${name}</th>
            <td class="num" data-label=${m.amount}>${this.i18n.yen(month.amount)}</td>
            <td class="date" data-label=${m.dueDate}>${this.i18n.date(month.dueDate, { dateStyle: 'medium' })}</td>
            <td data-label=${m.status}>${month.status === 'provisional' ? m.provisional : m.confirmed}</td>
            <td data-label=${m.breakdown}>
              ${month.breakdownAvailable
                ? html`<button type="button" part="breakdown-button" data-month=${month.month} @click=${() => this.select(month.month)}>
                    ${m.detailedBreakdown}<span class="visually-hidden"> ${m.forMonth(name)}</span>
                  </button>`
                : html`<span class="amount-only-text">${m.amountOnly}</span>`}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private select(month: string): void {
    this.dispatchEvent(new WbMonthSelectedEvent(month));
  }
}
