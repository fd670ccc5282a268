/**
 * The picker's options as positions in one list: "Total (all lines)" when
 * it matches, then the matching companies, then the matching lines. Only
 * positions are kept (the list can hold 10,000 lines); an option is made
 * from its position when it is rendered or chosen.
 *
 * @module
 */
import { formatLineNumber } from '../../src/core.js';
import type { Locale, MessagesOf } from '../shared/localize.js';
import type { LineIndex, LineMatches } from './line-index.js';
import type { linePickerMessages } from './messages.js';

/** One option of the list: the total, a company (position in `companies`) or a line (position in `lines`). */
export type Entry = { kind: 'total' } | { kind: 'company'; at: number } | { kind: 'line'; at: number };

/** What is chosen: a line (with its company), a company, the total, or nothing. */
export interface Choice {
  lineNumber?: string;
  companyId?: string;
  totalChosen: boolean;
}

/** How many options the matches make. */
export function entryCount(matches: LineMatches): number {
  return (matches.total ? 1 : 0) + matches.companies.length + matches.lines.length;
}

/** The option at `position` of the matches. */
export function entryAt(matches: LineMatches, position: number): Entry {
  let p = position;
  if (matches.total) {
    if (p === 0) return { kind: 'total' };
    p -= 1;
  }
  if (p < matches.companies.length) return { kind: 'company', at: matches.companies[p]! };
  return { kind: 'line', at: matches.lines[p - matches.companies.length]! };
}

/** The option's element id (stable across filtering, for `aria-activedescendant`). */
export function entryId(entry: Entry): string {
  return entry.kind === 'total' ? 'option-total' : `option-${entry.kind}-${entry.at}`;
}

/** Position of the choice in the unfiltered list, or -1 (also when the list is filtered). */
export function choicePosition(index: LineIndex, matches: LineMatches, choice: Choice): number {
  // Only the unfiltered list (total, companies, lines in order) is searched; its lines are the index's own array.
  if (matches.lines !== index.allLines) return -1;
  const base = 1;
  if (choice.lineNumber) {
    const at = index.byNumber.get(choice.lineNumber);
    return at === undefined ? -1 : base + index.companies.length + at;
  }
  if (choice.companyId) {
    const at = index.companyById.get(choice.companyId);
    return at === undefined ? -1 : base + at;
  }
  return choice.totalChosen ? 0 : -1;
}

/** Whether the option is what is chosen. */
export function isChosen(entry: Entry, index: LineIndex, choice: Choice): boolean {
  if (entry.kind === 'total') return choice.totalChosen && !choice.lineNumber && !choice.companyId;
  if (entry.kind === 'company') return !choice.lineNumber && choice.companyId === index.companies[entry.at]!.id;
  return choice.lineNumber === index.lines[entry.at]!.lineNumber;
}

/** An option's two lines of text: the total, a company's name or a line's number, then a count or the line's company and service. */
export function entryText(
  entry: Entry,
  index: LineIndex,
  locale: Locale,
  m: Pick<MessagesOf<typeof linePickerMessages>, 'total' | 'totalDetail' | 'companyDetail'>,
): { label: string; detail: string } {
  if (entry.kind === 'total') return { label: m.total, detail: m.totalDetail(index.lines.length, index.companies.length) };
  if (entry.kind === 'company') return { label: index.companies[entry.at]!.name[locale], detail: m.companyDetail(index.companyLineCount[entry.at]!) };
  const line = index.lines[entry.at]!;
  const company = index.companyById.get(line.companyId);
  return {
    label: formatLineNumber(line.lineNumber),
    detail: `${company === undefined ? '' : `${index.companies[company]!.name[locale]} · `}${line.service[locale]}`,
  };
}

