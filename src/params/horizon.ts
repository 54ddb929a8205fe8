/** The fiscal years a rule library holds law for, and the test of a year against them (no parser needed: the CLI's cache uses it). */
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.js';

export interface Horizon {
  first: FiscalYear;
  last: FiscalYear;
  /** Where the horizon was declared; undefined when derived from the files. */
  file?: string;
}

/** Why a fiscal year cannot be computed with a library, or undefined when the library covers it. */
export function outsideHorizon(horizon: Horizon, year: FiscalYear): string | undefined {
  if (year >= horizon.first && year <= horizon.last) return undefined;
  const covers = `the rule library covers ${formatFiscalYear(horizon.first)} through ${formatFiscalYear(horizon.last)}`;
  return year > horizon.last
    ? `${formatFiscalYear(year)} is past the library's last year of enacted law: ${covers}${horizon.file ? ` (${horizon.file})` : ''}`
    : `${formatFiscalYear(year)} is before the library's first year: ${covers}${horizon.file ? ` (${horizon.file})` : ''}`;
}
