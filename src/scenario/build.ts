/**
 * The typed LEAs and schools of a scenario, from data the schema checked:
 * what is left to check here is what a schema cannot say — codes unique
 * across LEAs, unduplicated counts within enrollment, history years before
 * the effective fiscal year.
 */
import type { FiscalYear } from '../core/fiscal-year.js';
import { excerpt } from '../core/safe-text.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx } from './context.js';
import type { Authorizer, Charter, CountPair, District, School, SchoolOperator } from './model.js';
import type { Rec } from './place.js';
import * as v from './values.js';

/** Every item converted, or undefined when one was not (its problem is reported). */
export function all<T>(items: Array<T | undefined>): T[] | undefined {
  return items.every((x) => x !== undefined) ? (items as T[]) : undefined;
}

/** "Hayward Unified (0161119)": how messages name an LEA. */
export function leaLabel(rec: Rec): string {
  const name = v.text(rec, 'name');
  const cds = v.text(rec, 'cds');
  return [name ? excerpt(name, 40) : undefined, cds ? `(${cds})` : undefined].filter(Boolean).join(' ') || rec.place.field();
}

/** Enrollment and unduplicated count of one year: the unduplicated pupils are some of the enrolled ones. */
export function counts(ctx: Ctx, rec: Rec, who: string): CountPair | undefined {
  const enrollment = v.count(ctx.sink, rec, 'enrollment');
  const unduplicated = v.count(ctx.sink, rec, 'unduplicated');
  if (enrollment === undefined || unduplicated === undefined) return undefined;
  if (unduplicated > enrollment) {
    ctx.sink.error(
      C.unduplicatedOverEnrollment,
      `${rec.field('unduplicated')}: ${who}: the unduplicated count (${unduplicated}) cannot exceed the enrollment (${enrollment})`,
      rec.at('unduplicated'),
      { field: rec.field('unduplicated') },
    );
    return undefined;
  }
  return { enrollment, unduplicated };
}

export function declareLea(ctx: Ctx, code: string | undefined, rec: Rec, key: string): void {
  if (code === undefined) return;
  const prior = ctx.leaCds.get(code);
  if (prior) {
    ctx.sink.error(C.duplicateCds, `${rec.field(key)}: CDS code "${code}" is already declared at ${prior.field} (line ${prior.at.range.start.line})`, rec.at(key), { field: rec.field(key) });
    return;
  }
  ctx.leaCds.set(code, { at: rec.at(key), field: rec.field(key) });
}

/** Prior years' counts (start year → counts), every year before the effective fiscal year. */
export function history(ctx: Ctx, owner: Rec, who: string): Map<FiscalYear, CountPair> | undefined {
  const out = new Map<FiscalYear, CountPair>();
  const h = owner.rec('history');
  if (!owner.has('history')) return out;
  if (!h) return undefined;
  let ok = true;
  for (const key of Object.keys(h.data)) {
    if (h.place.failed([key])) { ok = false; continue; }
    const y = v.fiscalYearText(ctx.sink, key, `${h.place.field()} key`, h.place.keyAt([key]));
    const year = h.rec(key);
    const c = year && counts(ctx, year, `${who} in ${key}`);
    if (y === undefined || c === undefined) { ok = false; continue; }
    if (ctx.fiscalYear !== undefined && y >= ctx.fiscalYear) {
      const message = `${h.place.field()}: history year ${key} is not before ${ctx.yearText()}`;
      // run as another year than written, later history is not used (the rolling UPP reads only prior years); said, never silent
      if (ctx.overridden) ctx.sink.warning(C.historyNotPrior, `${message}: not used`, h.place.keyAt([key]), { field: h.place.field([key]) });
      else {
        ctx.sink.error(C.historyNotPrior, message, h.place.keyAt([key]), { field: h.place.field([key]) });
        ok = false;
      }
      continue;
    }
    out.set(y, c);
  }
  return ok ? out : undefined;
}

export function buildDistricts(ctx: Ctx, root: Rec): District[] | undefined {
  return all(
    root.records('districts').map((rec) => {
      const code = v.text(rec, 'cds');
      declareLea(ctx, code, rec, 'cds');
      if (code !== undefined) ctx.districts.add(code);
      const name = v.text(rec, 'name');
      const who = leaLabel(rec);
      const c = counts(ctx, rec, who);
      const h = history(ctx, rec, who);
      if (code === undefined || name === undefined || c === undefined || h === undefined) return undefined;
      return { cds: code, name, ...c, history: h, source: rec.place.source() };
    }),
  );
}

export function buildCharters(ctx: Ctx, root: Rec): Charter[] | undefined {
  return all(
    root.records('charters').map((rec) => {
      const code = v.text(rec, 'cds');
      declareLea(ctx, code, rec, 'cds');
      if (code !== undefined) ctx.charters.add(code);
      const name = v.text(rec, 'name');
      const authorizer = rec.str('authorizer') as Authorizer | undefined;
      const who = leaLabel(rec);
      const c = counts(ctx, rec, who);
      const h = history(ctx, rec, who);
      const district = v.text(rec, 'district');
      ctx.ref('district', district, rec.place, 'district');
      if (code === undefined || name === undefined || authorizer === undefined || c === undefined || h === undefined) return undefined;
      if (rec.has('district') && district === undefined) return undefined;
      return { cds: code, name, authorizer, ...c, ...(rec.has('history') ? { history: h } : {}), ...(district ? { district } : {}), source: rec.place.source() };
    }),
  );
}

function operator(ctx: Ctx, rec: Rec): SchoolOperator | undefined {
  const t = rec.str('operator');
  if (t === undefined) return undefined;
  if (t === 'coe') return { kind: 'coe' };
  const code = t.replace(/^charter\s*:\s*/, '');
  ctx.ref('charter', code, rec.place, 'operator');
  return { kind: 'charter', cds: code };
}

export function buildSchools(ctx: Ctx, root: Rec): School[] | undefined {
  return all(
    root.records('schools').map((rec) => {
      const code = v.text(rec, 'code');
      if (code !== undefined) {
        const prior = ctx.schools.get(code);
        if (prior) {
          ctx.sink.error(C.duplicateSchool, `${rec.field('code')}: school "${code}" is already declared at ${prior.field} (line ${prior.at.range.start.line})`, rec.at('code'), { field: rec.field('code') });
        } else ctx.schools.set(code, { at: rec.at('code'), field: rec.field('code') });
      }
      const name = v.text(rec, 'name');
      const op = operator(ctx, rec);
      const kind = rec.str('kind');
      if (code === undefined || name === undefined || op === undefined || kind === undefined) return undefined;
      return { code, name, operator: op, kind, source: rec.place.source() };
    }),
  );
}
