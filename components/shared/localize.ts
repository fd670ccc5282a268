/**
 * Localisation that follows the nearest `lang` attribute of each element
 * (crossing shadow roots), as the partner's page sets it, and re-renders
 * when any `lang` on the page changes. Catalogs are typed: the Japanese
 * catalog must have every key of the English one.
 *
 * Each catalog is one module per locale (`messages.en.ts`,
 * `messages.ja.ts`), loaded with `import()` when an element first needs it
 * and kept for the page: a Japanese page does not ship the English strings.
 * An element waits for its catalogs before it renders
 * ({@link WbLocalizedElement}), so it never shows English on a Japanese page
 * while the Japanese messages load.
 *
 * Why not @lit/localize: its runtime locale is one per page, set with
 * `setLocale()`; a partner page that shows one element in English beside
 * Japanese content (`<section lang="en">`) needs the locale per element.
 * This controller (after Shoelace's) is ~1 kB and needs no build step.
 *
 * @module
 */
import { LitElement, type PropertyValues, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Locales the kit ships. */
export type Locale = 'ja' | 'en';

/** A message: text, or a function of its parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameters differ per message
export type Message = string | ((...args: any[]) => string);
/** A catalog's shape: message keys to messages. */
export type MessageShape = { [key: string]: Message };

/** A locale's catalog module, as `import()` gives it: the messages are its default export. */
export interface CatalogModule<T> {
  /** The messages. */
  default: T;
}

/**
 * A catalog: one module per locale, each loaded with `import()` on first use
 * and kept for the page, so a Japanese page never fetches the English
 * messages (and the other way round).
 */
export interface Catalog<T> {
  /** The messages in `locale`, once loaded. */
  loaded(locale: Locale): T | undefined;
  /** Loads the messages in `locale`; each locale's module is fetched once per page. */
  load(locale: Locale): Promise<T>;
}

/** The messages of a catalog, in one locale. */
export type MessagesOf<C> = C extends Catalog<infer T> ? T : never;

/** A catalog's messages with literal types widened: `'Log in'` → `string`, `() => 'a' | 'b'` → `() => string`. */
export type Widened<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K];
};

/**
 * Declares a typed catalog from one loader per locale; the Japanese module
 * must match the English one key for key (each `messages.ja.ts` also says so
 * itself, with `satisfies Widened<typeof en>`).
 *
 * @example
 * ```ts
 * export const loginMessages = defineMessages({ en: () => import('./messages.en.js'), ja: () => import('./messages.ja.js') });
 * ```
 */
export function defineMessages<T>(loaders: {
  en: () => Promise<CatalogModule<T>>;
  ja: () => Promise<CatalogModule<NoInfer<Widened<T>>>>;
}): Catalog<Widened<T>> {
  const messages: Partial<Record<Locale, Widened<T>>> = {};
  const loads: Partial<Record<Locale, Promise<Widened<T>>>> = {};
  return {
    loaded: (locale) => messages[locale],
    load: (locale) =>
      (loads[locale] ??= loaders[locale]().then(
        (module) => (messages[locale] = module.default as Widened<T>),
        (error: unknown) => {
          delete loads[locale]; // a chunk that failed to load may load next time
          throw error;
        },
      )),
  };
}

/**
 * `n` followed by the noun in the singular for 1 and the plural otherwise, for
 * counts in English copy ("1 line", "2 lines"; Japanese needs none of this:
 * `1回線`, `2回線`). `shown` is how the number is written (default: with
 * thousands separators). The English catalogs import it from here, a module
 * every element has already loaded, so a catalog is one request, not two.
 *
 * @example
 * ```ts
 * countOf(1, 'line') // '1 line'
 * countOf(1200, 'company', 'companies') // '1,200 companies'
 * ```
 */
export function countOf(n: number, one: string, many = `${one}s`, shown = n.toLocaleString('en')): string {
  return `${shown} ${n === 1 ? one : many}`;
}

/** "the past 4 months", or "the past month" for 1. */
export function pastMonths(n: number): string {
  return n === 1 ? 'the past month' : `the past ${countOf(n, 'month')}`;
}

/**
 * One locale's catalog made of two modules loaded side by side: messages
 * shared by several elements, and the element's own (which win where both
 * have a key). A catalog module that imported the shared one itself would be
 * two requests in a row instead: the shared module is found only once the
 * element's arrives.
 *
 * @example
 * ```ts
 * defineMessages({
 *   en: () => mergedCatalog(import('../shared/email-registration-messages.en.js'), import('./messages.en.js')),
 *   ja: () => mergedCatalog(import('../shared/email-registration-messages.ja.js'), import('./messages.ja.js')),
 * });
 * ```
 */
export async function mergedCatalog<S extends object, O extends object>(
  shared: Promise<CatalogModule<S>>,
  own: Promise<CatalogModule<O>>,
): Promise<CatalogModule<Omit<S, keyof O> & O>> {
  const [sharedModule, ownModule] = await Promise.all([shared, own]);
  return { default: { ...sharedModule.default, ...ownModule.default } };
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

const connected = new Set<LocalizeController<unknown>>();
/** The controllers of each host, whose loads the host's updates wait for. */
const controllersOf = new WeakMap<object, Set<LocalizeController<unknown>>>();
let observer: MutationObserver | undefined;

function watchLangChanges(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The catalog loads a host's next render waits for, or `undefined` when its messages are all there. */
function catalogsLoading(host: object): Promise<unknown> | undefined {
  const loads = [...(controllersOf.get(host) ?? [])].map((controller) => controller.loading).filter((load) => load !== undefined);
  return loads.length ? Promise.all(loads) : undefined;
}

/** Whether every controller of a host has its messages (none failed to load). */
function hasMessages(host: object): boolean {
  return [...(controllersOf.get(host) ?? [])].every((controller) => controller.hasMessages);
}

/**
 * Gives an element its messages in the locale of its nearest `lang`, and
 * locale-correct yen and dates. The host extends {@link WbLocalizedElement},
 * which holds its renders until the catalog of its locale is loaded.
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
  /** The locale the nearest `lang` asks for. */
  #wanted: Locale = 'en';
  /** The locale of the messages in use, once a catalog is loaded. */
  #locale: Locale | undefined;
  #messages: T | undefined;
  #loading: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, catalog: Catalog<T>) {
    this.#host = host;
    this.#catalog = catalog;
    const controllers = controllersOf.get(host) ?? new Set();
    controllers.add(this as LocalizeController<unknown>);
    controllersOf.set(host, controllers);
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this as LocalizeController<unknown>);
    watchLangChanges();
    this.#want(localeOf(nearestLang(this.#host)));
  }

  hostDisconnected(): void {
    connected.delete(this as LocalizeController<unknown>);
  }

  /** Re-reads the nearest `lang`; when the locale changed, loads its catalog and re-renders the host. */
  refresh(): void {
    this.#want(localeOf(nearestLang(this.#host)));
  }

  #want(locale: Locale): void {
    this.#wanted = locale;
    if (locale === this.#locale) {
      this.#loading = undefined;
      return;
    }
    const messages = this.#catalog.loaded(locale);
    if (messages) {
      this.#use(locale, messages);
      return;
    }
    const loading: Promise<void> = this.#catalog.load(locale).then(
      (loaded) => {
        if (this.#loading === loading) this.#loading = undefined;
        if (this.#wanted === locale) this.#use(locale, loaded);
      },
      (error: unknown) => {
        if (this.#loading === loading) this.#loading = undefined;
        reportError(error);
      },
    );
    this.#loading = loading;
    // Asks for the render now, so that `updateComplete` covers the load; the host waits for it.
    this.#host.requestUpdate();
  }

  #use(locale: Locale, messages: T): void {
    this.#locale = locale;
    this.#messages = messages;
    this.#host.requestUpdate();
  }

  /** The load of the catalog the host's next render waits for, if one is under way. */
  get loading(): Promise<void> | undefined {
    return this.#loading;
  }

  /** Whether the messages of a locale are there (false until the first catalog is loaded, or when it failed to load). */
  get hasMessages(): boolean {
    return this.#messages !== undefined;
  }

  /** The locale of the messages in use (until the first catalog is loaded, the one it loads). */
  get locale(): Locale {
    return this.#locale ?? this.#wanted;
  }

  /** The messages in the current locale; there once the host renders. */
  get m(): T {
    if (this.#messages === undefined) {
      throw new Error(`<${this.#host.localName}> read its messages before their catalog loaded (a WbLocalizedElement renders only once they are there)`);
    }
    return this.#messages;
  }

  /** An amount of yen, as the locale writes it (`¥12,345` / `￥12,345`). */
  yen(amount: number): string {
    const locale = this.locale === 'ja' ? 'ja-JP' : 'en-JP';
    return formatter(`yen ${locale}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'JPY' })).format(amount);
  }

  /** A date (`YYYY-MM-DD` or ISO instant), in Japan time, as the locale writes it. */
  date(value: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
    const locale = this.locale === 'ja' ? 'ja-JP' : 'en-GB';
    return formatter(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Tokyo', ...options })).format(date);
  }
}

/** The formatters made so far, by locale and options: made once, as each costs far more to make than to use. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/**
 * Base of the kit's elements that use {@link LocalizeController}: each
 * update waits for the catalogs its controllers are loading, so the element
 * never renders without its messages, nor in English on a Japanese page
 * while the Japanese messages load. `updateComplete` resolves after that
 * render. Once a locale's catalog is loaded, updates are as prompt as
 * `LitElement`'s. A catalog that fails to load is reported (`reportError`)
 * and leaves the element unrendered until a catalog loads: on the next
 * `lang` change, or when it is connected again.
 */
export abstract class WbLocalizedElement extends LitElement {
  /** Waits for the catalogs being loaded, if any, then updates. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = catalogsLoading(this);
    return loading ? this.#updateAfter(loading) : super.scheduleUpdate();
  }

  /** Renders only with the messages of every controller there. */
  protected override shouldUpdate(changedProperties: PropertyValues): boolean {
    return super.shouldUpdate(changedProperties) && hasMessages(this);
  }

  async #updateAfter(loading: Promise<unknown>): Promise<unknown> {
    // Another `lang` change may start another load while this one runs.
    for (let next: Promise<unknown> | undefined = loading; next; next = catalogsLoading(this)) await next;
    return super.scheduleUpdate();
  }
}
