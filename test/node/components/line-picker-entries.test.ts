/** The line picker's options as positions: total, companies, lines; the choice; what typed text chooses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choiceOf, choicePosition, entryAt, entryCount, entryId, isChosen, resolveTyped, type Entry } from '../../../components/line-picker/entries.js';
import { buildLineIndex, filterLines } from '../../../components/line-picker/line-index.js';

const name = (ja: string, en: string) => ({ ja, en });
const index = buildLineIndex({
  companies: [
    { id: 'docomo', name: name('NTTドコモ', 'NTT docomo') },
    { id: 'ntt-east', name: name('NTT東日本', 'NTT East') },
  ],
  lines: [
    { lineNumber: '09011110001', companyId: 'docomo', service: name('携帯電話', 'Mobile') },
    { lineNumber: '09011110002', companyId: 'docomo', service: name('携帯電話', 'Mobile') },
    { lineNumber: '0355550101', companyId: 'ntt-east', service: name('加入電話', 'Subscriber line') },
  ],
} as Parameters<typeof buildLineIndex>[0]);
const all = filterLines(index, '');

describe('line picker entries', () => {
  it('lists the total, then the companies, then the lines', () => {
    assert.equal(entryCount(all), 6);
    const entries: Entry[] = [0, 1, 2, 3, 4, 5].map((p) => entryAt(all, p));
    assert.deepEqual(entries, [
      { kind: 'total' },
      { kind: 'company', at: 0 },
      { kind: 'company', at: 1 },
      { kind: 'line', at: 0 },
      { kind: 'line', at: 1 },
      { kind: 'line', at: 2 },
    ]);
    assert.deepEqual(entries.map(entryId), ['option-total', 'option-company-0', 'option-company-1', 'option-line-0', 'option-line-1', 'option-line-2']);
  });

  it('finds the choice in the unfiltered list only', () => {
    assert.equal(choicePosition(index, all, { lineNumber: '09011110002', companyId: 'docomo', totalChosen: false }), 4);
    assert.equal(choicePosition(index, all, { companyId: 'ntt-east', totalChosen: false }), 2);
    assert.equal(choicePosition(index, all, { totalChosen: true }), 0);
    assert.equal(choicePosition(index, all, { totalChosen: false }), -1);
    assert.equal(choicePosition(index, filterLines(index, '0002'), { lineNumber: '09011110002', totalChosen: false }), -1);
  });

  it('chooses a line with its company, a company alone, or the total', () => {
    const line = choiceOf({ kind: 'line', at: 2 }, index);
    assert.deepEqual(line, { lineNumber: '0355550101', companyId: 'ntt-east', totalChosen: false });
    assert.deepEqual(choiceOf({ kind: 'company', at: 0 }, index), { companyId: 'docomo', totalChosen: false });
    assert.deepEqual(choiceOf({ kind: 'total' }, index), { companyId: undefined, totalChosen: true });
    assert.equal(isChosen({ kind: 'line', at: 2 }, index, line), true);
    assert.equal(isChosen({ kind: 'company', at: 1 }, index, line), false, 'a line is chosen, not its company');
    assert.equal(isChosen({ kind: 'total' }, index, { totalChosen: true }), true);
  });

  for (const [typed, expected] of [
    ['090-1111-0002', { entry: { kind: 'line', at: 1 } }],
    ['０９０１１１１０００１', { entry: { kind: 'line', at: 0 } }],
    ['09099990000', { unknownNumber: '09099990000' }],
    ['0101', { entry: { kind: 'line', at: 2 } }],
    ['0901111', { matches: 'several' }],
    ['7777', { matches: 0 }],
  ] as const) {
    it(`resolves typed "${typed}" to ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(resolveTyped(typed, index, filterLines(index, typed)), expected);
    });
  }
});
