/**
 * The breakdown prints as a statement, closed sections included: between
 * `beforeprint` and `afterprint` the host renders every row, open or closed
 * (what is open or closed on screen does not change).
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PrintController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #renderNow: () => void;
  #printing = false;

  /** `renderNow` updates the host at once (`performUpdate()`): the print layout follows `beforeprint`, not a microtask later. */
  constructor(host: ReactiveControllerHost, renderNow: () => void) {
    this.#host = host;
    this.#renderNow = renderNow;
    host.addController(this);
  }

  /** Whether the page is being printed. */
  get printing(): boolean {
    return this.#printing;
  }

  readonly #beforePrint = (): void => {
    this.#printing = true;
    this.#host.requestUpdate();
    this.#renderNow();
  };

  readonly #afterPrint = (): void => {
    this.#printing = false;
    this.#host.requestUpdate();
  };

  hostConnected(): void {
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
  }
}
