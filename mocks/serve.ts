/**
 * The reference backend as an HTTP server on localhost, for any client
 * (curl included). Run with `npx tsx mocks/serve.ts`; `PORT` sets the port
 * (default 8787), `SESSION_MODE` how sessions are held (`cookie`, `tab` or
 * `memory`, the default). Not imported by anything: the reusable part is
 * `http-server.ts`.
 *
 * @module
 */
import { createBackend, createRateLimiter, DEMO_ACCOUNTS } from './index.js';
import { startHttpBackend } from './http-server.js';

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT}`);
  process.exit(1);
}

const sessionMode = process.env.SESSION_MODE ?? 'memory';
if (sessionMode !== 'cookie' && sessionMode !== 'tab' && sessionMode !== 'memory') {
  console.error(`SESSION_MODE must be cookie, tab or memory, not ${sessionMode}`);
  process.exit(1);
}

// Per-client limits, as a partner's backend should have them (mocks/rate-limit.ts).
const backend = createBackend({ linkBase: `http://localhost:${port}/confirm`, rateLimit: createRateLimiter(), sessionMode });
const server = await startHttpBackend({ port, backend });

const rows = Object.entries(DEMO_ACCOUNTS).map(([name, a]) => ({
  account: name,
  'login ID': a.loginId,
  password: a.password,
  login: a.credentialKind === 'postcard' ? 'POST /auth/initial-login' : 'POST /auth/login',
  'registered number': a.registeredNumber.number,
}));

console.log(`Web Billing reference backend: ${server.url}`);
console.log(`Mails: GET ${server.url}/_dev/outbox   Clock: POST ${server.url}/_dev/clock   Reset: POST ${server.url}/_dev/reset`);
console.log('Demo accounts:');
console.table(rows);
for (const [name, a] of Object.entries(DEMO_ACCOUNTS)) console.log(`  ${name}: ${a.description}`);

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
