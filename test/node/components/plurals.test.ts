/** English copy counts in the singular for one: "1 line", never "1 lines". */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import billingList from '../../../components/billing-list/messages.en.js';
import common from '../../../components/shared/messages.en.js';
import top from '../../../components/top/messages.en.js';

test('English messages with a count use the singular for 1', () => {
  assert.equal(common.rateLimited(1), 'Too many attempts. Please try again in 1 second.');
  assert.equal(common.rateLimited(30), 'Too many attempts. Please try again in 30 seconds.');
  assert.equal(billingList.title(1), 'Billing amounts for the past month');
  assert.equal(billingList.title(15), 'Billing amounts for the past 15 months');
  assert.match(billingList.retention(1), /^Detailed breakdowns are kept for the past month only\./);
  assert.equal(top.billingContentsText(15, 1), 'Monthly amounts for the past 15 months and detailed breakdowns for the past month.');
  assert.equal(top.billingContentsText(15, 4), 'Monthly amounts for the past 15 months and detailed breakdowns for the past 4.');
});
