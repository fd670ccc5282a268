import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/line-picker/define.js';
import { formatLineNumber } from '../../src/line-number.js';
import type { WbLinePicker } from '../../components/line-picker/line-picker.js';
import type { WbLineSelectedEvent } from '../../components/shared/events.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, mountInProvider, testClient, until, useBackend } from '../support/backend.js';
import { generatedLines } from '../support/generated-lines.js';
import { expectFitsWidth } from './helpers/layout.js';

const backend = useBackend();
const LINES_PATH = `${BASE}/account/lines`;

const $ = <T extends Element = HTMLElement>(el: WbLinePicker, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: WbLinePicker, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const input = (el: WbLinePicker) => $<HTMLInputElement>(el, '[part~="input"]')!;
const options = (el: WbLinePicker) => $$(el, '[role="option"]');
const labels = (el: WbLinePicker) => options(el).map((o) => o.querySelector('[part~="option-label"]')!.textContent!.trim());
const activeOption = (el: WbLinePicker) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id) : null;
};
const status = (el: WbLinePicker) => $(el, '[role="status"]')!.textContent!.trim();
const loaded = (el: WbLinePicker) => until(() => $(el, '[part~="input"]'), 5_000, 'the lines');

/** Mounts `template` (holding a `<wb-line-picker>`) for the corporate account, logged in; returns the picker. */
async function mountCorp(template: TemplateResult = html`<wb-line-picker></wb-line-picker>`): Promise<WbLinePicker> {
  const client = testClient();
  await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
  const { el } = await mountInProvider<HTMLElement>(template, client);
  const picker = (el.localName === 'wb-line-picker' ? el : el.querySelector('wb-line-picker')) as WbLinePicker;
  await loaded(picker);
  return picker;
}

/** Collects the picker's wb-line-selected events. */
function selections(el: WbLinePicker): WbLineSelectedEvent[] {
  const events: WbLineSelectedEvent[] = [];
  el.addEventListener('wb-line-selected', (e) => events.push(e));
  return events;
}

async function type(el: WbLinePicker, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function press(el: WbLinePicker, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<wb-line-picker>', () => {
  it('says clearly that it needs a provider when placed outside one without lines', async () => {
    const el = await fixture<WbLinePicker>(html`<wb-line-picker></wb-line-picker>`);
    expect($(el, '[part~="error"]')!.textContent).to.contain('<wb-provider');
  });

  it('picks line 87 by typing "87", then ArrowDown and Enter', async () => {
    const el = await mountCorp();
    const events = selections(el);
    await type(el, '87');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(labels(el)).to.deep.equal(['090-1111-0087']);
    expect(status(el)).to.equal('1 line matches.');
    await press(el, 'ArrowDown');
    expect(activeOption(el)!.getAttribute('aria-selected')).to.equal('true');
    expect(activeOption(el)!.textContent).to.contain('090-1111-0087');
    await press(el, 'Enter');
    expect(events).to.have.length(1);
    expect(events[0]!.lineNumber).to.equal('09011110087');
    expect(events[0]!.companyId).to.equal('docomo');
    expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('090-1111-0087');
    expect(el.lineNumber).to.equal('09011110087');
  });

  for (const [what, text] of [
    ['with dashes', '090-1111-0087'],
    ['in full-width digits', '０９０１１１１００８７'],
    ['in full-width digits with a long dash', '０９０ー１１１１ー００８７'],
  ] as const) {
    it(`finds a line typed ${what}`, async () => {
      const el = await mountCorp();
      const events = selections(el);
      await type(el, text);
      expect(labels(el)).to.deep.equal(['090-1111-0087']);
      await press(el, 'Enter');
      expect(events.map((e) => e.lineNumber)).to.deep.equal(['09011110087']);
    });
  }

  it('lists the total, the 3 companies and all 128 lines, each line with its number in dashes, company and service', async () => {
    const el = await mountCorp();
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(status(el)).to.equal('128 lines and 3 companies match.');
    const first = options(el);
    expect(first[0]!.getAttribute('aria-setsize')).to.equal(String(1 + 3 + 128));
    expect(first[0]!.getAttribute('aria-posinset')).to.equal('1');
    expect(labels(el).slice(0, 4)).to.deep.equal(['Total (all lines)', 'NTT East', 'NTT docomo', 'NTT Communications']);
    expect(labels(el)[4]).to.equal('03-5555-0101');
    expect(options(el)[4]!.querySelector('[part~="option-detail"]')!.textContent).to.contain('NTT East ·');
  });

  it('fires with the companyId alone when a company is chosen (keyboard and pointer)', async () => {
    const el = await mountCorp();
    const events = selections(el);
    await type(el, 'docomo');
    expect(labels(el)[0]).to.equal('NTT docomo');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(events).to.have.length(1);
    expect(events[0]!.lineNumber).to.be.undefined;
    expect(events[0]!.companyId).to.equal('docomo');
    expect(input(el).value).to.equal('NTT docomo');

    $(el, '[part~="toggle-button"]')!.click();
    await el.updateComplete;
    const east = options(el).find((o) => o.textContent!.includes('NTT East') && o.textContent!.includes('Company total'))!;
    east.click();
    await el.updateComplete;
    expect(events[1]!.lineNumber).to.be.undefined;
    expect(events[1]!.companyId).to.equal('ntt-east');
  });

  it('fires with neither lineNumber nor companyId for "Total (all lines)"', async () => {
    const el = await mountCorp();
    const events = selections(el);
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(activeOption(el)!.textContent).to.contain('Total (all lines)');
    await press(el, 'Enter');
    expect(events).to.have.length(1);
    expect(events[0]!.lineNumber).to.be.undefined;
    expect(events[0]!.companyId).to.be.undefined;
    expect(input(el).value).to.equal('Total (all lines)');
    input(el).value = '';
    await type(el, '合計');
    expect(labels(el)).to.deep.equal(['Total (all lines)']);
    expect(status(el)).to.equal('Total (all lines) matches.');
  });

  it('opens on the current choice (set with dashes), highlighted and scrolled into view', async () => {
    const el = await mountCorp(html`<wb-line-picker line-number="090-1111-0087"></wb-line-picker>`);
    expect(el.lineNumber).to.equal('09011110087');
    expect(input(el).value).to.equal('090-1111-0087');
    input(el).focus();
    await press(el, 'ArrowDown');
    await el.updateComplete;
    const active = activeOption(el)!;
    expect(active.textContent).to.contain('090-1111-0087');
    expect(active.getAttribute('part')).to.contain('option-current');
    const box = active.getBoundingClientRect();
    const view = $(el, '.scroller')!.getBoundingClientRect();
    expect(box.top).to.be.at.least(view.top - 1);
    expect(box.bottom).to.be.at.most(view.bottom + 1);
  });

  it('closes on Escape and keeps the text', async () => {
    const el = await mountCorp();
    await type(el, '0901111');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.be.false;
    expect($(el, '[part~="popup"]')!.hidden).to.be.true;
    expect(input(el).value).to.equal('0901111');
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('selects a full number entered directly, whether or not the list is open', async () => {
    const el = await mountCorp();
    const events = selections(el);
    await type(el, '05012340003');
    await press(el, 'Escape');
    await press(el, 'Enter');
    expect(events.map((e) => [e.lineNumber, e.companyId])).to.deep.equal([['05012340003', 'ntt-com']]);
    expect(input(el).value).to.equal('050-1234-0003');
  });

  it('says next to the field that an unknown number is not on the bill, and keeps it', async () => {
    const el = await mountCorp();
    const events = selections(el);
    await type(el, '090-9999-0000');
    expect(options(el)).to.have.length(0);
    expect($(el, '[part~="no-match"]')!.textContent).to.contain('090-9999-0000');
    await press(el, 'Enter');
    expect(events).to.have.length(0);
    const message = $(el, '[part~="message"]')!;
    expect(message.textContent).to.contain('090-9999-0000').and.to.contain('not on this bill');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
    expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include(message.id);
    expect(input(el).value).to.equal('090-9999-0000');
    expect(await axeViolations(el)).to.deep.equal([]);
    await type(el, '1');
    expect(message.textContent).to.equal('');
  });

  it('asks to choose when several lines match and Enter is pressed with none highlighted', async () => {
    const el = await mountCorp();
    const events = selections(el);
    await type(el, '0901111');
    await press(el, 'Enter');
    expect(events).to.have.length(0);
    expect($(el, '[part~="message"]')!.textContent).to.contain('Several lines match');
  });

  it('is usable end to end with the keyboard only', async () => {
    const { el: wrapper } = await mountInProvider<HTMLElement>(
      html`<div><button>before</button><wb-line-picker></wb-line-picker></div>`,
      await (async () => {
        const client = testClient();
        await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
        return client;
      })(),
    );
    const el = wrapper.querySelector('wb-line-picker')!;
    await loaded(el);
    const events = selections(el);
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await sendKeys({ type: '0120' });
    await el.updateComplete;
    // The six toll-free numbers, and 03-5555-0120, which ends in 0120.
    expect(status(el)).to.equal('7 lines match.');
    await press(el, 'ArrowDown');
    await press(el, 'End');
    expect(activeOption(el)!.textContent).to.contain('0120-123-406');
    await press(el, 'Home');
    expect(activeOption(el)!.textContent).to.contain('03-5555-0120');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'ArrowUp');
    expect(activeOption(el)!.textContent).to.contain('0120-123-401');
    await press(el, 'Enter');
    expect(events.map((e) => e.lineNumber)).to.deep.equal(['0120123401']);
    // Reopen with the keyboard: the whole list again, the choice highlighted; PageDown moves by a page.
    await press(el, 'ArrowDown');
    expect(activeOption(el)!.textContent).to.contain('0120-123-401');
    await press(el, 'PageUp');
    const before = Number(activeOption(el)!.getAttribute('aria-posinset'));
    await press(el, 'PageDown');
    expect(Number(activeOption(el)!.getAttribute('aria-posinset'))).to.be.greaterThan(before);
    await press(el, 'Escape');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="view-button"]'));
  });

  it('has no axe violations loading, loaded, open, and with nothing matching', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend().worker.use(http.get(LINES_PATH, async () => { await gate; }, { once: true }));
    const client = testClient();
    await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
    const { el } = await mountInProvider<WbLinePicker>(html`<wb-line-picker></wb-line-picker>`, client);
    await until(() => $(el, '[part~="loading"]'), 2_000, 'loading');
    expect(await axeViolations(el), 'loading').to.deep.equal([]);
    release();
    await loaded(el);
    expect(await axeViolations(el), 'loaded').to.deep.equal([]);
    await type(el, '090');
    await press(el, 'ArrowDown');
    expect(await axeViolations(el), 'open').to.deep.equal([]);
    await type(el, '77777');
    expect($(el, '[part~="no-match"]')).to.exist;
    expect(status(el)).to.equal('No lines match.');
    expect(await axeViolations(el), 'nothing matching').to.deep.equal([]);
  });

  for (const [fault, respond] of [
    ['offline', () => HttpResponse.error()],
    ['a 500', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })],
  ] as const) {
    it(`shows ${fault} while loading as an error with a retry that works`, async () => {
      backend().worker.use(http.get(LINES_PATH, respond, { once: true }));
      const client = testClient();
      await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
      const { el } = await mountInProvider<WbLinePicker>(html`<wb-line-picker></wb-line-picker>`, client);
      await until(() => $(el, '[part~="retry-button"]'), 5_000, 'retry');
      expect(await axeViolations(el)).to.deep.equal([]);
      $(el, '[part~="retry-button"]')!.click();
      await loaded(el);
    });
  }

  it('shows the empty state when the account has no lines', async () => {
    backend().worker.use(http.get(LINES_PATH, () => HttpResponse.json({ companies: [], lines: [] }), { once: true }));
    const client = testClient();
    await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
    const { el } = await mountInProvider<WbLinePicker>(html`<wb-line-picker></wb-line-picker>`, client);
    await until(() => $(el, '[part~="empty"]'), 5_000, 'empty');
    expect($(el, '[part~="empty"]')!.textContent).to.contain('No lines');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('re-renders the choice and the options in the language of a lang change', async () => {
    const el = await mountCorp(html`<div lang="en"><wb-line-picker company-id="docomo"></wb-line-picker></div>`);
    expect(input(el).value).to.equal('NTT docomo');
    el.parentElement!.setAttribute('lang', 'ja');
    await until(() => input(el).value === 'NTTドコモ', 2_000, 'Japanese company name');
    input(el).focus();
    await press(el, 'ArrowDown');
    expect(activeOption(el)!.textContent).to.contain('NTTドコモ').and.to.contain('通信会社ごとの合計');
  });

  it('speaks Japanese under lang="ja"', async () => {
    const el = await mountCorp(html`<div lang="ja"><wb-line-picker></wb-line-picker></div>`);
    expect($(el, '[part~="label"]')!.textContent).to.contain('回線番号');
    await type(el, '87');
    expect(status(el)).to.equal('1件の回線が該当します。');
    expect(options(el)[0]!.textContent).to.contain('NTTドコモ');
    await type(el, '5');
    expect($(el, '[part~="no-match"]')!.textContent).to.contain('該当する回線・通信会社はありません');
    await press(el, 'Escape');
    input(el).value = '';
    await type(el, '09000000000');
    await press(el, 'Enter');
    expect($(el, '[part~="message"]')!.textContent).to.contain('このご請求に含まれていません');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen, open, without horizontal scrolling`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mountCorp();
      await type(el, '0');
      await press(el, 'ArrowDown');
      const wide = [...document.querySelectorAll('*'), ...el.shadowRoot!.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width);
      expect(wide.map((e) => e.localName + '.' + e.className + ' ' + e.getBoundingClientRect().right)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const part of ['input', 'toggle-button', 'view-button', 'popup']) {
        const box = $(el, `[part~="${part}"]`)!.getBoundingClientRect();
        expect(box.right, `${part} inside the screen`).to.be.at.most(width);
        if (part !== 'popup') expect(box.height, `${part} at least 44 px high`).to.be.at.least(44);
      }
      for (const option of options(el).slice(0, 5)) {
        const box = option.getBoundingClientRect();
        expect(box.right).to.be.at.most(width);
        expect(box.height).to.be.at.least(44);
      }
    });
  }
});

describe('<wb-line-picker> on a bill of one line', () => {
  /** Mounts the picker for Taro, whose bill has one line (090-1234-5678, NTT docomo); returns it with its events. */
  async function mountTaro(lang = 'en') {
    const client = testClient();
    await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    const { el } = await mountInProvider<HTMLElement>(html`<div lang=${lang}><wb-line-picker></wb-line-picker></div>`, client);
    const picker = el.querySelector('wb-line-picker') as WbLinePicker;
    const events = selections(picker);
    await until(() => $(picker, '[part~="single-line"]') || $(picker, '[part~="input"]'), 5_000, 'the lines');
    return { picker, events };
  }

  it('has nothing to pick: states the line in one line of text, with no field, list or button, and fires nothing', async () => {
    const { picker, events } = await mountTaro();
    const single = $(picker, '[part~="single-line"]')!;
    expect(single.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Your line: 090-1234-5678 · NTT docomo · Mobile (eximo)');
    expect($$(picker, 'input, button, [role="listbox"], [role="combobox"]')).to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(events).to.have.length(0);
    expect(await axeViolations(picker)).to.deep.equal([]);
  });

  it('states the line in Japanese under lang="ja"', async () => {
    const { picker } = await mountTaro('ja');
    expect($(picker, '[part~="single-line"]')!.textContent!.trim()).to.equal('ご利用回線：090-1234-5678（NTTドコモ・携帯電話（eximo））');
  });

  it('still offers the picker for one line on a bill of several companies', async () => {
    const data = generatedLines(1);
    expect(data.companies.length).to.be.greaterThan(1);
    const el = await fixture<WbLinePicker>(html`<wb-line-picker .lines=${data}></wb-line-picker>`);
    expect($(el, '[part~="input"]')).to.exist;
    expect($(el, '[part~="single-line"]')).to.equal(null);
  });
});

describe('<wb-line-picker> list at 360 px', () => {
  after(() => setViewport({ width: 1280, height: 800 }));

  it('is at least as wide as the field, and shows every company and plan name whole', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await mountCorp();
    input(el).focus();
    await press(el, 'ArrowDown');
    const popup = $(el, '[part~="popup"]')!.getBoundingClientRect();
    const field = input(el).getBoundingClientRect();
    const view = $(el, '[part~="view-button"]')!.getBoundingClientRect();
    expect(popup.left).to.be.at.most(field.left + 0.5);
    expect(popup.right, 'as wide as the field and its View button').to.be.at.least(view.right - 0.5);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      for (const option of options(el)) {
        for (const span of option.querySelectorAll<HTMLElement>('span')) {
          expect(span.scrollWidth, `${span.textContent} not cut`).to.be.at.most(span.clientWidth + 1);
          expect(span.scrollHeight, `${span.textContent} not cut`).to.be.at.most(span.clientHeight + 1);
          expect(span.getBoundingClientRect().bottom, `${span.textContent} inside its option`).to.be.at.most(option.getBoundingClientRect().bottom + 0.5);
          seen.add(span.textContent!);
        }
      }
      await press(el, 'PageDown');
    }
    expect([...seen].some((t) => t.includes('Subscriber line (business)')), 'the longest plan name was checked').to.equal(true);
    expectFitsWidth(el.shadowRoot as unknown as Element, 360, { alsoInside: '[part~="popup"], [role="option"]' });
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});

describe('<wb-line-picker> with 10,000 lines', () => {
  const data = generatedLines(10_000);
  const mountBig = () => fixture<WbLinePicker>(html`<wb-line-picker .lines=${data}></wb-line-picker>`);

  it('shows the empty state for given lines that hold nothing', async () => {
    const el = await fixture<WbLinePicker>(html`<wb-line-picker .lines=${{ companies: [], lines: [] }}></wb-line-picker>`);
    expect($(el, '[part~="empty"]')!.textContent).to.contain('No lines');
  });

  it('renders only a window of options, with the full count in aria-setsize', async () => {
    const el = await mountBig();
    input(el).focus();
    await press(el, 'ArrowDown');
    const rendered = options(el);
    expect(rendered.length).to.be.greaterThan(3).and.at.most(40);
    expect(rendered[0]!.getAttribute('aria-setsize')).to.equal(String(1 + 3 + 10_000));
    expect(status(el)).to.equal('10,000 lines and 3 companies match.');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('renders later options when the list is scrolled', async () => {
    const el = await mountBig();
    input(el).focus();
    await press(el, 'ArrowDown');
    const scroller = $(el, '.scroller')!;
    scroller.scrollTop = 5_000 * options(el)[0]!.getBoundingClientRect().height;
    await until(() => labels(el).includes(formatted(data.lines[5_000 - 4]!.lineNumber)), 2_000, 'options near line 5,000');
    expect(options(el).length).to.be.at.most(40);
    const visible = options(el).filter((o) => {
      const box = o.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
    expect(visible.length).to.be.greaterThan(2);
  });

  it('renders later options as ArrowDown and PageDown move past the window, keeping the active one in view', async () => {
    const el = await mountBig();
    input(el).focus();
    await press(el, 'ArrowDown');
    const firstWindow = labels(el);
    for (let i = 0; i < 30; i++) await sendKeys({ press: 'ArrowDown' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    const active = activeOption(el)!;
    expect(active, 'the active option is rendered').to.exist;
    expect(Number(active.getAttribute('aria-posinset'))).to.be.greaterThan(40);
    expect(firstWindow).not.to.include(active.querySelector('[part~="option-label"]')!.textContent!.trim());
    const box = active.getBoundingClientRect();
    const view = $(el, '.scroller')!.getBoundingClientRect();
    expect(box.top).to.be.at.least(view.top - 1);
    expect(box.bottom).to.be.at.most(view.bottom + 1);
    expect(options(el).length).to.be.at.most(40);
    await press(el, 'End');
    expect(activeOption(el)!.getAttribute('aria-posinset')).to.equal(String(1 + 3 + 10_000));
  });

  it('filters 10,000 lines by three digits and selects with Enter', async () => {
    const el = await mountBig();
    const events = selections(el);
    const target = data.lines[7_777]!.lineNumber;
    await type(el, target.slice(3, 11));
    expect(labels(el)).to.include(formatted(target));
    input(el).value = '';
    await type(el, target);
    await press(el, 'Enter');
    expect(events.map((e) => e.lineNumber)).to.deep.equal([target]);
  });
});

describe('formatLineNumber', () => {
  for (const [digits, shown] of [
    ['09011110087', '090-1111-0087'],
    ['05012340001', '050-1234-0001'],
    ['02012345001', '020-1234-5001'],
    ['0355550101', '03-5555-0101'],
    ['0612345678', '06-1234-5678'],
    ['0451234567', '045-123-4567'],
    ['0120123401', '0120-123-401'],
    ['08001234567', '0800-123-4567'],
    ['12345', '12345'],
  ] as const) {
    it(`shows ${digits} as ${shown}`, () => expect(formatLineNumber(digits)).to.equal(shown));
  }
});

function formatted(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
}
