/**
 * The picker's search index: built once when the lines arrive, then every
 * keystroke is a plain `includes` over precomputed strings, with no
 * allocation but the result array.
 *
 * @module
 */
import { normalizeNumber, type Company, type Line, type LinesResponse } from '../../src/core.js';

const ONLY_DIGITS = /^\d+$/;

/** The lines and companies of an account, with what filtering needs precomputed. */
export interface LineIndex {
  readonly companies: readonly Company[];
  readonly lines: readonly Line[];
  /** Per line: its number as digits only (what a typed query is compared with). */
  readonly digits: readonly string[];
  /** Per line: its company's names and its service, ja and en, lower-cased (for a query with letters); built on the first such query. */
  text?: readonly string[];
  /** Per company: its names, ja and en, lower-cased. */
  readonly companyText: readonly string[];
  /** Per company: how many lines it has. */
  readonly companyLineCount: readonly number[];
  /** Line position by number, for direct entry of a full number. */
  readonly byNumber: ReadonlyMap<string, number>;
  /** Company position by id. */
  readonly companyById: ReadonlyMap<string, number>;
  /** Every line position, in order: what an empty query matches (shared, never mutated). */
  readonly allLines: readonly number[];
}

/** What a query matched: positions in `companies` and `lines`, and whether the total option shows. */
export interface LineMatches {
  total: boolean;
  companies: readonly number[];
  lines: readonly number[];
}

/** Builds the index of a `GET /account/lines` answer (O(lines), once per load). */
export function buildLineIndex(response: LinesResponse): LineIndex {
  const { companies, lines } = response;
  const companyById = new Map(companies.map((c, i) => [c.id, i] as const));
  const companyText = companies.map((c) => `${c.name.ja} ${c.name.en}`.toLowerCase());
  const companyLineCount = companies.map(() => 0);
  const digits: string[] = new Array(lines.length);
  const byNumber = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const c = companyById.get(line.companyId);
    // The contract sends digits only; normalise anyway for a backend that sends dashes.
    const number = ONLY_DIGITS.test(line.lineNumber) ? line.lineNumber : normalizeNumber(line.lineNumber);
    digits[i] = number;
    if (c !== undefined) companyLineCount[c]!++;
    byNumber.set(number, i);
  }
  const allLines = new Array<number>(lines.length);
  for (let i = 0; i < lines.length; i++) allLines[i] = i;
  return { companies, lines, digits, companyText, companyLineCount, byNumber, companyById, allLines };
}

/** Per line, its company's names and its service, lower-cased. */
function lineText(index: LineIndex): readonly string[] {
  if (index.text) return index.text;
  const text = index.lines.map((line) => {
    const c = index.companyById.get(line.companyId);
    return `${c === undefined ? '' : index.companyText[c]} ${line.service.ja} ${line.service.en}`.toLowerCase();
  });
  index.text = text;
  return text;
}

/** The digits of a query if it is a (partial) number: full-width digits, dashes and spaces allowed; else `undefined`. */
export function queryDigits(query: string): string | undefined {
  const digits = normalizeNumber(query);
  return ONLY_DIGITS.test(digits) ? digits : undefined;
}

/**
 * Filters the index by what was typed. An empty query matches everything (and
 * shows the total); digits match line numbers anywhere (`87` finds
 * `090-1111-0087`); other text matches company names and services, and the
 * total when `totalLabels` (its names, e.g. `['total (all lines)', '合計（全回線）']`) contain it.
 */
export function filterLines(index: LineIndex, query: string, totalLabels: readonly string[] = []): LineMatches {
  const trimmed = query.trim();
  if (!trimmed) {
    return { total: true, companies: index.companies.map((_, i) => i), lines: index.allLines };
  }
  const digits = queryDigits(trimmed);
  const companies: number[] = [];
  const lines: number[] = [];
  if (digits !== undefined) {
    const all = index.digits;
    for (let i = 0; i < all.length; i++) if (all[i]!.includes(digits)) lines.push(i);
    return { total: false, companies, lines };
  }
  const needle = trimmed.toLowerCase();
  const total = totalLabels.some((label) => label.toLowerCase().includes(needle));
  for (let i = 0; i < index.companyText.length; i++) if (index.companyText[i]!.includes(needle)) companies.push(i);
  const all = lineText(index);
  for (let i = 0; i < all.length; i++) if (all[i]!.includes(needle)) lines.push(i);
  return { total, companies, lines };
}
