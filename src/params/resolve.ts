/**
 * Resolution: checks breakdown members against the rule language's enums,
 * computes derived values (prior value × (1 + step) …, each step rounded),
 * checks them against published figures, and builds the fiscal-year table
 * (a value holds until the next key).
 */
import { suggest, type Diagnostic, type SourceRange } from '../core/diagnostics.js';
import { formatFiscalYear, keyInForce, type FiscalYear } from '../core/fiscal-year.js';
import { ONE, roundTo, type Dec } from '../runtime/money.js';
import { ParamCodes as C } from './diagnostic-codes.js';
import type { DeriveSpec, ParamEntry, Parameter, ParamStatus, ParamValue, ResolvedValue } from './model.js';
import { formatUnitValue } from './units.js';

/** Per entry: its resolved value; `gap` = explicitly unknown; `failed` = an error was (or will be) reported. */
interface Slot {
  state: 'pending' | 'visiting' | 'done';
  rv?: ResolvedValue;
  gap?: boolean;
  failed?: boolean;
}

/** The resolved parameters of a library: what is in force in each fiscal year. */
export class ParameterTable {
  constructor(
    private readonly params: ReadonlyMap<string, Parameter>,
    private readonly slots: ReadonlyMap<string, readonly Slot[]>,
  ) {}

  get(name: string): Parameter | undefined {
    return this.params.get(name);
  }

  names(): string[] {
    return [...this.params.keys()];
  }

  /** The value in force in `fiscalYear` (the entry with the greatest key ≤ year); undefined before the first key, in an `unknown` period, or when the entry in force is in error. */
  valueInForce(name: string, fiscalYear: FiscalYear): ResolvedValue | undefined {
    const p = this.params.get(name);
    const slots = this.slots.get(name);
    if (!p || !slots) return undefined;
    const i = entryIndexInForce(p, fiscalYear);
    return i === undefined ? undefined : slots[i]?.rv;
  }

  /** True when the entry in force in `fiscalYear` is `value: unknown`: the law set a value the library does not have (a run may supply it). */
  isUnknownIn(name: string, fiscalYear: FiscalYear): boolean {
    const p = this.params.get(name);
    const i = p ? entryIndexInForce(p, fiscalYear) : undefined;
    return i !== undefined && this.slots.get(name)?.[i]?.gap === true;
  }

  /** Every resolved value of a parameter, in year order (unknown and failed entries left out). */
  entries(name: string): ResolvedValue[] {
    return (this.slots.get(name) ?? []).flatMap((s) => (s.rv ? [s.rv] : []));
  }

  /** Key years of `name` from which no value is in force (`value: unknown`). */
  unknownFrom(name: string): FiscalYear[] {
    const p = this.params.get(name);
    const slots = this.slots.get(name) ?? [];
    return p ? p.values.filter((_, i) => slots[i]?.gap).map((e) => e.year) : [];
  }
}

function entryIndexInForce(p: Parameter, year: FiscalYear): number | undefined {
  const key = keyInForce(
    p.values.map((e) => e.year),
    year,
  );
  if (key === undefined) return undefined;
  const i = p.values.findIndex((e) => e.year === key);
  return i < 0 ? undefined : i;
}

export interface ResolveOptions {
  /** Members of each enum of the rule language (e.g. grade_span → k3, g4_6, g7_8, g9_12); checks `by` breakdowns. */
  enumMembers?: Map<string, string[]>;
}

class Resolver {
  readonly diagnostics: Diagnostic[] = [];
  readonly params = new Map<string, Parameter>();
  readonly slots = new Map<string, Slot[]>();

  report(code: string, file: string, range: SourceRange, message: string, extra?: Partial<Diagnostic>): void {
    this.diagnostics.push({ code, severity: code.includes('-W') ? 'warning' : 'error', message, file, range, ...extra });
  }

  add(list: Parameter[]): void {
    for (const p of list) {
      const first = this.params.get(p.name);
      if (first) {
        this.report(C.duplicateParameter, p.file, p.range, `parameter '${p.name}' is already defined in ${first.file}:${first.range.start.line}`, {
          related: [{ file: first.file, range: first.range, message: `'${p.name}' first defined here` }],
        });
        continue;
      }
      this.params.set(p.name, p);
      this.slots.set(
        p.name,
        p.values.map((e) => (e.invalid ? { state: 'done', failed: true } : e.unknown ? { state: 'done', gap: true } : { state: 'pending' })),
      );
    }
  }

  checkMembers(enumMembers: Map<string, string[]> | undefined): void {
    for (const p of this.params.values()) {
      if (!p.by) continue;
      let members = enumMembers?.get(p.by);
      if (enumMembers && !members) {
        const s = suggest(p.by, enumMembers.keys());
        this.report(C.unknownEnum, p.file, p.byRange ?? p.range, `'${p.name}' is broken down by '${p.by}', which is not an enum of the rules${s.length ? ` (did you mean ${s.map((x) => `'${x}'`).join(' or ')}?)` : ''}`, { data: { suggestions: s } });
        continue;
      }
      if (!members) {
        // No enum information: hold every breakdown to the members used anywhere in the parameter.
        const all = new Set<string>();
        for (const e of p.values) if (e.value instanceof Map) for (const k of e.value.keys()) all.add(k);
        members = [...all];
      } else {
        for (const e of p.values) {
          for (const ranges of [e.memberRanges, e.publishedRanges instanceof Map ? e.publishedRanges : undefined]) {
            for (const [k, r] of ranges ?? []) {
              if (members.includes(k)) continue;
              const s = suggest(k, members);
              this.report(C.notMember, e.file ?? p.file, r, `'${k}' is not a member of ${p.by} (members: ${members.join(', ')})${s.length ? `; did you mean ${s.map((x) => `'${x}'`).join(' or ')}?` : ''}`, { data: { suggestions: s } });
            }
          }
        }
      }
      for (const e of p.values) {
        if (!(e.value instanceof Map) || e.invalid) continue;
        const missing = members.filter((m) => !(e.value as Map<string, Dec>).has(m));
        if (missing.length) this.report(C.missingMember, e.file ?? p.file, e.range, `${p.name} ${formatFiscalYear(e.year)} lacks ${p.by} member(s) ${missing.join(', ')}`);
      }
    }
  }

  resolveAll(): void {
    for (const p of this.params.values()) p.values.forEach((_, i) => this.resolveAt(p, i));
  }

  /** Resolves entry i of p; returns its slot (a `visiting` slot signals a cycle). */
  resolveAt(p: Parameter, i: number): Slot {
    const slot = this.slots.get(p.name)![i];
    if (slot.state !== 'pending') return slot;
    slot.state = 'visiting';
    const e = p.values[i];
    const base = { param: p.name, year: e.year, unit: p.unit, cite: e.cite ?? p.cite ?? '', status: e.status, note: e.note, file: e.file ?? p.file, range: e.range, ...(e.projected ? { projected: true } : {}) };
    if (e.value !== undefined && !e.derive) {
      slot.rv = { ...base, value: e.value, text: e.text, derived: false, ...(e.userSupplied ? { userSupplied: true } : {}), ...(e.fromUserSupplied ? { fromUserSupplied: true } : {}) };
    } else if (e.derive) {
      const value = this.derive(p, i, e, e.derive);
      if (value) slot.rv = { ...base, value: value.value, derived: true, status: e.status, ...(value.fromUser ? { fromUserSupplied: true } : {}) };
      else slot.failed = true;
    } else slot.failed = true;
    slot.state = 'done';
    return slot;
  }

  derive(p: Parameter, i: number, e: ParamEntry, d: DeriveSpec): { value: ParamValue; fromUser: boolean } | undefined {
    const where = `${p.name} ${formatFiscalYear(e.year)}`;
    if (i === 0) {
      this.report(C.deriveFromNothing, e.file ?? p.file, d.range, `${where} is derived, but it is the first value of '${p.name}': give a value to derive from`);
      return undefined;
    }
    const priorEntry = p.values[i - 1];
    const prior = this.resolveAt(p, i - 1);
    if (prior.gap) {
      this.report(C.deriveFromNothing, e.file ?? p.file, d.range, `${where} is derived from ${formatFiscalYear(priorEntry.year)}, which has no value (unknown)`);
      return undefined;
    }
    if (!prior.rv) return undefined; // already reported
    const inputs: ParamStatus[] = [prior.rv.status];
    const fromUser = (rv: ResolvedValue): boolean => rv.userSupplied === true || rv.fromUserSupplied === true;
    let user = fromUser(prior.rv);
    const steps: Dec[] = [];
    let ok = true;
    for (const s of d.growBy) {
      if (s.kind === 'literal') {
        steps.push(s.value);
        continue;
      }
      const q = this.params.get(s.name);
      if (!q) {
        const sug = suggest(s.name, this.params.keys());
        this.report(C.unknownStepParam, e.file ?? p.file, s.range, `${where}: no parameter named '${s.name}'${sug.length ? ` (did you mean ${sug.map((x) => `'${x}'`).join(' or ')}?)` : ''}`, { data: { suggestions: sug } });
        ok = false;
        continue;
      }
      if (q.unit !== 'percent' || q.by) {
        this.report(C.stepNotPercent, e.file ?? p.file, s.range, `${where}: grow_by step '${s.name}' must be a single percent, but it is ${q.by ? `broken down by ${q.by}` : `in ${q.unit}`}`);
        ok = false;
        continue;
      }
      const k = entryIndexInForce(q, e.year);
      const slot = k === undefined ? undefined : this.resolveAt(q, k);
      if (slot?.state === 'visiting') {
        this.report(C.stepNoValue, e.file ?? p.file, s.range, `${where}: '${s.name}' depends on ${p.name} itself (a derivation cycle)`);
        ok = false;
        continue;
      }
      if (!slot || slot.gap) {
        this.report(C.stepNoValue, e.file ?? p.file, s.range, `${where}: '${s.name}' has no value in force in ${formatFiscalYear(e.year)}`, {
          related: [{ file: q.file, range: q.range, message: `'${s.name}' is defined here` }],
        });
        ok = false;
        continue;
      }
      if (!slot.rv) {
        ok = false; // its own error is reported
        continue;
      }
      steps.push(slot.rv.value as Dec);
      inputs.push(slot.rv.status);
      user ||= fromUser(slot.rv);
    }
    if (!ok) return undefined;
    const grow = (v: Dec): Dec => {
      let x = v;
      for (const s of steps) {
        x = x.times(ONE.plus(s));
        if (d.round) x = roundTo(x, d.round, d.mode);
      }
      return x;
    };
    const pv = prior.rv.value;
    const value: ParamValue = pv instanceof Map ? new Map([...pv].map(([k, v]) => [k, grow(v)])) : grow(pv);
    let covered = false;
    if (e.published !== undefined) covered = this.checkPublished(p, e, value, where);
    if (e.status === 'confirmed' && inputs.includes('unconfirmed') && !covered) {
      this.report(C.confirmedOnUnconfirmed, e.file ?? p.file, e.range, `${where} is marked confirmed but is derived from unconfirmed values and no published figure covers all of it`);
    }
    return { value, fromUser: user };
  }

  /** Reports each published figure that differs from the derived one; true when the published figures cover the whole value and all match. */
  checkPublished(p: Parameter, e: ParamEntry, value: ParamValue, where: string): boolean {
    const pub = e.published!;
    const fmt = (v: Dec) => formatUnitValue(p.unit, v);
    if (pub instanceof Map) {
      if (!(value instanceof Map)) return false;
      const ranges = e.publishedRanges instanceof Map ? e.publishedRanges : new Map<string, SourceRange>();
      let allMatch = true;
      for (const [k, want] of pub) {
        const got = value.get(k);
        if (got === undefined) {
          allMatch = false;
          continue; // not a member: reported by the member check
        }
        if (!got.equals(want)) {
          allMatch = false;
          this.report(C.publishedMismatch, e.file ?? p.file, ranges.get(k) ?? e.range, `${where} ${k}: derived ${fmt(got)} but published ${fmt(want)}`, { data: { derived: got.toString(), published: want.toString() } });
        }
      }
      return allMatch && [...value.keys()].every((k) => pub.has(k));
    }
    if (value instanceof Map) return false;
    if (!value.equals(pub)) {
      const r = e.publishedRanges instanceof Map ? e.range : (e.publishedRanges ?? e.range);
      this.report(C.publishedMismatch, e.file ?? p.file, r, `${where}: derived ${fmt(value)} but published ${fmt(pub)}`, { data: { derived: value.toString(), published: pub.toString() } });
      return false;
    }
    return true;
  }
}

/** Checks and resolves parameters (from one or several files) into a fiscal-year table. Never throws. */
export function resolveParameters(params: Parameter[], opts: ResolveOptions = {}): { table: ParameterTable; diagnostics: Diagnostic[] } {
  const r = new Resolver();
  r.add(params);
  r.checkMembers(opts.enumMembers);
  r.resolveAll();
  return { table: new ParameterTable(r.params, r.slots), diagnostics: r.diagnostics };
}
