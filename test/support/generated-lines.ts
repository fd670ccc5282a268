/**
 * A large combined bill for the line picker's tests and benchmark: `count`
 * distinct mobile numbers (070/080/090, pseudo-random but deterministic)
 * spread over three companies.
 */
import type { LinesResponse } from '../../src/contract/types.js';

export function generatedLines(count: number, seed = 1): LinesResponse {
  const companies = [
    { id: 'docomo', name: { ja: 'NTTドコモ', en: 'NTT docomo' } },
    { id: 'ntt-east', name: { ja: 'NTT東日本', en: 'NTT East' } },
    { id: 'ntt-com', name: { ja: 'NTTコミュニケーションズ', en: 'NTT Communications' } },
  ];
  const services = [
    { ja: 'eximo', en: 'eximo' },
    { ja: 'ahamo', en: 'ahamo' },
    { ja: 'データプラン', en: 'Data plan' },
  ];
  const prefixes = ['090', '080', '070'];
  const seen = new Set<string>();
  const lines: LinesResponse['lines'] = [];
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  while (lines.length < count) {
    const lineNumber = prefixes[next() % 3]! + String(next() % 100_000_000).padStart(8, '0');
    if (seen.has(lineNumber)) continue;
    seen.add(lineNumber);
    const i = lines.length;
    lines.push({ lineNumber, companyId: companies[i % 3]!.id, service: services[i % 3]! });
  }
  return { companies, lines };
}
