/**
 * The account and its lines.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import type { BackendContext } from '../context.js';
import { serviceOf } from '../billing-data.js';

export function accountHandlers(ctx: BackendContext): HttpHandler[] {
  const { route } = ctx;
  return [
    route('account.get', ({ caller }) => {
      const { account, session } = caller;
      return {
        loginId: account.loginId ?? session.loginId,
        customerName: account.customerName,
        registeredNumber: { ...account.registeredNumber },
        billing: account.billing,
        lineCount: account.lines.length,
        companyCount: account.companies.length,
      };
    }),

    route('account.lines', ({ caller }) => ({
      companies: caller.account.companies.map((c) => ({ id: c.id, name: { ...c.name } })),
      lines: caller.account.lines.map((l) => ({ lineNumber: l.lineNumber, companyId: l.companyId, service: serviceOf(l.plan) })),
    })),
  ];
}
