import { css } from 'lit';

/**
 * Why the styles are as they are (said here, not in the css`` string, which ships as written):
 * - A row (totals, summaries, items): label (wraps if it must) on the left, amount (flex: none,
 *   nowrap) on the right of its first line, even at 360 px.
 * - Indentation goes in steps of one marker box and its gap (--step): a company's name one step
 *   in, a line's marker under it and its name two steps in, its items under the name. The marker
 *   box has a fixed width and centres ▸ and ▾, so open and closed sections line up.
 * - Off-screen item lists skip style, layout and paint (content-visibility: auto, size estimated
 *   from their rows). On the list, never on the <details>: content-visibility on <details> was
 *   reported to crash Chromium's renderer under keyboard and mouse input (docs/benchmarks.md).
 * - Print: totals, every company, line and item (closed sections too: their rows render on
 *   beforeprint and ::details-content shows them), no controls; see the JSDoc of WbBreakdown.
 */
export const breakdownStyles = css`
  [part~='base'] {
    display: grid;
    gap: var(--wb-space, 1rem);
    max-width: var(--wb-breakdown-max-width, 48rem);
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: var(--wb-heading-size, 1.375rem);
  }
  dl {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0.75rem 1rem;
    border: 1px solid var(--wb-breakdown-border, var(--wb-color-border, #c4c7c5));
    border-radius: var(--wb-radius, 0.375rem);
  }
  dl > div,
  summary,
  li {
    display: flex;
    gap: 0 0.5rem;
    align-items: baseline;
  }
  dt,
  summary > .name,
  li .label {
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  dt,
  dd {
    margin: 0;
  }
  .grand {
    font-size: 1.25rem;
    font-weight: 700;
  }
  .amount {
    flex: none;
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  details {
    border-top: 1px solid var(--wb-breakdown-border, var(--wb-color-border, #c4c7c5));
  }
  [part~='base'] {
    --step: 1.5rem;
  }
  summary {
    min-height: 44px;
    box-sizing: border-box;
    padding-block: 0.5rem;
    padding-inline: 0.5rem;
    cursor: pointer;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '▸';
    flex: none;
    width: 1rem;
    margin-inline-end: calc(var(--step) - 1rem - 0.5rem);
    text-align: center;
  }
  details[open] > summary::before {
    content: '▾';
  }
  .company > summary {
    font-weight: 700;
    background: var(--wb-breakdown-surface, var(--wb-color-surface-alt, #f3f6fc));
  }
  .line > summary {
    padding-inline-start: calc(0.5rem + var(--step));
  }
  ul {
    margin: 0;
    padding-block: 0 0.5rem;
    padding-inline: calc(0.5rem + 2 * var(--step)) 0.5rem;
    list-style: none;
    content-visibility: auto;
    contain-intrinsic-size: auto calc(0.5rem + var(--rows, 0) * 1.5rem);
  }
  li {
    line-height: 1.5rem;
  }
  li.discount .amount {
    color: var(--wb-breakdown-discount-color, var(--wb-color-success, #146c2e));
  }
  .kind {
    color: var(--wb-color-muted, #4a4a4a);
    font-size: 0.875rem;
  }
  @media print {
    [part~='base'] {
      max-width: none;
    }
    button,
    [part~='toolbar'],
    [part~='csv-error'] {
      display: none !important;
    }
    details::details-content {
      content-visibility: visible;
      display: block;
    }
    summary::before {
      visibility: hidden;
    }
    ul {
      content-visibility: visible;
    }
    .company + .company {
      break-before: page;
    }
    .line {
      break-inside: avoid;
    }
    .line + .line {
      break-before: var(--wb-breakdown-print-line-break, auto);
    }
  }
`;
