import { countOf } from '../shared/localize.js';
import { TOTAL_LABEL } from './total-labels.js';


/** English messages of `<wb-line-picker>`. */
export default {
  label: 'Line or company to view',
  hint: 'Type part of a line number (dashes optional) or a company name, or enter a full line number.',
  showList: 'Show lines and companies',
  listLabel: 'Lines and companies',
  view: 'View',
  total: TOTAL_LABEL.en,
  totalDetail: (lines: number, companies: number) =>
    `${countOf(lines, 'line')}, ${countOf(companies, 'company', 'companies')}`,
  companyDetail: (lines: number) => `Company total · ${countOf(lines, 'line')}`,
  matches: (lines: number, companies: number, total = false) => {
    if (lines === 0 && companies === 0) return total ? 'Total (all lines) matches.' : 'No lines match.';
    const l = countOf(lines, 'line');
    const c = countOf(companies, 'company', 'companies');
    const what = companies === 0 ? l : lines === 0 ? c : `${l} and ${c}`;
    return `${what} ${lines + companies === 1 ? 'matches' : 'match'}.`;
  },
  noMatch: (query: string) => `No line or company matches “${query}”.`,
  unknownNumber: (number: string) => `Line ${number} is not on this bill. Check the number, or pick from the list.`,
  chooseOne: 'Several lines match. Choose one from the list, or enter the full line number (10 or 11 digits).',
  noLines: 'No lines are billed on this account.',
  singleLine: (number: string, company: string, service: string) => `Your line: ${[number, company, service].filter(Boolean).join(' · ')}`,
  selected: (what: string) => `Showing ${what}.`,
};
