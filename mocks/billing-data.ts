/**
 * Deterministic charges: the plan catalogue and the generator of a line's
 * items for a month. Every amount the backend answers (history, breakdowns,
 * summaries, monthly mails) is derived from these items, so they always add
 * up.
 *
 * Prices are tax-exclusive yen, modelled on published Japanese tariffs.
 * Consumption tax is 10% of the taxable items of a line, floored. The
 * universal service and telephone relay service fees are outside the scope
 * of consumption tax (不課税), as on real bills.
 *
 * @module
 */
import type { ChargeItem, CompanyCharges, Company, LocalizedText } from '../src/contract/types.js';
import { rngFor, type Rng } from './random.js';

/** The plans lines can be on. */
export type PlanId =
  | 'eximo'
  | 'ahamo'
  | 'irumo'
  | 'data-plan'
  | 'business-line'
  | 'hikari-office'
  | 'freedial'
  | 'ip-phone';

/** The communication companies of the demo data. */
export const COMPANIES = {
  'ntt-east': { id: 'ntt-east', name: { ja: 'NTT東日本', en: 'NTT East' } },
  docomo: { id: 'docomo', name: { ja: 'NTTドコモ', en: 'NTT docomo' } },
  'ntt-com': { id: 'ntt-com', name: { ja: 'NTTコミュニケーションズ', en: 'NTT Communications' } },
} as const satisfies Record<string, Company>;

/** A company id of the demo data. */
export type CompanyId = keyof typeof COMPANIES;

/** A line as the backend keeps it: the wire fields plus its plan. */
export interface ServiceLine {
  lineNumber: string;
  companyId: CompanyId;
  plan: PlanId;
}

/** Usage of a line in a month, for the billing summary. */
export interface LineUsage {
  callMinutes: number;
  dataGB: number;
  messages: number;
}

/** A line's charges for a month. */
export interface LineMonth {
  lineNumber: string;
  subtotal: number;
  items: ChargeItem[];
  usage: LineUsage;
}

/** An account's charges for a month, by company. */
export interface MonthCharges {
  month: string;
  companies: CompanyCharges[];
  total: number;
  taxTotal: number;
  usage: LineUsage & { lines: number };
  /** Sums of items by code family, for the summary's usage amounts. */
  amounts: { calls: number; data: number; messages: number; basic: number };
}

interface DraftItem {
  code: string;
  label: LocalizedText;
  kind: 'charge' | 'discount' | 'fee';
  amount: number;
  taxable: boolean;
}

interface PlanDef {
  service: LocalizedText;
  generate(rng: Rng): { items: DraftItem[]; usage: LineUsage };
}

const charge = (code: string, ja: string, en: string, amount: number): DraftItem => ({
  code,
  label: { ja, en },
  kind: 'charge',
  amount,
  taxable: true,
});
const discount = (code: string, ja: string, en: string, amount: number): DraftItem => ({
  code,
  label: { ja, en },
  kind: 'discount',
  amount: -Math.abs(amount),
  taxable: true,
});
const UNIVERSAL_FEE: DraftItem = {
  code: 'fee-universal',
  label: { ja: 'ユニバーサルサービス料', en: 'Universal service fee' },
  kind: 'fee',
  amount: 2,
  taxable: false,
};
const RELAY_FEE: DraftItem = {
  code: 'fee-relay',
  label: { ja: '電話リレーサービス料', en: 'Telephone relay service fee' },
  kind: 'fee',
  amount: 1,
  taxable: false,
};

/** 22 yen per 30 seconds of domestic calls from a mobile. */
const mobileCalls = (minutes: number): DraftItem => charge('call', '通話料', 'Call charges', minutes * 44);
/** 8 yen per 3 minutes of local calls from a fixed line. */
const fixedCalls = (minutes: number): DraftItem =>
  charge('call', '通話料（市内・県内）', 'Call charges (local)', Math.ceil(minutes / 3) * 8);
const sms = (count: number): DraftItem => charge('sms', 'SMS送信料', 'SMS charges', count * 3);

function mobileCommon(rng: Rng, items: DraftItem[], usage: LineUsage): void {
  if (usage.callMinutes > 0) items.push(mobileCalls(usage.callMinutes));
  if (usage.messages > 0) items.push(sms(usage.messages));
  if (rng.chance(0.6)) items.push(charge('option-voicemail', '留守番電話サービス', 'Voicemail service', 330));
  if (rng.chance(0.35)) items.push(charge('option-insurance', 'ケータイ補償サービス', 'Handset insurance', 825));
}

const PLANS: Record<PlanId, PlanDef> = {
  eximo: {
    service: { ja: '携帯電話（eximo）', en: 'Mobile (eximo)' },
    generate(rng) {
      const usage = { callMinutes: rng.int(0, 180), dataGB: rng.float(0.3, 9), messages: rng.int(0, 25) };
      const items = [charge('basic', '基本使用料（eximo）', 'Basic charge (eximo)', 4565)];
      const step = usage.dataGB <= 1 ? 0 : usage.dataGB <= 3 ? 1100 : 2750;
      if (step > 0) items.push(charge('data', 'パケット通信料（段階制）', 'Data charges (tiered)', step));
      mobileCommon(rng, items, usage);
      if (rng.chance(0.5)) items.push(discount('discount-family', 'みんなドコモ割', 'Family discount', 1100));
      if (rng.chance(0.4)) items.push(discount('discount-card', 'dカードお支払割', 'd Card payment discount', 187));
      items.push(UNIVERSAL_FEE, RELAY_FEE);
      return { items, usage };
    },
  },
  ahamo: {
    service: { ja: '携帯電話（ahamo）', en: 'Mobile (ahamo)' },
    generate(rng) {
      // ahamo includes 30 GB and calls of up to 5 minutes; only longer calls are charged.
      const usage = { callMinutes: rng.int(0, 60), dataGB: rng.float(2, 31), messages: rng.int(0, 15) };
      const items = [charge('basic', '基本使用料（ahamo）', 'Basic charge (ahamo)', 2700)];
      if (usage.dataGB > 30) items.push(charge('data', 'データ量追加（1GB）', 'Extra data (1 GB)', 500));
      mobileCommon(rng, items, { ...usage, callMinutes: Math.floor(usage.callMinutes / 4) });
      items.push(UNIVERSAL_FEE, RELAY_FEE);
      return { items, usage };
    },
  },
  irumo: {
    service: { ja: '携帯電話（irumo）', en: 'Mobile (irumo)' },
    generate(rng) {
      const usage = { callMinutes: rng.int(0, 120), dataGB: rng.float(0.2, 3), messages: rng.int(0, 20) };
      const items = [charge('basic', '基本使用料（irumo 3GB）', 'Basic charge (irumo 3 GB)', 1970)];
      if (rng.chance(0.2)) items.push(charge('data', 'パケット通信料（追加）', 'Data charges (extra)', 500));
      mobileCommon(rng, items, usage);
      if (rng.chance(0.4)) items.push(discount('discount-hikari', 'ドコモ光セット割', 'docomo Hikari bundle discount', 1000));
      items.push(UNIVERSAL_FEE, RELAY_FEE);
      return { items, usage };
    },
  },
  'data-plan': {
    service: { ja: 'データ通信専用（IoT）', en: 'Data only (IoT)' },
    generate(rng) {
      const usage = { callMinutes: 0, dataGB: rng.float(0.05, 3), messages: 0 };
      const items = [charge('basic', '基本使用料（データプラン）', 'Basic charge (data plan)', 980)];
      if (usage.dataGB > 1) {
        items.push(charge('data', 'パケット通信料（1GB超過分）', 'Data charges (over 1 GB)', Math.ceil(usage.dataGB - 1) * 500));
      }
      items.push(UNIVERSAL_FEE);
      return { items, usage };
    },
  },
  'business-line': {
    service: { ja: '加入電話（事務用）', en: 'Subscriber line (business)' },
    generate(rng) {
      const usage = { callMinutes: rng.int(30, 900), dataGB: 0, messages: 0 };
      const items = [
        charge('basic', '基本料（事務用・3級局）', 'Basic charge (business, class 3)', 2500),
        fixedCalls(usage.callMinutes),
      ];
      if (rng.chance(0.5)) items.push(charge('option-number-display', 'ナンバー・ディスプレイ', 'Caller ID', 1500));
      if (rng.chance(0.3)) items.push(charge('option-call-waiting', 'キャッチホン', 'Call waiting', 300));
      if (rng.chance(0.3)) items.push(discount('discount-telewise', 'テレワイズ（通話料割引）', 'Telewise call discount', Math.floor(items[1]!.amount * 0.1)));
      items.push(UNIVERSAL_FEE, RELAY_FEE);
      return { items, usage };
    },
  },
  'hikari-office': {
    service: { ja: 'ひかり電話オフィスタイプ', en: 'Hikari Denwa Office Type' },
    generate(rng) {
      const usage = { callMinutes: rng.int(20, 600), dataGB: 0, messages: 0 };
      const items = [charge('basic', '基本料（ひかり電話オフィスタイプ）', 'Basic charge (Hikari Denwa Office)', 1300)];
      if (usage.callMinutes > 0) items.push(fixedCalls(usage.callMinutes));
      if (rng.chance(0.4)) items.push(charge('option-voice-warp', 'ボイスワープ', 'Call forwarding', 500));
      if (rng.chance(0.5)) items.push(charge('option-number-display', 'ナンバー・ディスプレイ', 'Caller ID', 1200));
      items.push(UNIVERSAL_FEE, RELAY_FEE);
      return { items, usage };
    },
  },
  freedial: {
    service: { ja: 'フリーダイヤル', en: 'Freedial (toll-free)' },
    generate(rng) {
      const usage = { callMinutes: rng.int(50, 3000), dataGB: 0, messages: 0 };
      const calls = usage.callMinutes * 9;
      const items = [
        charge('basic', '基本料（フリーダイヤル）', 'Basic charge (Freedial)', 1000),
        charge('call', '着信通話料', 'Incoming call charges', calls),
      ];
      if (rng.chance(0.5)) items.push(charge('option-access-select', 'アクセスセレクト', 'Access Select', 400));
      if (calls > 10_000) items.push(discount('discount-volume', 'ボリュームディスカウント', 'Volume discount', Math.floor((calls - 10_000) * 0.1)));
      return { items, usage };
    },
  },
  'ip-phone': {
    service: { ja: '050 IP電話', en: '050 IP phone' },
    generate(rng) {
      const usage = { callMinutes: rng.int(10, 300), dataGB: 0, messages: 0 };
      const items = [charge('basic', '基本料（050 IP電話）', 'Basic charge (050 IP phone)', 300), fixedCalls(usage.callMinutes)];
      return { items, usage };
    },
  },
};

/** The wire `service` label of a plan. */
export function serviceOf(plan: PlanId): LocalizedText {
  return PLANS[plan].service;
}

const TAX_LABEL: LocalizedText = { ja: '消費税等（10%）', en: 'Consumption tax (10%)' };

/** A line's items for a month; the same inputs always give the same items. */
export function lineMonth(seed: number, accountId: string, line: ServiceLine, month: string): LineMonth {
  const rng = rngFor(seed, accountId, line.lineNumber, month);
  const { items: drafts, usage } = PLANS[line.plan].generate(rng);
  const taxable = drafts.filter((d) => d.taxable).reduce((sum, d) => sum + d.amount, 0);
  const items: ChargeItem[] = drafts.map(({ code, label, kind, amount }) => ({ code, label, kind, amount }));
  items.push({ code: 'tax', label: TAX_LABEL, kind: 'tax', amount: Math.floor(Math.max(0, taxable) * 0.1) });
  const subtotal = items.reduce((sum, i) => sum + i.amount, 0);
  return { lineNumber: line.lineNumber, subtotal, items, usage };
}

const CALL_CODES = new Set(['call']);
const DATA_CODES = new Set(['data']);
const MESSAGE_CODES = new Set(['sms']);

/** An account's charges for a month, by company in the account's order. */
export function monthCharges(
  seed: number,
  account: { id: string; companies: readonly Company[]; lines: readonly ServiceLine[] },
  month: string,
): MonthCharges {
  const usage = { callMinutes: 0, dataGB: 0, messages: 0, lines: account.lines.length };
  const amounts = { calls: 0, data: 0, messages: 0, basic: 0 };
  let taxTotal = 0;
  const companies: CompanyCharges[] = account.companies.map((company) => {
    const lines = account.lines
      .filter((l) => l.companyId === company.id)
      .map((l) => {
        const lm = lineMonth(seed, account.id, l, month);
        usage.callMinutes += lm.usage.callMinutes;
        usage.dataGB += lm.usage.dataGB;
        usage.messages += lm.usage.messages;
        for (const item of lm.items) {
          if (item.kind === 'tax') taxTotal += item.amount;
          else if (item.code === 'basic') amounts.basic += item.amount;
          else if (CALL_CODES.has(item.code)) amounts.calls += item.amount;
          else if (DATA_CODES.has(item.code)) amounts.data += item.amount;
          else if (MESSAGE_CODES.has(item.code)) amounts.messages += item.amount;
        }
        return { lineNumber: lm.lineNumber, subtotal: lm.subtotal, items: lm.items };
      });
    return {
      companyId: company.id,
      name: company.name,
      subtotal: lines.reduce((sum, l) => sum + l.subtotal, 0),
      lines,
    };
  });
  usage.dataGB = Math.round(usage.dataGB * 100) / 100;
  const total = companies.reduce((sum, c) => sum + c.subtotal, 0);
  return { month, companies, total, taxTotal, usage, amounts };
}
