import { createClient, isWebBillingError, type WebBillingClient } from '../../../src/index.js';

/** Register the email for password reissue (logged in): a confirm link is mailed to it. */
export async function registerReissueEmail(client: WebBillingClient, email: string, answer: string) {
  const [question] = await client.reissueEmail.questions();
  const status = await client.reissueEmail.register({ email, emailConfirm: email, questionId: question!.id, answer });
  return { status, questionId: question!.id }; // status.state: 'pending' until the link is opened
}

/** The confirm page, opened from the mailed link (`?token=…`): no login needed, the secret question and answer again. */
export async function confirmReissueEmail(baseUrl: string, token: string, questionId: string, answer: string) {
  const client = createClient({ baseUrl });
  try {
    return await client.reissueEmail.confirm({ token, questionId, answer }); // state: 'registered'
  } catch (error) {
    if (isWebBillingError(error, 'link_expired')) throw new Error('the link is older than 24 hours: register again', { cause: error });
    throw error;
  }
}
