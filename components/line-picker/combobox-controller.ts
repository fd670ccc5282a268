/**
 * The WAI-ARIA combobox pattern with a listbox popup, as the line picker
 * follows it: whether the list is open, and what keys, clicks and focus do.
 * ArrowDown and ArrowUp open the list (on the current choice) or move the
 * highlight; Alt+ArrowDown opens it with nothing highlighted, Alt+ArrowUp
 * and Escape close it and keep the text; PageUp and PageDown move by a page
 * in an open list; Home and End move to the ends while an option is
 * highlighted (else they move the caret in the text); Enter commits.
 *
 * The highlight and which options render are the {@link WindowController}'s
 * (`list`). The host renders, in its `renderRoot`, the input with role
 * `combobox`, the scrolling listbox with role `listbox` and its options with
 * `data-position`, and binds the handlers: `onKeyDown` and `onInputClick` on the input, `onToggle` on the
 * toggle button, `onOptionClick` on the listbox, `onFocusOut` on the wrapper.
 *
 * @module
 */
import type { ReactiveControllerHost } from 'lit';

/** The element that holds a {@link ComboboxController}: a `LitElement`. */
export type ComboboxHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
import { WindowController } from './window-controller.js';

export interface ComboboxOptions {
  /** How many options the list has now. */
  count: () => number;
  /** Whether there is a list to open (the options have arrived). */
  ready: () => boolean;
  /** Position of the current choice in the list, or -1: the list opens on it. */
  current: () => number;
  /** Enter: choose the highlighted option, else what was typed. */
  commit: () => void;
  /** An option was clicked. */
  choose: (position: number) => void;
}

export class ComboboxController {
  readonly #host: ComboboxHost;
  readonly #options: ComboboxOptions;
  #open = false;
  /** The listbox's windowing: which options render, the highlighted one, the scroll position. */
  readonly list: WindowController;

  constructor(host: ComboboxHost, options: ComboboxOptions) {
    this.#host = host;
    this.#options = options;
    this.list = new WindowController(host, { count: options.count, scroller: () => (this.#open ? this.#find('listbox') : null) });
  }

  #find(role: 'combobox' | 'listbox'): HTMLElement | null {
    return this.#host.renderRoot.querySelector(`[role="${role}"]`);
  }

  /** The list is showing. */
  get open(): boolean {
    return this.#open;
  }

  /** Whether an option is highlighted in the open list. */
  get highlighted(): boolean {
    return this.#open && this.list.active >= 0;
  }

  /** Opens the list; with `activate`, highlights the first, the last or the current option when none is. */
  show(activate?: 'first' | 'last' | 'current'): void {
    if (!this.#options.ready()) return;
    if (!this.#open) {
      this.#setOpen(true);
      this.list.restoreScroll();
    }
    const count = this.#options.count();
    if (activate && this.list.active < 0 && count > 0) {
      const current = activate === 'current' ? this.#options.current() : -1;
      this.list.setActive(current >= 0 ? current : activate === 'last' ? count - 1 : 0);
    }
  }

  /** Shows the list from its top with nothing highlighted (what it lists changed as the customer typed). */
  showFromTop(): void {
    this.list.reset();
    this.#setOpen(true);
  }

  close(): void {
    this.#setOpen(false);
    this.list.clearActive();
  }

  #setOpen(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#host.requestUpdate();
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const highlighted = this.highlighted;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!highlighted) this.show(event.altKey ? undefined : this.#open ? 'first' : 'current');
        else this.list.move(event.key);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) this.close();
        else if (!highlighted) this.show(this.#open ? 'last' : 'current');
        else this.list.move(event.key);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!this.#open) return;
        event.preventDefault();
        this.list.move(event.key);
        return;
      case 'Home':
      case 'End':
        // With no option highlighted, Home and End move the caret in the text as usual.
        if (!highlighted) return;
        event.preventDefault();
        this.list.move(event.key);
        return;
      case 'Enter':
        event.preventDefault();
        this.#options.commit();
        return;
      case 'Escape':
        if (this.#open) {
          event.preventDefault();
          this.close();
        }
        return;
    }
  };

  readonly onInputClick = (): void => {
    if (!this.#open) this.show('current');
  };

  readonly onToggle = (): void => {
    if (this.#open) this.close();
    else this.show('current');
    this.#find('combobox')?.focus();
  };

  readonly onOptionClick = (event: Event): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (option) this.#options.choose(Number(option.dataset.position));
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.#host.renderRoot.contains(next)) this.close();
  };
}
