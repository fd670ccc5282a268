import { initialState } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatLineNumber, normalizeNumber, type LinesResponse } from '../../src/core.js';
import { cssProps } from '../shared/css-props.js';
import { DataController } from '../shared/data-controller.js';
import { WbLineSelectedEvent } from '../shared/events.js';
import { LocalizeController, WbLocalizedElement } from '../shared/localize.js';
import { dataStyles, tokens } from '../shared/styles.js';
import { ComboboxController } from './combobox-controller.js';
import { choicePosition, entryAt, entryCount, entryId, entryText, isChosen, type Choice, type Entry } from './entries.js';
import { buildLineIndex, filterLines, queryDigits, type LineIndex, type LineMatches } from './line-index.js';
import { linePickerStyles } from './line-picker.styles.js';
import { linePickerMessages } from './messages.js';
import { TOTAL_LABEL } from './total-labels.js';

const TOTAL_LABELS = [TOTAL_LABEL.en, TOTAL_LABEL.ja];


/**
 * Chooses the line or communication company to view on a combined bill. The
 * pull-down of the user guide (§3 Reference of billing information,
 * "Switching the line to view") lists 50 lines and asks for direct entry
 * beyond; this one lists every line and company, plus "Total (all lines)",
 * and filters as you type: digits with or without dashes, full-width digits
 * too (`87`, `090-1111-0087`, `０９０１１１１００８７`), or a company name. A
 * full line number can be entered directly and confirmed with Enter or the
 * View button, even when it is not in the filtered list; an unknown number
 * gets a message next to the field.
 *
 * A bill of one line (with at most one company) has nothing to pick: the
 * element then states that line in one sentence (`Your line: 090-1234-5678 ·
 * NTT docomo · Mobile (eximo)`, part `single-line`), shows no field, and
 * fires nothing; the page can keep it in place for every customer.
 *
 * The drop-down spans the field and the View button; on a narrow screen its
 * options grow taller so that company and plan names wrap rather than being
 * cut.
 *
 * Follows the WAI-ARIA combobox pattern with a listbox popup: ArrowUp/Down,
 * Home/End, PageUp/PageDown move through the options, Enter chooses, Escape
 * closes and keeps the text; a polite status says how many lines match.
 *
 * The listbox is virtualised so that 10,000 lines stay smooth: only the
 * options in view (plus a few either side) exist in the DOM, absolutely
 * placed in a listbox as tall as the whole list, each with `aria-setsize` and
 * `aria-posinset` so that screen readers know the full count. Filtering is a
 * plain `includes` over digit strings computed once when the lines arrive.
 * Options are placed with `cssProps` (CSSOM from the first render), which a strict
 * `style-src` Content Security Policy allows.
 *
 * Loads `client.account.lines()` through the nearest `<wb-provider>`, unless
 * the `lines` property is set.
 *
 * @summary Line or company picker for combined bills: type-to-filter, keyboard, direct entry, 10,000 lines.
 * @tag wb-line-picker
 *
 * @fires wb-line-selected - A line (`lineNumber` and its `companyId`), a company (`companyId` only) or the total (neither) was chosen.
 *
 * @csspart base - The wrapper.
 * @csspart label - The field's label.
 * @csspart hint - The hint under the label.
 * @csspart combobox - The box holding the input and the toggle button.
 * @csspart input - The text input (role `combobox`).
 * @csspart toggle-button - The button that opens and closes the list.
 * @csspart view-button - The View button (chooses what was typed or highlighted).
 * @csspart popup - The drop-down under the input, as wide as the field and the View button.
 * @csspart listbox - The scrolling list (role `listbox`).
 * @csspart option - Each rendered option; also `option-active` (highlighted) and `option-current` (chosen).
 * @csspart option-label - The line number (with dashes), company name or "Total".
 * @csspart option-detail - The company and service of a line, or a count.
 * @csspart no-match - The text shown when nothing matches.
 * @csspart message - The message next to the field (e.g. an unknown number).
 * @csspart single-line - On a bill of one line, the sentence that names it (in place of the field).
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - "Try again" in the error state.
 *
 * @cssprop --wb-line-picker-list-height - Most height of the drop-down list (default `min(20rem, 60vh)`).
 * @cssprop --wb-line-picker-option-height - Height of each option (default `3.5rem`, `4.75rem` in a list narrower than 30rem, where details wrap); options all have this height.
 * @cssprop --wb-line-picker-active-background - The highlighted option (falls back to `--wb-color-info-surface`).
 * @cssprop --wb-line-picker-max-width - Width of the field (falls back to `--wb-form-max-width`, `34rem`).
 * @cssprop --wb-color-primary - Buttons, the highlighted option's edge.
 * @cssprop --wb-color-border - The input and the drop-down's border.
 * @cssprop --wb-color-danger - The message next to the field.
 * @cssprop --wb-color-muted - Hint and option details.
 * @cssprop --wb-color-surface - Backgrounds of the input and drop-down.
 */
export class WbLinePicker extends WbLocalizedElement {
  /** The kit's tokens, the data elements' shared states (loading, error, empty) and this element's own sheet. */
  static override styles = [tokens, dataStyles, linePickerStyles];

  /**
   * The lines and companies to offer (a `GET /account/lines` answer). When
   * set, they are used instead of loading through the provider.
   */
  @property({ attribute: false }) lines?: LinesResponse;

  /** The chosen line number, digits only (set with dashes or full-width digits, it is normalised), or empty. */
  @property({ attribute: 'line-number' }) lineNumber?: string;

  /** The chosen company's id when a company (not a line) is chosen, or the chosen line's company. */
  @property({ attribute: 'company-id' }) companyId?: string;

  /** What the customer typed since the last choice; `undefined`: the input shows the choice. */
  @state() private typed?: string;
  @state() private message = '';
  @state() private announcement = '';
  @state() private totalChosen = false;

  private readonly loader = new DataController(this);
  private readonly i18n = new LocalizeController(this, linePickerMessages);
  /** The combobox: the list open or closed, keys, clicks and focus; its `list` windows the options. */
  private readonly combobox = new ComboboxController(this, {
    count: () => this.count,
    ready: () => this.index !== undefined,
    current: () => choicePosition(this.index!, this.result, this.choice),
    commit: () => this.commit(),
    choose: (position) => this.choose(this.entryAt(position)),
  });

  private readonly linesTask = this.loader.task({
    task: async ([client, lines], { signal }) => {
      if (lines || !client) return initialState;
      return buildLineIndex(await client.account.lines({ signal }));
    },
    args: () => [this.loader.client, this.lines] as const,
  });

  /** Index of the `lines` property (the task's when loading). */
  private givenIndex?: LineIndex;
  /** The index `result` was computed from. */
  private matchedIndex?: LineIndex;
  private result: LineMatches = { total: false, companies: [], lines: [] };

  /** The index in use, once there is one. */
  private get index(): LineIndex | undefined {
    return this.lines ? this.givenIndex : this.linesTask.value;
  }

  private get count(): number {
    return entryCount(this.result);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('lines')) this.givenIndex = this.lines ? buildLineIndex(this.lines) : undefined;
    if (changed.has('lineNumber') && this.lineNumber) this.lineNumber = normalizeNumber(this.lineNumber);
    const index = this.index;
    if (index && index !== this.matchedIndex) {
      this.matchedIndex = index;
      this.result = this.filter(index, this.typed ?? '');
      this.combobox.list.reset();
    }
  }

  protected override render(): TemplateResult {
    const isEmpty = (index: LineIndex) => index.lines.length === 0 && index.companies.length === 0;
    const renderIndex = (index: LineIndex) => (index.lines.length === 1 && index.companies.length <= 1 ? this.renderSingle(index) : this.renderPicker(index));
    if (this.givenIndex) {
      return isEmpty(this.givenIndex)
        ? html`<p class="state" part="empty" role="status">${this.i18n.m.noLines}</p>`
        : renderIndex(this.givenIndex);
    }
    return this.loader.render(this.linesTask, renderIndex, { isEmpty, emptyText: this.i18n.m.noLines });
  }

  // ------------------------------------------------------------ entries

  /** Matches of `query`; "total" or "合計" finds the total option in either language. */
  private filter(index: LineIndex, query: string): LineMatches {
    return filterLines(index, query, TOTAL_LABELS);
  }

  private entryAt(position: number): Entry {
    return entryAt(this.result, position);
  }

  /** What is chosen now. */
  private get choice(): Choice {
    return { lineNumber: this.lineNumber, companyId: this.companyId, totalChosen: this.totalChosen };
  }

  /** What the input shows for the current choice. */
  private choiceLabel(index: LineIndex | undefined): string {
    if (this.lineNumber) return formatLineNumber(this.lineNumber);
    if (this.companyId) {
      const at = index?.companyById.get(this.companyId);
      return at === undefined ? this.companyId : index!.companies[at]!.name[this.i18n.locale];
    }
    return this.totalChosen ? this.i18n.m.total : '';
  }

  // ------------------------------------------------------------ rendering

  private renderPicker(index: LineIndex): TemplateResult {
    const m = this.i18n.m;
    const count = this.count;
    const active = this.combobox.list.active;
    const activeId = this.combobox.highlighted ? entryId(this.entryAt(active)) : undefined;
    const inputValue = this.typed ?? this.choiceLabel(index);
    const status = this.combobox.open ? m.matches(this.result.lines.length, this.result.companies.length, this.result.total) : this.announcement;
    return html`<div part="base" class="base" @focusout=${this.combobox.onFocusOut}>
      <label part="label" for="input">${m.label}</label>
      <p part="hint" id="hint" class="hint">${m.hint}</p>
      <div class="row">
        <div part="combobox" class="combobox">
          <input
            id="input"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${this.combobox.open && count > 0 ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${activeId ?? nothing}
            aria-describedby="hint message"
            aria-invalid=${this.message ? 'true' : 'false'}
            .value=${live(inputValue)}
            @input=${this.onInput}
            @keydown=${this.combobox.onKeyDown}
            @click=${this.combobox.onInputClick}
          />
          <button
            type="button"
            part="toggle-button"
            class="toggle"
            tabindex="-1"
            aria-label=${m.showList}
            aria-controls="listbox"
            aria-expanded=${this.combobox.open ? 'true' : 'false'}
            @mousedown=${preventDefault}
            @click=${this.combobox.onToggle}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" /></svg>
          </button>
        </div>
        <button type="button" part="view-button" class="primary" @click=${this.commit}>${m.view}</button>
        <div part="popup" class="popup" ?hidden=${!this.combobox.open}>
          <div
            id="listbox"
            part="listbox"
            role="listbox"
            class="scroller"
            aria-label=${m.listLabel}
            ?hidden=${count === 0}
            style=${cssProps({ '--_wb-scroll-height': `${this.combobox.list.height}px` })}
            @scroll=${this.combobox.list.onScroll}
            @mousedown=${preventDefault}
            @click=${this.combobox.onOptionClick}
          >
            ${this.combobox.open ? this.renderWindow(index, count) : nothing}
          </div>
          ${this.combobox.open && count === 0 ? html`<p part="no-match" class="no-match">${m.noMatch(this.typed ?? '')}</p>` : nothing}
        </div>
      </div>
      <p part="message" id="message" class="message" aria-live="polite">${this.message}</p>
      <div class="visually-hidden" role="status">${status}</div>
    </div>`;
  }

  /** A bill of one line has nothing to pick: the line, its company and service in one sentence. */
  private renderSingle(index: LineIndex): TemplateResult {
    const line = index.lines[0]!;
    const locale = this.i18n.locale;
    const company = index.companyById.get(line.companyId);
    const companyName = company === undefined ? '' : index.companies[company]!.name[locale];
    return html`<p part="single-line" class="single">${this.i18n.m.singleLine(formatLineNumber(line.lineNumber), companyName, line.service[locale])}</p>`;
  }

  /** The options in view, plus a few either side. */
  private renderWindow(index: LineIndex, count: number): TemplateResult[] {
    const { first, last } = this.combobox.list.range;
    const choice = this.choice;
    const out: TemplateResult[] = [];
    for (let p = first; p < last; p++) out.push(this.renderOption(index, p, count, choice));
    return out;
  }

  private renderOption(index: LineIndex, position: number, count: number, choice: Choice): TemplateResult {
    const entry = this.entryAt(position);
    const { label, detail } = entryText(entry, index, this.i18n.locale, this.i18n.m);
    const active = position === this.combobox.list.active;
    const current = isChosen(entry, index, choice);
    return html`<div
      role="option"
      id=${entryId(entry)}
      part="option${active ? ' option-active' : ''}${current ? ' option-current' : ''}"
      class=${current ? 'current' : ''}
      aria-selected=${active ? 'true' : 'false'}
      aria-setsize=${count}
      aria-posinset=${position + 1}
      data-position=${position}
      style=${cssProps({ transform: `translateY(${this.combobox.list.offset(position)}px)` })}
    >
      <span part="option-label" class="option-label">${label}</span>
      <span part="option-detail" class="option-detail">${detail}</span>
    </div>`;
  }

  // ------------------------------------------------------------ behaviour

  private readonly onInput = (event: Event): void => {
    const index = this.index;
    if (!index) return;
    this.typed = (event.target as HTMLInputElement).value;
    this.message = '';
    this.result = this.filter(index, this.typed);
    this.combobox.showFromTop();
  };

  /**
   * Chooses the highlighted option; else what was typed: a full line number
   * (found whether or not it is in the filtered list), or the only match.
   * Otherwise says what is wrong next to the field.
   */
  private readonly commit = (): void => {
    const index = this.index;
    if (!index) return;
    const m = this.i18n.m;
    if (this.combobox.highlighted) {
      this.choose(this.entryAt(this.combobox.list.active));
      return;
    }
    const typed = (this.typed ?? '').trim();
    if (!typed) {
      if (this.typed === undefined && (this.lineNumber || this.companyId || this.totalChosen)) this.fire();
      else this.combobox.show('first');
      return;
    }
    const digits = queryDigits(typed);
    if (digits !== undefined && digits.length >= 10) {
      const at = index.byNumber.get(digits);
      if (at === undefined) {
        this.message = m.unknownNumber(formatLineNumber(digits));
        this.combobox.close();
      } else {
        this.choose({ kind: 'line', at });
      }
      return;
    }
    const count = this.count;
    if (count === 1) {
      this.choose(this.entryAt(0));
    } else if (count === 0) {
      this.message = m.noMatch(typed);
    } else {
      this.message = m.chooseOne;
      this.combobox.show();
    }
  };

  private choose(entry: Entry): void {
    const index = this.index!;
    this.lineNumber = entry.kind === 'line' ? index.lines[entry.at]!.lineNumber : undefined;
    this.companyId =
      entry.kind === 'line' ? index.lines[entry.at]!.companyId : entry.kind === 'company' ? index.companies[entry.at]!.id : undefined;
    this.totalChosen = entry.kind === 'total';
    this.typed = undefined;
    this.message = '';
    this.result = this.filter(index, '');
    this.combobox.close();
    this.combobox.list.reset();
    this.fire();
  }

  private fire(): void {
    this.announcement = this.i18n.m.selected(this.choiceLabel(this.index));
    this.dispatchEvent(new WbLineSelectedEvent(this.lineNumber, this.companyId));
  }
}

function preventDefault(event: Event): void {
  event.preventDefault();
}
