/**
 * A bill of thousands of items must not wait for thousands of rows to be
 * styled and laid out before anything shows. So rows come in order, top
 * first: the first screenful (line headers and item rows) renders at once,
 * the rest in chunks in idle time (or the next frames); lines already shown
 * stay put, so focus and scroll position hold while later rows fill in. A
 * closed line renders no item rows at all. While printing, everything
 * renders at once.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../shared/idle.js';

/**
 * Rows (line headers and item rows) rendered at once when a breakdown arrives
 * or sections open: more than a 1280 × 800 screen holds, so the first paint is
 * complete, and a small bill (up to ~130 items) renders in one go.
 */
const FIRST_ROWS = 150;
/** Item rows added per later chunk (idle time or the next frames). */
const CHUNK_ROWS = 250;

/** A line as the budget counts it: its key (for whether it is open) and its item rows. */
export interface BudgetLine {
  key: string;
  items: readonly unknown[];
}

/** A line to render now: whether it is open, and whether its item rows render (open, within the budget, or printing). */
export interface PlannedLine<L> {
  line: L;
  open: boolean;
  rows: boolean;
}

export class RowBudgetController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** How many rows (line headers and item rows, from the top) may render now; grows chunk by chunk. */
  #limit = FIRST_ROWS;
  /** The breakdown last planned: a new one starts again from the first rows. */
  #planned?: object;
  /** Lines rendered so far, in order: they stay rendered (and focusable) while later rows fill in. */
  #shownLines = 0;
  /** Rows the last render used. */
  #usedRows = 0;
  /** Rows are still to come in later chunks. */
  #pending = false;
  #chunkScheduled = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Every section opened: the first screenful now, the rest in chunks; lines already shown stay. */
  restart(): void {
    this.#limit = FIRST_ROWS;
  }

  /** A section opened: what it holds renders at once (one screenful); further rows follow in chunks. */
  grow(): void {
    this.#limit = this.#usedRows + FIRST_ROWS;
  }

  /** No breakdown is rendered (loading, an error): no rows are to come. */
  stop(): void {
    this.#pending = false;
  }

  /**
   * The lines of each company to render now, in order, while the budget
   * lasts (a closed company's none, unless printing).
   */
  plan<L extends BudgetLine>(
    breakdown: object,
    companies: readonly { id: string; lines: readonly L[] }[],
    isOpen: (key: string) => boolean,
    printing: boolean,
  ): PlannedLine<L>[][] {
    if (breakdown !== this.#planned) {
      this.#planned = breakdown;
      this.#limit = FIRST_ROWS;
      this.#shownLines = 0;
    }
    let budget = printing ? Infinity : this.#limit;
    let lineIndex = 0;
    let pending = false;
    const plan = companies.map((company) => {
      const lines: PlannedLine<L>[] = [];
      if (!isOpen(company.id) && !printing) return lines;
      for (const line of company.lines) {
        // Lines come in order while the budget lasts; lines shown before stay.
        if (lineIndex >= this.#shownLines && budget <= 0) {
          pending = true;
          break;
        }
        lineIndex++;
        budget--;
        const open = isOpen(line.key);
        const rows = printing || (open && budget > 0);
        if (open && !rows) pending = true;
        if (rows) budget -= line.items.length;
        lines.push({ line, open, rows });
      }
      return lines;
    });
    if (!printing) {
      this.#shownLines = Math.max(this.#shownLines, lineIndex);
      this.#usedRows = this.#limit - budget;
      this.#pending = pending;
    }
    return plan;
  }

  /** After a render that left rows to come: the next chunk in idle time. */
  hostUpdated(): void {
    if (!this.#pending || this.#chunkScheduled) return;
    this.#chunkScheduled = true;
    whenIdle(() => {
      this.#chunkScheduled = false;
      if (!this.#pending) return;
      this.#limit = this.#usedRows + CHUNK_ROWS;
      this.#host.requestUpdate();
    });
  }

  /** Resolves once every open line has all its item rows in the DOM. */
  get allRendered(): Promise<void> {
    return (async () => {
      await this.#host.updateComplete;
      while (this.#pending) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await this.#host.updateComplete;
      }
    })();
  }
}
