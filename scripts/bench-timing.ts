/**
 * Timing benchmark (not a test): does an answer take longer when the login
 * ID (or link) exists? For each operation, 200 requests for an unknown ID and
 * 200 for a known one with a wrong secret, interleaved, against the reference
 * backend over HTTP on localhost; prints the medians and their difference.
 *
 *   npm run bench:timing [-- --requests 200]
 *
 * The failure counters are cleared before each request, so every request
 * takes the "wrong secret" path rather than the "locked" one.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { startHttpBackend } from '../mocks/http-server.js';
import { createBackend, DEMO_ACCOUNTS } from '../mocks/index.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' } } });
const N = Number(values.requests);
const { established, postcard, corporate } = DEMO_ACCOUNTS;

const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', onInternalError: () => {} });
const server = await startHttpBackend({ port: 0, backend });

async function post(path: string, body: unknown, token?: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function clearCounters(): void {
  backend.store.failedLogins.clear();
  backend.store.reissueMisses.clear();
  for (const record of backend.store.confirmations.values()) record.wrongGuesses = 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function p90(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.9)]!;
}

// A pending change of the corporate account's reissue email, for the confirm case. An unknown
// link answers 410 and a known one with a wrong answer 400: link tokens are 256 random bits,
// not something to enumerate, so only the time is compared there.
const corpToken = ((await (await fetch(`${server.url}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ loginId: corporate.loginId, password: corporate.password }),
})).json()) as { token: string }).token;
await fetch(`${server.url}/reissue-email`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${corpToken}` },
  body: JSON.stringify({ email: 'bench@corp.example', emailConfirm: 'bench@corp.example', questionId: 'first-pet', answer: 'Hachi' }),
});
const link = backend.outbox.latest({ kind: 'reissue-email-confirm', to: 'bench@corp.example' })?.link;
const knownLinkToken = new URL(link!).searchParams.get('token')!;

interface Case {
  name: string;
  unknown: () => Promise<{ ms: number; status: number }>;
  known: () => Promise<{ ms: number; status: number }>;
}

let n = 0;
const cases: Case[] = [
  {
    name: 'login (POST /auth/login)',
    unknown: () => post('/auth/login', { loginId: `nobody${n}x`, password: 'Wrong-2026' }),
    known: () => post('/auth/login', { loginId: established.loginId, password: 'Wrong-2026' }),
  },
  {
    name: 'password reissue (POST /password-reissue)',
    unknown: () => post('/password-reissue', { loginId: `nobody${n}x`, ...established.reissueEmail }),
    known: () => post('/password-reissue', { loginId: established.loginId, ...established.reissueEmail, answer: 'Tama' }),
  },
  {
    name: 'postcard registration login (POST /auth/initial-login)',
    unknown: () => post('/auth/initial-login', { initialLoginId: 'ZZ9Q2MX', initialPassword: 'zzzz9999' }),
    known: () => post('/auth/initial-login', { initialLoginId: postcard.loginId, initialPassword: 'zzzz9999' }),
  },
  {
    name: 'email registration confirm (POST /reissue-email/confirm)',
    unknown: () => post('/reissue-email/confirm', { token: `x${String(n).padStart(42, '0')}`, questionId: 'first-pet', answer: 'Pochi' }),
    known: () => post('/reissue-email/confirm', { token: knownLinkToken, questionId: 'first-pet', answer: 'Pochi' }),
  },
];

// Warm up the JIT and the connection pool.
for (let i = 0; i < 50; i++) {
  for (const c of cases) {
    clearCounters();
    await c.unknown();
    clearCounters();
    await c.known();
  }
}

console.log(`Timing: ${N} requests each, unknown ID vs known ID with a wrong secret, over HTTP on ${server.url}`);
console.log('| operation | answers (unknown / known) | median unknown | median known | difference | p90 unknown | p90 known |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
let worst = 0;
for (const c of cases) {
  const unknown: number[] = [];
  const known: number[] = [];
  const statuses = new Set<string>();
  for (let i = 0; i < N; i++) {
    n = i;
    // Alternate the order so that drift hits both sides alike.
    const order = i % 2 === 0 ? (['unknown', 'known'] as const) : (['known', 'unknown'] as const);
    for (const side of order) {
      clearCounters();
      const r = await c[side]();
      (side === 'unknown' ? unknown : known).push(r.ms);
      statuses.add(`${side}:${r.status}`);
    }
  }
  const diff = median(known) - median(unknown);
  worst = Math.max(worst, Math.abs(diff));
  const answers = ['unknown', 'known'].map((side) => [...statuses].filter((s) => s.startsWith(side)).map((s) => s.split(':')[1]).join('/')).join(' / ');
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`| ${c.name} | ${answers} | ${fmt(median(unknown))} | ${fmt(median(known))} | ${diff >= 0 ? '+' : ''}${fmt(diff)} | ${fmt(p90(unknown))} | ${fmt(p90(known))} |`);
}
console.log(`largest median difference: ${worst.toFixed(2)} ms (limit 50 ms): ${worst <= 50 ? 'ok' : 'OVER'}`);
await server.close();
if (worst > 50) process.exitCode = 1;
