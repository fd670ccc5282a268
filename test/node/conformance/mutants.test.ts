// The conformance suite against injected defects (test/mutants/): a proxy in
// front of a fresh reference backend applies one defect at a time. The clean
// proxy must pass every case; each defect of the catalogue must fail at least
// one case. EXPECTED_CAUGHT is the whole catalogue but for EXPECTED_SURVIVORS,
// each of which says why no black-box case can tell it from a harmless setup:
// any other defect the suite misses is a blind spot to close with a new case.
// A proxy making only harmless changes must pass every case too. Cookie-session
// defects and variations run against a cookie-mode backend, with a clean
// cookie-mode proxy as their baseline.
// `npm run conformance:mutants` runs the same and prints the kill table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFECTS, EXPECTED_SURVIVORS } from '../../mutants/defects.js';
import { allHarmless } from '../../mutants/harmless.js';
import { PROBES } from '../../mutants/probes.js';
import { probeDefects, runBaselines, runMutant, runMutants, type MutantResult } from '../../mutants/run.js';

/** Every defect the suite is expected to catch: all of them. */
const EXPECTED_CAUGHT: readonly string[] = [
  'lock-never-engages',
  'lock-early-by-one',
  'lock-late-by-one',
  'lock-known-ids-only',
  'enum-login-message',
  'enum-login-header',
  'enum-reissue-404',
  'enum-reissue-says-mismatch',
  'logout-keeps-session',
  'session-never-idles-out',
  'login-keeps-older-session',
  'change-password-not-applied',
  'old-password-still-works',
  'setup-keeps-postcard-credentials',
  'password-truncated-to-20',
  'password-case-insensitive',
  'temporary-password-not-forced-to-change',
  'temporary-password-never-expires',
  'login-id-availability-always-true',
  'link-reusable',
  'older-link-not-withdrawn',
  'link-expiry-ignored',
  'reissue-link-answer-not-checked',
  'notice-link-number-not-checked',
  'secret-answer-compared-exactly',
  'link-wrong-answers-unlimited',
  'link-token-64-bits',
  'breakdown-ignores-foreign-filter',
  'read-cache-ignores-account',
  'cors-wildcard',
  'cors-reflects-any-origin',
  'no-nosniff',
  'no-framing-protection',
  'cacheable-answers',
  'no-referrer-policy',
  'text-plain-writes-accepted',
  'trace-echoes-request',
  'long-url-500',
  'wrong-method-404',
  'host-refusal-ignored',
  'error-without-request-id',
  'validation-as-422',
  'session-expired-as-403',
  'notice-email-format-not-validated',
  'history-14-months',
  'history-oldest-first',
  'line-subtotal-before-discounts',
  'summary-total-without-tax',
  'amounts-as-strings',
  'race-confirm-twice',
  'race-login-burst-past-lock',
  'race-change-password-twice',
  'reissue-answer-not-checked',
  'reissue-guesses-unlimited',
  'login-id-case-insensitive',
  'login-id-not-normalised',
  'success-keeps-failure-count',
  'email-delete-not-applied',
  'future-month-served',
  'tax-total-from-total',
  'setup-skips-postcard-check',
  'change-password-skips-current-check',
  'json-served-as-html',
  'session-token-accepted-in-url',
  'session-token-72-bits',
  'reissue-does-not-unlock',
  'session-not-extended-by-use',
  'no-password-change-notification',
  'notification-contains-password',
  'temporary-password-6-digits',
  'email-status-not-masked',
  'control-characters-500',
  'register-overwrites-registered',
  'cookie-not-httponly',
  'cookie-not-secure',
  'cookie-samesite-none',
  'token-in-login-body',
  'bearer-accepted-beside-cookie',
  'password-change-keeps-cookie',
  'setup-keeps-cookie',
  'logout-keeps-cookie',
  'logout-keeps-cookie-session',
  'csrf-header-not-checked',
  'origin-not-checked',
];

const baselines = await runBaselines(DEFECTS);
const baselineOf = (id: string) => baselines.find((b) => b.defect.id === id)!;
// Every harmless variation at once, per kind of backend: the suite must not fail a backend for what the contract allows.
const harmless: MutantResult[] = [];
for (const variation of allHarmless()) harmless.push(await runMutant(variation));
const results = await runMutants(DEFECTS, baselines, { concurrency: 2, stopAtFirstKill: true });
const liveness = await probeDefects(DEFECTS);

describe('the defect catalogue', () => {
  it('has at least 30 defects, each with a unique id, a description and the rule it breaks', () => {
    assert.ok(DEFECTS.length >= 30, `only ${DEFECTS.length} defects`);
    assert.equal(new Set(DEFECTS.map((d) => d.id)).size, DEFECTS.length, 'duplicate ids');
    for (const d of DEFECTS) {
      assert.match(d.id, /^[a-z0-9-]+$/);
      assert.ok(d.description.length > 20, `${d.id}: no description`);
      assert.ok(d.breaks.length > 5, `${d.id}: does not say what it breaks`);
    }
  });

  it('has a liveness probe for every defect', () => {
    assert.deepEqual(DEFECTS.map((d) => d.id).filter((id) => !PROBES[id]), []);
  });

  it('is the list of defects the suite is expected to catch, and the few it cannot, each with why', () => {
    assert.deepEqual([...DEFECTS.map((d) => d.id)].sort(), [...EXPECTED_CAUGHT, ...Object.keys(EXPECTED_SURVIVORS)].sort());
  });
});

describe('conformance suite against the mutation proxy', () => {
  it('passes every case through the clean proxy, in front of a bearer and a cookie backend (the proxy itself changes nothing)', () => {
    assert.deepEqual(baselines.map((b) => b.defect.id), ['clean', 'clean-cookie']);
    for (const clean of baselines) {
      assert.deepEqual(clean.failed, [], clean.defect.id);
      assert.deepEqual(clean.hookErrors, [], clean.defect.id);
      assert.ok(clean.passed >= 30, `${clean.defect.id}: only ${clean.passed} cases passed`);
    }
    assert.equal(baselineOf('clean-cookie').skipped, 0, 'a case skipped against the cookie backend');
  });

  it('passes every case through a proxy that makes only harmless changes (extra fields and headers, JSON layout, messages, request ids, token length, optional details; SameSite=Strict and another cookie attribute layout)', () => {
    for (const h of harmless) {
      assert.deepEqual(h.hookErrors, [], h.defect.id);
      assert.deepEqual(h.failed, [], h.defect.id);
      assert.equal(h.passed, baselineOf(h.defect.backend ? 'clean-cookie' : 'clean').passed, h.defect.id);
    }
  });

  for (const result of results) {
    const why = EXPECTED_SURVIVORS[result.defect.id];
    if (why !== undefined) {
      it(`cannot catch ${result.defect.id}, as expected: ${why}`, () => {
        assert.deepEqual(result.hookErrors, []);
        assert.equal(result.caught, false, 'now caught: move it to EXPECTED_CAUGHT');
      });
      continue;
    }
    it(`catches ${result.defect.id}: ${result.defect.description}`, () => {
      assert.deepEqual(result.hookErrors, [], 'the defect\'s hook failed: a harness bug, not a catch');
      assert.ok(
        result.caught && EXPECTED_CAUGHT.includes(result.defect.id),
        `no case that passes through the clean proxy failed against "${result.defect.id}" (breaks ${result.defect.breaks}): the suite has a blind spot here`,
      );
    });
  }
});

// A defect that no probe can see would be "caught" or "survive" for nothing:
// each probe must see its defect through the proxy, and the clean reference
// backend must not show it (else the backend lacks the behaviour itself).
describe('each defect is live: its probe sees it through its proxy and not through the clean one', () => {
  for (const l of liveness) {
    it(l.defect.id, () => {
      assert.notEqual(l.mutant, null, 'the probe does not see the defect through its proxy: the hook changes nothing');
      assert.equal(l.clean, null, 'the clean reference backend shows this defect too');
    });
  }
});
