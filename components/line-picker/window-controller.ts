/**
 * Windowing for a long list of rows of one height (the line picker's
 * listbox of up to 10,000 options): only the rows in view, plus a few either
 * side, are rendered, absolutely placed in a scroller as tall as the whole
 * list. The controller holds where the list is scrolled and which row is
 * active (highlighted), moves the active row with the listbox keys and keeps
 * it in view, and measures the real row and list heights when the list
 * shows (rem, zoom and partner styles change them).
 *
 * The host renders `range` (rows `first` to `last - 1`) at `offset(row)`,
 * sets the scroller's content height to `height`, and binds `onScroll` to the
 * scroller's `scroll` event.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered above and below the visible window, so a fast scroll or key repeat never shows a gap. */
const OVERSCAN = 6;
/** Used until the list first shows and is measured (a 3.5rem option, a 20rem list at 16 px). */
const DEFAULT_ROW_HEIGHT = 56;
const DEFAULT_VIEWPORT_HEIGHT = 320;

export interface WindowOptions {
  /** How many rows the list has now. */
  count: () => number;
  /** The scroll container while the list shows, else `null` (nothing is measured or scrolled then). */
  scroller: () => HTMLElement | null | undefined;
  /** Selects a rendered row in the scroller, to measure its height (default: an option). */
  row?: string;
}

export class WindowController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: WindowOptions;
  #rowHeight = DEFAULT_ROW_HEIGHT;
  #viewportHeight = DEFAULT_VIEWPORT_HEIGHT;
  #scrollTop = 0;
  #active = -1;
  /** `scrollTop` must be written to the scroller after the next render (keyboard moves, opening). */
  #scrollPending = false;
  /** Whether the scroller was there at the last update (it is measured when it shows). */
  #shown = false;

  constructor(host: ReactiveControllerHost, options: WindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Position of the active row, -1 for none. */
  get active(): number {
    return this.#active;
  }

  /** Where the list is scrolled to, in px. */
  get scrollTop(): number {
    return this.#scrollTop;
  }

  /** The rows to render: `first` to `last - 1`, those in view and `OVERSCAN` either side. */
  get range(): { first: number; last: number } {
    const row = this.#rowHeight;
    const first = Math.max(0, Math.floor(this.#scrollTop / row) - OVERSCAN);
    const last = Math.min(this.#options.count(), Math.ceil((this.#scrollTop + this.#viewportHeight) / row) + OVERSCAN);
    return { first, last };
  }

  /** The height of the whole list, in px. */
  get height(): number {
    return this.#options.count() * this.#rowHeight;
  }

  /** Where row `position` is placed, in px from the top of the list. */
  offset(position: number): number {
    return position * this.#rowHeight;
  }

  /** Rows that PageUp and PageDown move by: a list's height less one row, at least one. */
  get pageSize(): number {
    return Math.max(1, Math.floor(this.#viewportHeight / this.#rowHeight) - 1);
  }

  /** Activates row `position` (kept within the list) and scrolls it into view. */
  setActive(position: number): void {
    this.#active = Math.max(0, Math.min(this.#options.count() - 1, position));
    this.#reveal();
    this.#host.requestUpdate();
  }

  /** No row is active. */
  clearActive(): void {
    if (this.#active === -1) return;
    this.#active = -1;
    this.#host.requestUpdate();
  }

  /**
   * Moves the active row for a listbox key (ArrowUp/Down by one, PageUp/Down by
   * a page, from the first row when none is active; Home and End to the ends).
   * Returns whether `key` is one of those keys.
   */
  move(key: string): boolean {
    const from = this.#active;
    const page = key === 'PageDown' ? this.pageSize : key === 'PageUp' ? -this.pageSize : 0;
    if (page) this.setActive(Math.max(0, from) + page);
    else if (key === 'ArrowDown' || key === 'ArrowUp') this.setActive(from + (key === 'ArrowDown' ? 1 : -1));
    else if (key === 'Home' || key === 'End') this.setActive(key === 'Home' ? 0 : this.#options.count() - 1);
    else return false;
    return true;
  }

  /** Back to the top with no row active (the list's rows changed); a list that shows is scrolled there. */
  reset(): void {
    this.#active = -1;
    this.#scrollTop = 0;
    this.#scrollPending = true;
    this.#host.requestUpdate();
  }

  /** Writes the scroll position to the scroller after the next render (when the list opens). */
  restoreScroll(): void {
    this.#scrollPending = true;
  }

  /** Follows the scroller's `scroll` event: the rendered rows follow `scrollTop`. */
  readonly onScroll = (event: Event): void => {
    const top = (event.currentTarget as HTMLElement).scrollTop;
    if (top === this.#scrollTop) return;
    this.#scrollTop = top;
    this.#host.requestUpdate();
  };

  hostUpdated(): void {
    const scroller = this.#options.scroller();
    const opened = Boolean(scroller) && !this.#shown;
    this.#shown = Boolean(scroller);
    if (!scroller) return;
    if (opened) this.#measure(scroller);
    if (this.#scrollPending) {
      this.#scrollPending = false;
      scroller.scrollTop = this.#scrollTop;
    }
  }

  #reveal(): void {
    const top = this.#active * this.#rowHeight;
    const bottom = top + this.#rowHeight;
    if (top < this.#scrollTop) this.#scrollTop = top;
    else if (bottom > this.#scrollTop + this.#viewportHeight) this.#scrollTop = bottom - this.#viewportHeight;
    else return;
    this.#scrollPending = true;
  }

  /** Reads the real row and list heights. */
  #measure(scroller: HTMLElement): void {
    const row = scroller.querySelector<HTMLElement>(this.#options.row ?? '[role="option"]');
    const rowHeight = row?.getBoundingClientRect().height;
    const maxHeight = parseFloat(getComputedStyle(scroller).maxHeight);
    const viewportHeight = Number.isFinite(maxHeight) ? maxHeight : scroller.clientHeight;
    let changed = false;
    if (rowHeight && Math.abs(rowHeight - this.#rowHeight) > 0.1) {
      this.#rowHeight = rowHeight;
      changed = true;
    }
    if (viewportHeight && Math.abs(viewportHeight - this.#viewportHeight) > 0.1) {
      this.#viewportHeight = viewportHeight;
      changed = true;
    }
    if (changed) {
      if (this.#active >= 0) this.#reveal();
      this.#scrollPending = true;
      this.#host.requestUpdate();
    }
  }
}
