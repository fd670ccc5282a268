/**
 * Compile-only checks (run by `tsc`, never executed): the tag map gives
 * `<wb-line-picker>`'s class and its typed properties, and `wb-line-selected`
 * listeners get the typed event.
 */
import type { WbLinePicker } from '../../components/line-picker/line-picker.js';
import type { WbLineSelectedEvent } from '../../components/shared/events.js';
import type {} from '../../components/line-picker/define.js';

export function typeChecks(): void {
  const picker = document.createElement('wb-line-picker');
  picker satisfies WbLinePicker;
  picker.lines = { companies: [{ id: 'docomo', name: { ja: 'NTTドコモ', en: 'NTT docomo' } }], lines: [] };
  picker.lineNumber satisfies string | undefined;
  picker.companyId satisfies string | undefined;
  // @ts-expect-error lines are a LinesResponse, not a list of numbers
  picker.lines = ['09011110087'];

  picker.addEventListener('wb-line-selected', (event) => {
    event satisfies WbLineSelectedEvent;
    event.lineNumber satisfies string | undefined;
    event.companyId satisfies string | undefined;
  });
}
