/**
 * The COE's inputs for its own LCFF entitlement (all optional): the number of
 * school districts, countywide ADA, prior years' AEG ADA and the EC 2575.1
 * condition. The schema checked their forms; here: decimal places and
 * history years before the effective fiscal year.
 */
import type { FiscalYear } from '../core/fiscal-year.js';
import type { Dec } from '../runtime/money.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx } from './context.js';
import type { CoeInputs } from './model.js';
import type { Rec } from './place.js';
import * as v from './values.js';

/** The COE's entitlement inputs, or undefined when one was given and could not be read (its problem is reported). */
export function coeInputs(ctx: Ctx, coe: Rec): CoeInputs | undefined {
  const out: CoeInputs = { aeg_ada_history: new Map() };
  let ok = true;
  if (coe.has('school_districts')) {
    const n = v.count(ctx.sink, coe, 'school_districts');
    if (n === undefined) ok = false;
    else out.school_districts = n;
  }
  if (coe.has('countywide_ada')) {
    const a = v.ada(ctx.sink, coe, 'countywide_ada');
    if (a === undefined) ok = false;
    else out.countywide_ada = a;
  }
  if (coe.has('funded_under_ec_2575d_2016_17')) {
    const b = coe.bool('funded_under_ec_2575d_2016_17');
    if (b === undefined) ok = false;
    else out.funded_under_ec_2575d_2016_17 = b;
  }
  if (coe.has('aeg_ada_history')) {
    const h = coe.rec('aeg_ada_history');
    if (!h) return undefined;
    for (const key of Object.keys(h.data)) {
      if (h.place.failed([key])) { ok = false; continue; }
      const y = v.fiscalYearText(ctx.sink, key, `${h.place.field()} key`, h.place.keyAt([key]));
      const a: Dec | undefined = v.ada(ctx.sink, h, key);
      if (y === undefined || a === undefined) { ok = false; continue; }
      if (ctx.fiscalYear !== undefined && y >= ctx.fiscalYear) {
        const message = `${h.place.field()}: AEG ADA year ${key} is not before ${ctx.yearText()}`;
        // as in history: run as another year than written, later years are not used, and that is said
        if (ctx.overridden) ctx.sink.warning(C.historyNotPrior, `${message}: not used`, h.place.keyAt([key]), { field: h.place.field([key]) });
        else { ctx.sink.error(C.historyNotPrior, message, h.place.keyAt([key]), { field: h.place.field([key]) }); ok = false; }
        continue;
      }
      out.aeg_ada_history.set(y as FiscalYear, a);
    }
  }
  return ok ? out : undefined;
}
