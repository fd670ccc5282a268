// The credential rules in src/contract agree with an independent reference
// predicate on generated strings, including non-ASCII, full-width letters and
// digits, and control characters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_CREDENTIAL_POLICY as POLICY,
  addMonths,
  allPass,
  checkCredential,
  historyWindow,
  isInitialCredential,
  monthOf,
  monthsBetween,
  normalizeNumber,
  type CredentialPolicy,
} from '../../../src/contract/index.js';

/** The user guide's rules (user guide, §1 Initial login; docs/spec/user-guide.md), written from its text with char codes only (no regexes shared with src). */
function reference(kind: 'loginId' | 'password', value: string, other?: string): boolean {
  const [min, max] = kind === 'loginId' ? [5, 31] : [8, 32];
  const chars = Array.from(value);
  if (chars.length < min || chars.length > max) return false;
  let letters = 0;
  let digits = 0;
  for (const ch of chars) {
    const c = ch.codePointAt(0)!;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c >= 48 && c <= 57) digits++;
    else if (!'!#$%&()*+-./:;=?@[]_'.includes(ch) || ch.length !== 1) return false;
  }
  if (letters === 0 || digits === 0) return false;
  return other === undefined || other !== value;
}

const ALLOWED = 'abcXYZ019!#$%&()*+-./:;=?@[]_'.split('');
const TRICKY = [
  'ａ', 'Ｚ', '０', '９', // full-width letters and digits
  'é', 'ß', 'あ', '漢', '😀', // non-ASCII
  '\u0000', '\u0007', '\n', '\t', '\u007f', '\u200b', // controls and zero-width
  ' ', '"', "'", '<', '>', '\\', '`', '~', '^', '{', '|', '}', ',', // symbols outside the 20
];
const credentialChar = fc.constantFrom(...ALLOWED, ...TRICKY);
const credential = fc.array(credentialChar, { minLength: 0, maxLength: 40 }).map((a) => a.join(''));

describe('credential rules', () => {
  it('agree with the reference predicate for login IDs', () => {
    fc.assert(
      fc.property(credential, (value) => allPass(checkCredential('loginId', value, POLICY)) === reference('loginId', value)),
      { numRuns: 5_000 },
    );
  });

  it('agree with the reference predicate for passwords, including ID ≠ password', () => {
    fc.assert(
      fc.property(credential, fc.option(credential, { nil: undefined }), (value, other) =>
        allPass(checkCredential('password', value, POLICY, other)) === reference('password', value, other),
      ),
      { numRuns: 5_000 },
    );
  });

  it('agree on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) =>
        allPass(checkCredential('loginId', value, POLICY)) === reference('loginId', value),
      ),
      { numRuns: 5_000 },
    );
  });

  const bounds: Array<[kind: 'loginId' | 'password', length: number, ok: boolean]> = [
    ['loginId', 4, false], ['loginId', 5, true], ['loginId', 31, true], ['loginId', 32, false],
    ['password', 7, false], ['password', 8, true], ['password', 32, true], ['password', 33, false],
  ];
  for (const [kind, length, ok] of bounds) {
    it(`${ok ? 'accepts' : 'refuses'} a ${kind} of ${length} characters`, () => {
      const value = ('a1'.repeat(20)).slice(0, length);
      const checks = checkCredential(kind, value, POLICY);
      assert.equal(checks.find((c) => c.rule === 'length')?.ok, ok);
    });
  }

  it('requires letters and digits both', () => {
    assert.equal(allPass(checkCredential('password', 'abcdefgh', POLICY)), false);
    assert.equal(allPass(checkCredential('password', '12345678', POLICY)), false);
    assert.equal(allPass(checkCredential('password', 'abcd1234', POLICY)), true);
  });

  it('reports a matching confirmation and a login ID equal to the password', () => {
    const checks = checkCredential('password', 'abcd1234', POLICY, 'abcd1234', 'abcd1235');
    assert.deepEqual(
      checks.map((c) => [c.rule, c.ok]),
      [['length', true], ['letterAndDigit', true], ['charset', true], ['differs', false], ['matches', false]],
    );
  });

  it('follows a NIST-style published policy without composition rules', () => {
    const nist: CredentialPolicy = {
      ...POLICY,
      password: { minLength: 15, maxLength: 64, requireLetterAndDigit: false, charset: 'unicode' },
    };
    assert.equal(allPass(checkCredential('password', 'correct horse battery staple', nist)), true);
    assert.equal(allPass(checkCredential('password', 'パスワードはとても長い文章です', nist)), true);
    assert.equal(allPass(checkCredential('password', 'short', nist)), false);
    assert.equal(allPass(checkCredential('password', 'has a\u0000control char!', nist)), false);
  });
});

describe('postcard credentials', () => {
  it('are exactly 7 and 8 ASCII alphanumerics', () => {
    assert.equal(isInitialCredential('HK7Q2MX', 7), true);
    assert.equal(isInitialCredential('HK7Q2M', 7), false);
    assert.equal(isInitialCredential('HK7Q2M!', 7), false);
    assert.equal(isInitialCredential('ＨK7Q2MX', 7), false);
    assert.equal(isInitialCredential('t8Rw3nPa', 8), true);
  });
});

describe('registered numbers', () => {
  it('lose dashes and spaces and get ASCII digits', () => {
    assert.equal(normalizeNumber('090-1234-5678'), '09012345678');
    assert.equal(normalizeNumber('０９０－１２３４－５６７８'), '09012345678');
    assert.equal(normalizeNumber(' 001 234 5678 '), '0012345678');
    assert.equal(normalizeNumber('090ー1234―5678'), '09012345678');
  });

  it('keep every digit of any input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '5', '9', '-', ' ', '－', '５'), { maxLength: 20 }), (parts) => {
        const input = parts.join('');
        const digits = [...input].filter((c) => /[0-9０-９]/.test(c)).length;
        return normalizeNumber(input).length === digits && /^[0-9]*$/.test(normalizeNumber(input));
      }),
    );
  });
});

describe('months', () => {
  it('are counted in Japan time', () => {
    assert.equal(monthOf(new Date('2026-11-30T15:00:00Z')), '2026-12');
    assert.equal(monthOf(new Date('2026-11-30T14:59:59Z')), '2026-11');
  });

  it('step across years', () => {
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.equal(addMonths('2025-12', 1), '2026-01');
    assert.equal(monthsBetween('2025-09', '2026-11'), 14);
  });

  it('make a 15-month history window, newest first', () => {
    const window = historyWindow('2026-11');
    assert.equal(window.length, 15);
    assert.equal(window[0], '2026-11');
    assert.equal(window[14], '2025-09');
  });

  it('round-trip addMonths and monthsBetween', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -500, max: 500 }), (y, m, d) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        return monthsBetween(month, addMonths(month, d)) === d;
      }),
    );
  });
});
