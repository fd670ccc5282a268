import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { WbBreakdown } from '../../components/react/index.js';
import { WbMonthSelectedEvent, type WbLoggedInEvent } from '../../components/shared/events.js';
import { App } from '../../examples/react/app.js';
import { BASE, until, useBackend } from '../support/backend.js';

useBackend();

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

describe('React wrappers (web-billing-kit/react)', () => {
  let container: HTMLElement;
  let root: Root;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('the React example logs in and its typed onLoggedIn handler gets the WbLoggedInEvent, then shows the billing list', async () => {
    const received: WbLoggedInEvent[] = [];
    root.render(createElement(App, { baseUrl: BASE, onLoggedIn: (event) => received.push(event) }));
    // Shown once the provider has looked for a session to restore (session-mode auto reads the backend's policy first).
    await until(() => container.querySelector('wb-login input[autocomplete="current-password"]')?.checkVisibility(), 3_000, 'the login form');
    const login = container.querySelector('wb-login')!;
    await typeInto(login.querySelector<HTMLInputElement>('input[autocomplete="username"]')!, 'taro2024');
    await typeInto(login.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, 'Sakura2024!');
    await sendKeys({ press: 'Enter' });

    await until(() => received.length > 0, 5_000, 'onLoggedIn');
    expect(received).to.have.length(1);
    expect(received[0]!.type).to.equal('wb-logged-in');
    expect(received[0]!.stage).to.equal('active');
    expect(received[0]!.loginId).to.equal('taro2024');

    await until(() => container.querySelector('wb-billing-list'), 3_000, 'the billing list');
    expect(container.querySelector('wb-login'), 'the React state routed away from the login').to.equal(null);
  });

  it('maps each typed on… prop to its wb- event, and plain props to element properties', async () => {
    const months: string[] = [];
    root.render(createElement(WbBreakdown, { month: '2026-10', onMonthSelected: (event) => months.push(event.month) }));
    await until(() => container.querySelector('wb-breakdown'), 3_000, 'the breakdown');
    const el = container.querySelector('wb-breakdown')!;
    expect(el.month).to.equal('2026-10');
    el.dispatchEvent(new WbMonthSelectedEvent('2026-10', 'summary'));
    expect(months).to.deep.equal(['2026-10']);
  });
});
