// The SDK in a Node ESM script: `node sdk.mjs <baseUrl> <loginId> <password>` prints what it read as JSON.
import { createClient, isWebBillingError } from 'web-billing-kit';

const [baseUrl, loginId, password] = process.argv.slice(2);
const client = createClient({ baseUrl });
let wrongPassword;
try {
  await client.auth.login({ loginId, password: `${password}-wrong` });
} catch (error) {
  wrongPassword = isWebBillingError(error, 'invalid_credentials') ? error.code : String(error);
}
await client.auth.login({ loginId, password });
const account = await client.account.get();
const history = await client.billing.history();
await client.auth.logout();
console.log(JSON.stringify({ node: process.version, wrongPassword, registeredNumber: account.registeredNumber.number, months: history.months.length }));
