/**
 * DEMO ONLY: a stand-in for `tldts` in the demo portal's bundle. msw's
 * cookie jar (tough-cookie) asks tldts for a cookie domain's registrable
 * domain; tldts answers from the whole public-suffix list, 122 kB of the
 * demo's 646 kB script (minified), parsed on every page load. The demo is
 * served from localhost, where the list has nothing to say, so this answers
 * from the labels alone: none for an IP address or a single label, else the
 * last two labels. A partner's page never loads it: the kit has no cookie
 * jar of its own, and `examples/serve.ts` aliases it for the demo's bundles
 * only. `test/node/examples/tldts-local.test.ts` holds it to tldts' answers
 * on the hosts the demo is served from.
 */

/** The registrable domain of `hostname` (tldts' `getDomain`, without the public-suffix list), or `null`. */
export function getDomain(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')) return null;
  const labels = host.split('.');
  return labels.length < 2 ? null : labels.slice(-2).join('.');
}
