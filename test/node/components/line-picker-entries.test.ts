/** The line picker's options as positions: total, companies, lines; where the choice is among them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choicePosition, entryAt, entryCount, entryId, isChosen, type Entry } from '../../../components/line-picker/entries.js';
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

  it('marks the chosen option: a line (not its company), a company, or the total', () => {
    const line = { lineNumber: '0355550101', companyId: 'ntt-east', totalChosen: false };
    assert.equal(isChosen({ kind: 'line', at: 2 }, index, line), true);
    assert.equal(isChosen({ kind: 'company', at: 1 }, index, line), false);
    assert.equal(isChosen({ kind: 'company', at: 1 }, index, { companyId: 'ntt-east', totalChosen: false }), true);
    assert.equal(isChosen({ kind: 'total' }, index, { totalChosen: true }), true);
    assert.equal(isChosen({ kind: 'total' }, index, line), false);
  });
});
