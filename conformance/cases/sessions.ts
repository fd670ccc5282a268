/**
 * Sessions: logout, the idle timeout and its extension, replacement by a
 * newer login.
 *
 * @module
 */
import { SESSION_IDLE_MINUTES } from '../../src/contract/rules.js';
import { check, expectError } from '../http.js';
import { active, type ConformanceCase } from './shared.js';

export const SESSION_CASES: ConformanceCase[] = [
  {
    name: 'auth.logout answers 204 and the session ends: its token answers 401 session_expired',
    ref: 'ASVS 5.0 V7.4.1',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      await ctx.api.ok('auth.logout', { token });
      expectError(await ctx.api.call('auth.session', { token }), 'session_expired');
      expectError(await ctx.api.call('billing.history', { token }), 'session_expired');
      expectError(await ctx.api.call('auth.logout', { token }), 'session_expired');
    },
  },
  {
    name: `a session idle for ${SESSION_IDLE_MINUTES} minutes ends (401 session_expired); each call just before that extends it`,
    ref: 'ASVS 5.0 V7.3.1, V7.4.1',
    async run(ctx) {
      ctx.needs('clock');
      const token = await ctx.login(active(ctx));
      const idle = SESSION_IDLE_MINUTES * 60_000;
      await ctx.advanceClock(idle - 60_000);
      const first = await ctx.api.ok('auth.session', { token });
      await ctx.advanceClock(idle - 60_000);
      // Nearly two idle periods after the login: only the extension keeps it alive.
      const second = await ctx.api.ok('billing.history', { token });
      check(second.status === 200, 'the session did not survive');
      const expiresAt = Date.parse(first.body.expiresAt);
      check(expiresAt > 0, 'auth.session gives no expiresAt');
      await ctx.advanceClock(idle + 1_000);
      expectError(await ctx.api.call('auth.session', { token }), 'session_expired');
      expectError(await ctx.api.call('billing.history', { token }), 'session_expired');
    },
  },
  {
    name: 'a newer login replaces the session: the older token answers 401 session_expired, the newer one works',
    ref: 'ASVS 5.0 V7.2.4',
    async run(ctx) {
      const older = await ctx.login(active(ctx));
      const newer = await ctx.login(active(ctx));
      check(older !== newer, 'the second login gave the same token');
      expectError(await ctx.api.call('auth.session', { token: older }), 'session_expired');
      expectError(await ctx.api.call('billing.history', { token: older }), 'session_expired');
      await ctx.api.ok('auth.session', { token: newer });
    },
  },
];
