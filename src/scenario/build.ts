/**
 * Builds the typed scenario sections (all but students) from the YAML
 * document, reporting every problem with its position.
 */
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import type { Dec } from '../runtime/money.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx } from './context.js';
import {
  AUTHORIZERS,
  KNOWN_OPTIONS,
  SCHOOL_KINDS,
  type Agreement,
  type Charter,
  type CharterAda,
  type CountPair,
  type Correction,
  type District,
  type DistrictAda,
  type Padc,
  type School,
  type SchoolOperator,
} from './model.js';
import * as v from './values.js';
import { suggest } from '../core/diagnostics.js';
import type { Fields, YNode } from './yaml-reader.js';
import type { At } from './values.js';

/** Reads a text field through a value check; undefined when absent or bad. */
function get<T>(f: Fields, name: string, check: (s: v.Sink, t: string, field: string, at: At) => T | undefined, sink: v.Sink): T | undefined {
  const t = f.text(name);
  return t === undefined ? undefined : check(sink, t, f.field(name), f.at(name));
}

function counts(ctx: Ctx, f: Fields): CountPair | undefined {
  const enrollment = get(f, 'enrollment', v.count, ctx.sink);
  const unduplicated = get(f, 'unduplicated', v.count, ctx.sink);
  if (enrollment === undefined || unduplicated === undefined) return undefined;
  if (unduplicated > enrollment) {
    ctx.sink.error(
      C.unduplicatedOverEnrollment,
      `${f.field('unduplicated')}: the unduplicated count (${unduplicated}) cannot exceed enrollment (${enrollment})`,
      f.at('unduplicated'),
      { field: f.field('unduplicated') },
    );
    return undefined;
  }
  return { enrollment, unduplicated };
}

export function declareLea(ctx: Ctx, code: string | undefined, field: string, at: At): void {
  if (code === undefined) return;
  const prior = ctx.leaCds.get(code);
  if (prior) {
    ctx.sink.error(C.duplicateCds, `${field}: CDS code "${code}" is already declared at ${prior.field} (line ${prior.at.range.start.line})`, at, { field });
    return;
  }
  ctx.leaCds.set(code, { at, field });
}

export function history(ctx: Ctx, node: YNode, field: string, at: At): Map<FiscalYear, CountPair> | undefined {
  const out = new Map<FiscalYear, CountPair>();
  let ok = true;
  for (const p of ctx.r.pairs(node, field, at)) {
    const y = v.fiscalYear(ctx.sink, p.key, `${field} key`, p.keyAt);
    const sub = ctx.r.fields(p.value, `${field}.${p.key}`, p.valueAt, { required: ['enrollment', 'unduplicated'], optional: [] });
    const c = sub && counts(ctx, sub);
    if (y === undefined || c === undefined) {
      ok = false;
      continue;
    }
    if (ctx.fiscalYear !== undefined && y >= ctx.fiscalYear) {
      ctx.sink.error(
        C.historyNotPrior,
        `${field}: history year ${p.key} is not before the scenario's fiscal year ${formatFiscalYear(ctx.fiscalYear)}`,
        p.keyAt,
        { field },
      );
      ok = false;
      continue;
    }
    out.set(y, c);
  }
  return ok ? out : undefined;
}

export function buildDistricts(ctx: Ctx, node: YNode, at: At): District[] | undefined {
  const out: District[] = [];
  let ok = true;
  for (const it of ctx.r.items(node, 'districts', at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, { required: ['cds', 'name', 'enrollment', 'unduplicated'], optional: ['history'] });
    if (!f) { ok = false; continue; }
    const code = get(f, 'cds', v.cds, ctx.sink);
    declareLea(ctx, code, f.field('cds'), f.at('cds'));
    if (code !== undefined) ctx.districts.add(code);
    const name = get(f, 'name', v.nonEmpty, ctx.sink);
    const c = counts(ctx, f);
    const h = f.has('history') ? history(ctx, f.node('history'), f.field('history'), f.at('history')) : new Map<FiscalYear, CountPair>();
    if (code === undefined || name === undefined || c === undefined || h === undefined) { ok = false; continue; }
    out.push({ cds: code, name, ...c, history: h, source: ctx.source(it.at) });
  }
  return ok ? out : undefined;
}

export function buildCharters(ctx: Ctx, node: YNode, at: At): Charter[] | undefined {
  const out: Charter[] = [];
  let ok = true;
  for (const it of ctx.r.items(node, 'charters', at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, {
      required: ['cds', 'name', 'authorizer', 'enrollment', 'unduplicated'],
      optional: ['history', 'district'],
    });
    if (!f) { ok = false; continue; }
    const code = get(f, 'cds', v.cds, ctx.sink);
    declareLea(ctx, code, f.field('cds'), f.at('cds'));
    if (code !== undefined) ctx.charters.add(code);
    const name = get(f, 'name', v.nonEmpty, ctx.sink);
    const authorizer = get(f, 'authorizer', (s, t, fl, a) => v.enumValue(s, t, AUTHORIZERS, fl, a), ctx.sink);
    const c = counts(ctx, f);
    const h = f.has('history') ? history(ctx, f.node('history'), f.field('history'), f.at('history')) : undefined;
    const district = f.has('district') ? get(f, 'district', v.cds, ctx.sink) : undefined;
    ctx.ref('district', district, f.field('district'), f.at('district'));
    if (code === undefined || name === undefined || authorizer === undefined || c === undefined) { ok = false; continue; }
    if ((f.has('history') && h === undefined) || (f.has('district') && district === undefined)) { ok = false; continue; }
    out.push({ cds: code, name, authorizer, ...c, ...(h ? { history: h } : {}), ...(district ? { district } : {}), source: ctx.source(it.at) });
  }
  return ok ? out : undefined;
}

function operator(ctx: Ctx, text: string, field: string, at: At): SchoolOperator | undefined {
  const t = text.trim();
  if (t === 'coe') return { kind: 'coe' };
  const m = /^charter\s*:\s*(.*)$/.exec(t);
  if (m) {
    const code = v.cds(ctx.sink, m[1], field, at);
    if (code === undefined) return undefined;
    ctx.ref('charter', code, field, at);
    return { kind: 'charter', cds: code };
  }
  const did = suggest(t, ['coe', 'charter:']);
  ctx.sink.error(C.badOperator, `${field}: an operator is "coe" or "charter:<7-digit cds>"; got ${v.show(text)}${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}`, at, { field });
  return undefined;
}

export function buildSchools(ctx: Ctx, node: YNode, at: At): School[] | undefined {
  const out: School[] = [];
  let ok = true;
  for (const it of ctx.r.items(node, 'schools', at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, { required: ['code', 'name', 'operator', 'kind'], optional: [] });
    if (!f) { ok = false; continue; }
    const code = get(f, 'code', v.schoolCode, ctx.sink);
    if (code !== undefined) {
      const prior = ctx.schools.get(code);
      if (prior) {
        ctx.sink.error(C.duplicateSchool, `${f.field('code')}: school "${code}" is already declared at ${prior.field} (line ${prior.at.range.start.line})`, f.at('code'), { field: f.field('code') });
      } else ctx.schools.set(code, { at: f.at('code'), field: f.field('code') });
    }
    const name = get(f, 'name', v.nonEmpty, ctx.sink);
    const op = get(f, 'operator', (_s, t, fl, a) => operator(ctx, t, fl, a), ctx.sink);
    const kind = get(f, 'kind', (s, t, fl, a) => v.enumValue(s, t, SCHOOL_KINDS, fl, a), ctx.sink);
    if (code === undefined || name === undefined || op === undefined || kind === undefined) { ok = false; continue; }
    out.push({ code, name, operator: op, kind, source: ctx.source(it.at) });
  }
  return ok ? out : undefined;
}


export function buildAgreements(ctx: Ctx, node: YNode, at: At): Agreement[] | undefined {
  const out: Agreement[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  for (const it of ctx.r.items(node, 'agreements', at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, {
      required: ['district'],
      optional: ['alternative_rate_per_ada', 'district_concurred', 'transfer_agreed'],
    });
    if (!f) { ok = false; continue; }
    const district = get(f, 'district', v.cds, ctx.sink);
    ctx.ref('district', district, f.field('district'), f.at('district'));
    if (district !== undefined) {
      const line = seen.get(district);
      if (line !== undefined) {
        ctx.sink.error(C.duplicateAgreement, `${f.field('district')}: district "${district}" already has an agreement (line ${line})`, f.at('district'), { field: f.field('district') });
        ok = false;
      } else seen.set(district, f.at('district').range.start.line);
    }
    const hasRate = f.has('alternative_rate_per_ada');
    const rate = hasRate ? get(f, 'alternative_rate_per_ada', v.rate, ctx.sink) : undefined;
    const concurred = f.has('district_concurred') ? f.bool('district_concurred') : hasRate ? undefined : false;
    if (hasRate && !f.has('district_concurred')) {
      ctx.sink.error(C.missingKey, `${f.field('district_concurred')}: an alternative rate needs "district_concurred: true|false" (EC 2576 requires the district's concurrence)`, f.at('alternative_rate_per_ada'), { field: f.field('district_concurred') });
    }
    const agreed = f.has('transfer_agreed') ? f.bool('transfer_agreed') : undefined;
    if (!hasRate && !f.has('transfer_agreed')) {
      ctx.sink.error(C.agreementEmpty, `${it.field}: an agreement states "alternative_rate_per_ada" (2019-20 onward) or "transfer_agreed" (2014-15 … 2018-19)`, it.at, { field: it.field });
      ok = false;
    }
    // Which years an agreement has effect in is law, decided by the rules (transfer.lcff), not by the loader.
    if (district === undefined || (hasRate && rate === undefined) || concurred === undefined || (f.has('transfer_agreed') && agreed === undefined)) { ok = false; continue; }
    out.push({
      district,
      ...(rate !== undefined ? { alternative_rate_per_ada: rate } : {}),
      district_concurred: concurred,
      ...(agreed !== undefined ? { transfer_agreed: agreed } : {}),
      source: ctx.source(it.at),
    });
  }
  return ok ? out : undefined;
}

function adaList<K extends 'district' | 'charter'>(ctx: Ctx, node: YNode, field: string, at: At, key: K): Array<Record<K, string> & { ada: Dec }> | undefined {
  const out: Array<Record<K, string> & { ada: Dec }> = [];
  const seen = new Set<string>();
  let ok = true;
  for (const it of ctx.r.items(node, field, at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, { required: [key, 'ada'], optional: [] });
    if (!f) { ok = false; continue; }
    const code = get(f, key, v.cds, ctx.sink);
    ctx.ref(key, code, f.field(key), f.at(key));
    if (code !== undefined && seen.has(code)) {
      ctx.sink.error(C.duplicatePadcEntry, `${f.field(key)}: "${code}" appears twice in ${field}`, f.at(key), { field: f.field(key) });
      ok = false;
    }
    if (code !== undefined) seen.add(code);
    const a = get(f, 'ada', v.ada, ctx.sink);
    if (code === undefined || a === undefined) { ok = false; continue; }
    out.push({ [key]: code, ada: a } as Record<K, string> & { ada: Dec });
  }
  return ok ? out : undefined;
}

export function buildPadc(ctx: Ctx, node: YNode, at: At): Padc | undefined {
  const f = ctx.r.fields(node, 'padc', at, {
    required: ['attendance_coe', 'attendance_district_funded'],
    optional: ['attendance_coe_charter', 'attendance_charter_funded'],
  });
  if (!f) return undefined;
  const coeF = f.has('attendance_coe')
    ? ctx.r.fields(f.node('attendance_coe'), f.field('attendance_coe'), f.at('attendance_coe'), { required: ['juvenile_court', 'non_juvenile_court'], optional: [] })
    : undefined;
  const jc = coeF && get(coeF, 'juvenile_court', v.ada, ctx.sink);
  const njc = coeF && get(coeF, 'non_juvenile_court', v.ada, ctx.sink);
  const dist = f.has('attendance_district_funded') ? adaList(ctx, f.node('attendance_district_funded'), f.field('attendance_district_funded'), f.at('attendance_district_funded'), 'district') : undefined;
  const cc = f.has('attendance_coe_charter') ? adaList(ctx, f.node('attendance_coe_charter'), f.field('attendance_coe_charter'), f.at('attendance_coe_charter'), 'charter') : undefined;
  const cf = f.has('attendance_charter_funded') ? adaList(ctx, f.node('attendance_charter_funded'), f.field('attendance_charter_funded'), f.at('attendance_charter_funded'), 'charter') : undefined;
  if (jc === undefined || njc === undefined || dist === undefined) return undefined;
  if ((f.has('attendance_coe_charter') && !cc) || (f.has('attendance_charter_funded') && !cf)) return undefined;
  return {
    attendance_coe: { juvenile_court: jc, non_juvenile_court: njc },
    attendance_district_funded: dist as DistrictAda[],
    ...(cc ? { attendance_coe_charter: cc as CharterAda[] } : {}),
    ...(cf ? { attendance_charter_funded: cf as CharterAda[] } : {}),
  };
}

export function buildCorrections(ctx: Ctx, node: YNode, at: At): Correction[] | undefined {
  const out: Correction[] = [];
  let ok = true;
  for (const it of ctx.r.items(node, 'corrections', at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, {
      required: ['district', 'fiscal_year', 'enrollment_change', 'unduplicated_change', 'audit_reference'],
      optional: ['ada_change'],
    });
    if (!f) { ok = false; continue; }
    const district = get(f, 'district', v.cds, ctx.sink);
    ctx.ref('district', district, f.field('district'), f.at('district'));
    let year = get(f, 'fiscal_year', v.fiscalYear, ctx.sink);
    if (year !== undefined && ctx.fiscalYear !== undefined && year >= ctx.fiscalYear) {
      ctx.sink.error(C.correctionNotPrior, `${f.field('fiscal_year')}: a correction is for a prior fiscal year, before ${formatFiscalYear(ctx.fiscalYear)}; got ${formatFiscalYear(year)}`, f.at('fiscal_year'), { field: f.field('fiscal_year') });
      year = undefined;
    }
    const ec = get(f, 'enrollment_change', v.signedCount, ctx.sink);
    const uc = get(f, 'unduplicated_change', v.signedCount, ctx.sink);
    const ac = f.has('ada_change') ? get(f, 'ada_change', (s, t, fl, a) => v.ada(s, t, fl, a, true), ctx.sink) : undefined;
    const ref = get(f, 'audit_reference', v.nonEmpty, ctx.sink);
    if (district === undefined || year === undefined || ec === undefined || uc === undefined || ref === undefined || (f.has('ada_change') && ac === undefined)) { ok = false; continue; }
    out.push({ district, fiscal_year: year, enrollment_change: ec, unduplicated_change: uc, ...(ac ? { ada_change: ac } : {}), audit_reference: ref, source: ctx.source(it.at) });
  }
  return ok ? out : undefined;
}

export function buildOptions(ctx: Ctx, node: YNode, at: At): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let ok = true;
  const names = Object.keys(KNOWN_OPTIONS);
  for (const p of ctx.r.pairs(node, 'options', at)) {
    const spec = KNOWN_OPTIONS[p.key];
    if (!spec) {
      const did = suggest(p.key, names);
      ctx.sink.error(C.unknownOption, `options: unknown option "${p.key}"${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}; known: ${names.join(', ')}`, p.keyAt, { field: `options.${p.key}`, suggestions: did });
      ok = false;
      continue;
    }
    const text = ctx.r.text(p.value, `options.${p.key}`, p.valueAt);
    if (text === undefined) { ok = false; continue; }
    if (!spec.values.includes(text)) {
      ctx.sink.error(C.badOptionValue, `options.${p.key}: ${v.show(text)} is not one of ${spec.values.join(', ')}`, p.valueAt, { field: `options.${p.key}` });
      ok = false;
      continue;
    }
    out.set(p.key, text);
  }
  return ok ? out : undefined;
}
