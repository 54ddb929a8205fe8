/** `--year` and other fiscal-year arguments: parsed, and checked against the library's horizon (usage errors, exit 2). */
import { parseFiscalYear } from '../core/fiscal-year.js';
import { outsideHorizon, type Horizon } from '../params/horizon.js';
import { UserError } from './errors.js';

export function yearOption(text: string, what = '--year'): number {
  const y = parseFiscalYear(text);
  if (y === undefined) throw new UserError(`${what}: "${text}" is not a fiscal year like 2019-20 (two consecutive years)`);
  return y;
}

/** A fiscal year the library holds law for; any other is a usage error (exit 2) saying which years it covers. */
export function yearInHorizon(horizon: Horizon, year: number, what = '--year'): number {
  const why = outsideHorizon(horizon, year);
  if (why) throw new UserError(`${what}: ${why}${year > horizon.last ? '; a later year is computed only as a projection with stated assumptions (lcff project, docs/projections.md)' : ''}`, 2);
  return year;
}
