/**
 * Localisation that follows the nearest `lang` attribute of each element
 * (crossing shadow roots), as the partner's page sets it, and re-renders
 * when any `lang` on the page changes. Catalogs are typed: the Japanese
 * catalog must have every key of the English one.
 *
 * Why not @lit/localize: its runtime locale is one per page, set with
 * `setLocale()`; a partner page that shows one element in English beside
 * Japanese content (`<section lang="en">`) needs the locale per element.
 * This controller (after Shoelace's) is ~1 kB and needs no build step.
 *
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Locales the kit ships. */
export type Locale = 'ja' | 'en';

/** A message: text, or a function of its parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameters differ per message
export type Message = string | ((...args: any[]) => string);
/** A catalog's shape: message keys to messages. */
export type MessageShape = { [key: string]: Message };
/** English and Japanese catalogs of the same shape. */
export interface Catalog<T> {
  en: T;
  ja: T;
}

/** A catalog's messages with literal types widened: `'Log in'` → `string`, `() => 'a' | 'b'` → `() => string`. */
export type Widened<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K];
};

/** Declares a typed catalog; the Japanese side must match the English one key for key. */
export function defineMessages<T>(catalog: { en: T; ja: NoInfer<Widened<T>> }): Catalog<Widened<T>> {
  return catalog as Catalog<Widened<T>>;
}

/** The locale for a `lang` value: Japanese for `ja*`, English otherwise. */
export function localeOf(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The nearest `lang` of an element, looking through shadow roots to their hosts. */
export function nearestLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || navigator.language;
}

const connected = new Set<LocalizeController<MessageShape>>();
let observer: MutationObserver | undefined;

function watchLangChanges(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Gives an element its messages in the locale of its nearest `lang`, and
 * locale-correct yen and dates.
 *
 * @example
 * ```ts
 * private readonly i18n = new LocalizeController(this, messages);
 * render() { return html`<h2>${this.i18n.m.title}</h2>`; }
 * ```
 */
export class LocalizeController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #catalog: Catalog<T>;
  #locale: Locale = 'en';

  constructor(host: ReactiveControllerHost & HTMLElement, catalog: Catalog<T>) {
    this.#host = host;
    this.#catalog = catalog;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this as unknown as LocalizeController<MessageShape>);
    watchLangChanges();
    this.#locale = localeOf(nearestLang(this.#host));
  }

  hostDisconnected(): void {
    connected.delete(this as unknown as LocalizeController<MessageShape>);
  }

  /** Re-reads the nearest `lang`; re-renders the host if the locale changed. */
  refresh(): void {
    const locale = localeOf(nearestLang(this.#host));
    if (locale !== this.#locale) {
      this.#locale = locale;
      this.#host.requestUpdate();
    }
  }

  /** The current locale. */
  get locale(): Locale {
    return this.#locale;
  }

  /** The messages in the current locale. */
  get m(): T {
    return this.#catalog[this.#locale];
  }

  /** An amount of yen, as the locale writes it (`¥12,345` / `￥12,345`). */
  yen(amount: number): string {
    return new Intl.NumberFormat(this.#locale === 'ja' ? 'ja-JP' : 'en-JP', { style: 'currency', currency: 'JPY' }).format(amount);
  }

  /** A date (`YYYY-MM-DD` or ISO instant), in Japan time, as the locale writes it. */
  date(value: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
    return new Intl.DateTimeFormat(this.#locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', ...options }).format(date);
  }
}
