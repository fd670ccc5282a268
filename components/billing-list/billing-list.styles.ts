import { css } from 'lit';

export const billingListStyles = css`
  :host {
    --_bar: var(--wb-billing-list-bar-color, var(--wb-color-primary, #0b57d0));
    --_muted: var(--wb-billing-list-bar-muted-color, var(--wb-color-border, #767676));
    --_muted-fill: var(--wb-billing-list-bar-muted-fill, var(--wb-color-muted-surface, #eef0f3));
    --_rule: var(--wb-billing-list-border-color, var(--wb-color-border, #c4c7c5));
    --_gap: var(--wb-billing-list-gap, var(--wb-space, 1rem));
  }
  .base {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: var(--wb-heading-size, 1.375rem);
  }
  .layout {
    display: grid;
    gap: calc(var(--_gap) * 1.5);
    min-width: 0;
  }
  @container (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr);
      align-items: start;
    }
  }
  p {
    margin: 0;
  }

  /* chart */
  .chart {
    margin: 0;
    display: grid;
    gap: 0.5rem;
    min-width: 0;
    container-type: inline-size;
  }
  .chart-title {
    font-weight: 600;
  }
  .chart > svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .baseline {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .bar {
    cursor: default;
    outline: none;
  }
  .bar.has-breakdown {
    cursor: pointer;
  }
  .hit {
    fill: transparent;
    stroke: none;
  }
  .bar:hover .hit {
    fill: var(--wb-color-info-surface, #e8f0fe);
  }
  .bar:focus-visible .hit {
    fill: var(--wb-color-info-surface, #e8f0fe);
    stroke: var(--wb-color-focus, #0b57d0);
    stroke-width: 3;
  }
  .fill.has-breakdown,
  .has-breakdown .fill {
    fill: var(--_bar);
    stroke: var(--_bar);
    stroke-width: 1.5;
  }
  .fill.amount-only,
  .amount-only .fill {
    fill: var(--_muted-fill);
    stroke: var(--_muted);
    stroke-width: 1.5;
  }
  .fill.provisional,
  .provisional .fill {
    fill: url(#provisional-hatch);
    stroke: var(--_bar);
    stroke-width: 1.5;
  }
  .hatch-ground {
    fill: var(--wb-color-surface, #fff);
  }
  .hatch-line {
    fill: var(--_bar);
  }
  /* Each bar's amount under it, turned sideways (reading bottom to top) so that 15 fit at 360 px. */
  .amounts {
    display: grid;
    justify-items: center;
    font-size: 0.75rem;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .bar-amount {
    writing-mode: vertical-rl;
    /* Every character sideways, full-width yen signs too, so the turn leaves none upside down. */
    text-orientation: sideways;
    transform: rotate(180deg);
    white-space: nowrap;
  }
  .axis {
    display: grid;
    font-size: 0.75rem;
    line-height: 1.2;
    color: var(--wb-color-muted, #4a4a4a);
    text-align: center;
  }
  .tick {
    display: grid;
    min-width: 0;
  }
  .tick-short {
    display: none;
  }
  .tick-year {
    justify-self: start;
    white-space: nowrap;
  }
  @container (min-width: 30rem) {
    .tick-narrow {
      display: none;
    }
    .tick-short {
      display: inline;
    }
  }
  .readout {
    min-height: 1.5em;
    font-weight: 600;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--wb-color-muted, #4a4a4a);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    width: 1rem;
    height: 1rem;
    flex: none;
  }

  /* table */
  .table-area {
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  .note {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_bar);
    background: var(--wb-color-info-surface, #e8f0fe);
    border-radius: var(--wb-radius, 0.375rem);
  }
  .table-wrap {
    container-type: inline-size;
    min-width: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.5rem;
  }
  th,
  td {
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_rule);
  }
  thead th {
    font-size: 0.875rem;
    border-bottom-width: 2px;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .num,
  .date,
  tbody th {
    white-space: nowrap;
  }
  tr.provisional th,
  tr.provisional td {
    background: var(--wb-color-info-surface, #e8f0fe);
  }
  .amount-only-text {
    color: var(--wb-color-muted, #4a4a4a);
  }
  td button {
    padding: 0.375rem 0.75rem;
  }
  /* Narrow: each month becomes a card; the column names move into the cells
     (as generated text with empty alt text, since the table header still names them). */
  @container (max-width: 37.99rem) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tbody tr {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, auto));
      justify-content: start;
      gap: 0.25rem 1.25rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_rule);
    }
    tbody th,
    tbody td,
    tbody td.num {
      display: block;
      padding: 0;
      border: 0;
      text-align: start;
    }
    tbody th {
      grid-column: 1 / -1;
      font-size: 1.0625rem;
    }
    tbody td::before {
      content: attr(data-label) / '';
      display: block;
      font-size: 0.75rem;
      color: var(--wb-color-muted, #4a4a4a);
    }
    tbody td:last-child {
      grid-column: 1 / -1;
    }
    tbody td:last-child::before {
      display: none;
    }
    tr.provisional {
      background: var(--wb-color-info-surface, #e8f0fe);
      padding-inline: 0.5rem;
    }
  }
`;
