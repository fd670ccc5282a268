/**
 * The corporate customer's billing journey across elements, routed by their
 * events the way a partner page would: the 15-month list, line 87 picked by
 * typing, its breakdown opened in full, then the billing summary.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../components/index.js';
import '../../components/breakdown/define.js';
import '../../components/billing-list/define.js';
import '../../components/billing-summary/define.js';
import '../../components/line-picker/define.js';
import { axeViolations } from './helpers/axe.js';
import { mountInProvider, testClient, until, useBackend } from '../support/backend.js';

useBackend();

describe('billing journey (corporate combined bill)', () => {
  it('lists 15 months with 4 breakdowns, picks line 87 by typing, opens all, and switches to the summary', async () => {
    const client = testClient();
    await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
    const { el: page } = await mountInProvider<HTMLElement>(
      html`<main>
        <wb-billing-list></wb-billing-list>
        <wb-line-picker></wb-line-picker>
        <wb-breakdown></wb-breakdown>
        <wb-billing-summary hidden></wb-billing-summary>
      </main>`,
      client,
    );
    const list = page.querySelector('wb-billing-list')!;
    const picker = page.querySelector('wb-line-picker')!;
    const breakdown = page.querySelector('wb-breakdown')!;
    const summary = page.querySelector('wb-billing-summary')!;
    // The partner's routing: events in, properties out.
    page.addEventListener('wb-month-selected', (e) => {
      if (e.view === 'summary') {
        summary.month = e.month;
        summary.hidden = false;
        breakdown.hidden = true;
      } else {
        breakdown.month = e.month;
      }
    });
    page.addEventListener('wb-line-selected', (e) => {
      breakdown.line = e.lineNumber;
      breakdown.company = e.lineNumber ? undefined : e.companyId;
    });

    await until(() => list.shadowRoot!.querySelectorAll('tbody tr').length === 15, 5_000, '15 months');
    const breakdownButtons = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')];
    expect(breakdownButtons.length, 'breakdown links').to.equal(4);
    breakdownButtons[0]!.click();
    expect(breakdown.month).to.equal('2026-11');

    const input = await (async () => {
      await until(() => picker.shadowRoot?.querySelector('input[role="combobox"]'), 5_000, 'line picker input');
      return picker.shadowRoot!.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    })();
    input.focus();
    await sendKeys({ type: '0087' });
    await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 3_000, 'options');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => breakdown.line === '09011110087', 3_000, 'line 87 selected');

    await until(() => breakdown.shadowRoot!.querySelectorAll('[part~="line"]').length === 1, 5_000, 'one line shown');
    breakdown.shadowRoot!.querySelector<HTMLButtonElement>('[part~="open-all-button"]')!.click();
    await until(() => [...breakdown.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details')].every((d) => d.open), 3_000, 'all open');
    const items = [...breakdown.shadowRoot!.querySelectorAll('[part~="item"]')];
    expect(items.length).to.be.greaterThan(3);
    expect(breakdown.shadowRoot!.textContent).to.contain('090-1111-0087'.replace(/-/g, '').slice(0, 3));
    expect(await axeViolations(page)).to.deep.equal([]);

    breakdown.shadowRoot!.querySelector<HTMLButtonElement>('[part~="summary-button"]')!.click();
    await until(() => !summary.hidden && summary.shadowRoot?.querySelector('table'), 5_000, 'summary shown');
    expect(summary.month).to.equal('2026-11');
  });
});
