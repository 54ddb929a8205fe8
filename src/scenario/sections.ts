/**
 * The typed agreements, PADC figures, prior-year corrections and options,
 * from data the schema checked; left to check here: one agreement and one
 * PADC line per LEA, correction years before the effective fiscal year.
 */
import { formatFiscalYear } from '../core/fiscal-year.js';
import type { Dec } from '../runtime/money.js';
import { all } from './build.js';
import type { Ctx } from './context.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Agreement, CharterAda, Correction, DistrictAda, Padc } from './model.js';
import type { Rec } from './place.js';
import * as v from './values.js';

export function buildAgreements(ctx: Ctx, root: Rec): Agreement[] | undefined {
  const seen = new Map<string, number>();
  return all(
    root.records('agreements').map((rec) => {
      const district = v.text(rec, 'district');
      ctx.ref('district', district, rec.place, 'district');
      if (district !== undefined) {
        const line = seen.get(district);
        if (line !== undefined) {
          ctx.sink.error(C.duplicateAgreement, `${rec.field('district')}: district "${district}" already has an agreement (line ${line})`, rec.at('district'), { field: rec.field('district') });
          return undefined;
        }
        seen.set(district, rec.at('district').range.start.line);
      }
      const rate = v.rate(ctx.sink, rec, 'alternative_rate_per_ada');
      // without an alternative rate there is nothing to concur with
      const concurred = rec.has('district_concurred') ? rec.bool('district_concurred') : rec.has('alternative_rate_per_ada') ? undefined : false;
      const agreed = rec.bool('transfer_agreed');
      // Which years an agreement has effect in is law, decided by the rules (transfer.lcff), not by the loader.
      if (district === undefined || concurred === undefined) return undefined;
      if ((rec.has('alternative_rate_per_ada') && rate === undefined) || (rec.has('transfer_agreed') && agreed === undefined)) return undefined;
      return {
        district,
        ...(rate !== undefined ? { alternative_rate_per_ada: rate } : {}),
        district_concurred: concurred,
        ...(agreed !== undefined ? { transfer_agreed: agreed } : {}),
        source: rec.place.source(),
      };
    }),
  );
}

function adaList<K extends 'district' | 'charter'>(ctx: Ctx, owner: Rec, list: string, key: K): Array<Record<K, string> & { ada: Dec }> | undefined {
  const seen = new Set<string>();
  return all(
    owner.records(list).map((rec) => {
      const code = v.text(rec, key);
      ctx.ref(key, code, rec.place, key);
      if (code !== undefined && seen.has(code)) {
        ctx.sink.error(C.duplicatePadcEntry, `${rec.field(key)}: "${code}" appears twice in ${owner.field(list)}`, rec.at(key), { field: rec.field(key) });
        return undefined;
      }
      if (code !== undefined) seen.add(code);
      const ada = v.ada(ctx.sink, rec, 'ada');
      if (code === undefined || ada === undefined) return undefined;
      return { [key]: code, ada } as Record<K, string> & { ada: Dec };
    }),
  );
}

export function buildPadc(ctx: Ctx, root: Rec): Padc | undefined {
  const p = root.rec('padc');
  if (!p) return undefined;
  const coe = p.rec('attendance_coe');
  const jc = coe && v.ada(ctx.sink, coe, 'juvenile_court');
  const njc = coe && v.ada(ctx.sink, coe, 'non_juvenile_court');
  const dist = adaList(ctx, p, 'attendance_district_funded', 'district');
  const cc = adaList(ctx, p, 'attendance_coe_charter', 'charter');
  const cf = adaList(ctx, p, 'attendance_charter_funded', 'charter');
  if (jc === undefined || njc === undefined || dist === undefined || cc === undefined || cf === undefined) return undefined;
  return {
    attendance_coe: { juvenile_court: jc, non_juvenile_court: njc },
    attendance_district_funded: dist as DistrictAda[],
    ...(p.has('attendance_coe_charter') ? { attendance_coe_charter: cc as CharterAda[] } : {}),
    ...(p.has('attendance_charter_funded') ? { attendance_charter_funded: cf as CharterAda[] } : {}),
  };
}

export function buildCorrections(ctx: Ctx, root: Rec): Correction[] | undefined {
  return all(
    root.records('corrections').map((rec) => {
      const district = v.text(rec, 'district');
      ctx.ref('district', district, rec.place, 'district');
      let year = v.fiscalYear(ctx.sink, rec, 'fiscal_year');
      if (year !== undefined && ctx.fiscalYear !== undefined && year >= ctx.fiscalYear) {
        const message = `${rec.field('fiscal_year')}: a correction is for a prior fiscal year, before ${ctx.yearText()}; got ${formatFiscalYear(year)}`;
        // run as another year than written: the rules decide it is not a prior-year adjustment (applies: false)
        if (ctx.overridden) ctx.sink.warning(C.correctionNotPrior, `${message}; the run reports it as not a prior-year adjustment`, rec.at('fiscal_year'), { field: rec.field('fiscal_year') });
        else {
          ctx.sink.error(C.correctionNotPrior, message, rec.at('fiscal_year'), { field: rec.field('fiscal_year') });
          year = undefined;
        }
      }
      const ec = v.signedCount(ctx.sink, rec, 'enrollment_change');
      const uc = v.signedCount(ctx.sink, rec, 'unduplicated_change');
      const ac = v.ada(ctx.sink, rec, 'ada_change');
      const ref = v.text(rec, 'audit_reference');
      if (district === undefined || year === undefined || ec === undefined || uc === undefined || ref === undefined || (rec.has('ada_change') && ac === undefined)) return undefined;
      return { district, fiscal_year: year, enrollment_change: ec, unduplicated_change: uc, ...(ac ? { ada_change: ac } : {}), audit_reference: ref, source: rec.place.source() };
    }),
  );
}

/** Options: names and values the schema knows (each reaches the rules as a fact). */
export function buildOptions(root: Rec): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const o = root.rec('options');
  if (!root.has('options')) return out;
  if (!o) return undefined;
  for (const key of Object.keys(o.data)) {
    const value = o.str(key);
    if (value === undefined) return undefined;
    out.set(key, value);
  }
  return out;
}
