import { css } from 'lit';

/**
 * The picker's own styles, after the kit's tokens and data styles. Why (said
 * here, not in the css`` string, which ships as written):
 * - The popup spans the whole row (field, toggle and View button), so names have room.
 * - The listbox is the scroll container (so that it is the combobox's popup, which needs
 *   no focus of its own); its ::before is as tall as every option together.
 * - On a narrow list the company and plan wrap onto a second line, never cut: options are taller.
 */
export const linePickerStyles = css`
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    max-width: var(--wb-line-picker-max-width, var(--wb-form-max-width, 34rem));
  }
  label {
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .hint {
    color: var(--wb-color-muted, #4a4a4a);
    font-size: 0.875rem;
  }
  .row {
    position: relative;
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .combobox {
    flex: 1;
    min-width: 0;
    display: flex;
  }
  input {
    box-sizing: border-box;
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-size: max(16px, 1rem);
    color: inherit;
    background: var(--wb-color-surface, #fff);
    border: 1px solid var(--wb-color-border, #767676);
    border-right: none;
    border-radius: var(--wb-radius, 0.375rem) 0 0 var(--wb-radius, 0.375rem);
  }
  input:focus-visible {
    position: relative;
    z-index: 1;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--wb-color-danger, #b3261e);
    border-right: none;
  }
  .toggle {
    min-width: 44px;
    padding: 0;
    color: var(--wb-color-text, #1f1f1f);
    border: 1px solid var(--wb-color-border, #767676);
    border-radius: 0 var(--wb-radius, 0.375rem) var(--wb-radius, 0.375rem) 0;
  }
  .toggle svg {
    width: 1rem;
    height: 1rem;
    transition: transform 0.1s;
  }
  .toggle[aria-expanded='true'] svg {
    transform: rotate(180deg);
  }
  .popup {
    position: absolute;
    z-index: 10;
    top: calc(100% + 2px);
    left: 0;
    right: 0;
    background: var(--wb-color-surface, #fff);
    border: 1px solid var(--wb-color-border, #767676);
    border-radius: var(--wb-radius, 0.375rem);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
    container-type: inline-size;
  }
  .popup[hidden],
  .scroller[hidden] {
    display: none;
  }
  .scroller {
    position: relative;
    max-height: var(--wb-line-picker-list-height, min(20rem, 60vh));
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .scroller::before {
    content: '';
    display: block;
    height: var(--_wb-scroll-height, 0);
  }
  [role='option'] {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    box-sizing: border-box;
    height: var(--wb-line-picker-option-height, 3.5rem);
    padding: 0.25rem 0.75rem 0.25rem calc(0.75rem + 4px);
    display: flex;
    flex-direction: column;
    justify-content: center;
    overflow: hidden;
    white-space: nowrap;
    cursor: pointer;
    border-left: 4px solid transparent;
  }
  [role='option'] > span {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [role='option']:hover {
    background: var(--wb-color-hover-surface, #f3f3f3);
  }
  [role='option'][aria-selected='true'] {
    background: var(--wb-line-picker-active-background, var(--wb-color-info-surface, #e8f0fe));
    border-left-color: var(--wb-color-primary, #0b57d0);
  }
  .option-label {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .current .option-label::after {
    content: ' ✓';
    color: var(--wb-color-primary, #0b57d0);
  }
  .option-detail {
    color: var(--wb-color-muted, #4a4a4a);
    font-size: 0.875rem;
  }
  @container (max-width: 30rem) {
    [role='option'] {
      height: var(--wb-line-picker-option-height, 4.75rem);
    }
    [role='option'] > .option-detail {
      white-space: normal;
      line-height: 1.25;
    }
  }
  .single {
    font-variant-numeric: tabular-nums;
  }
  @media (forced-colors: active) {
    [role='option'] {
      border-left-color: Canvas;
    }
    [role='option'][aria-selected='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
      border-left-color: Highlight;
    }
    [role='option'][aria-selected='true'] .option-detail,
    [role='option'][aria-selected='true'] .option-label::after {
      color: HighlightText;
    }
  }
  .no-match {
    padding: 0.75rem;
  }
  .message {
    color: var(--wb-color-danger, #b3261e);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .message:empty {
    display: none;
  }
`;
