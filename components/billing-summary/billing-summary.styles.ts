import { css } from 'lit';

/** The summary's own styles, after the kit's tokens and data styles. */
export const billingSummaryStyles = css`
  [part~='base'] {
    display: grid;
    gap: var(--wb-space, 1rem);
    max-width: var(--wb-billing-summary-max-width, 48rem);
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: var(--wb-heading-size, 1.375rem);
  }
  h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  dl {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.75rem;
  }
  dt,
  dd {
    margin: 0;
  }
  .grand {
    font-size: 1.25rem;
    font-weight: 700;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    padding: 0.5rem;
    text-align: start;
    border-bottom: 1px solid var(--wb-billing-summary-border, var(--wb-color-border, #c4c7c5));
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--wb-billing-summary-surface, var(--wb-color-surface-alt, #f3f6fc));
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  article {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--wb-color-primary, #0b57d0);
    background: var(--wb-billing-summary-surface, var(--wb-color-surface-alt, #f3f6fc));
    border-radius: var(--wb-radius, 0.375rem);
  }
  article h4 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  article p {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .notices {
    display: grid;
    gap: 0.75rem;
  }
`;
