/**
 * "Total (all lines)" in each locale. The locale modules use it as their
 * `total`; the picker's filter finds the total option by either word
 * ("total" or "合計"), whichever locale is loaded.
 */
export const TOTAL_LABEL = { en: 'Total (all lines)', ja: '合計（全回線）' } as const;
