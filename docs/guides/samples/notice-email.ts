import { createClient, type WebBillingClient } from '../../../src/index.js';

/** Register (temporarily) the address for the monthly billing-amount mail: a confirm link is mailed to it. */
export async function registerNoticeEmail(client: WebBillingClient, email: string) {
  const status = await client.noticeEmail.register({ type: 'mobile', email });
  // status.state is 'pending'; status.sender is the address to allow in spam filters.
  return status;
}

/** The confirm page, opened from the mailed link: the registered phone or customer number, without dashes. */
export async function confirmNoticeEmail(baseUrl: string, token: string, registeredNumber: string) {
  const client = createClient({ baseUrl });
  // The backend also accepts dashes and full-width digits ("090-1234-5678"), and strips them.
  return client.noticeEmail.confirm(token, registeredNumber); // state: 'registered'; a completion mail is sent
}
