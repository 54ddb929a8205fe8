/**
 * Overrides: `<parameter>@<year>=<value>` (a breakdown member:
 * `<parameter>.<member>@<year>=<value>`) replaces the value in force in one
 * fiscal year, for one run. Applied as parameter entries *before*
 * resolution, so values derived from the overridden one (`derive: grow_by`)
 * are re-derived from it; the year after keeps the library's value. Checked
 * like a parameter file: the parameter and member exist, the year is within
 * the library's horizon, the value parses in the parameter's unit.
 */
import { suggest } from '../core/diagnostics.js';
import { formatFiscalYear, keyInForce, parseFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import { excerpt } from '../core/safe-text.js';
import type { Dec } from '../runtime/money.js';
import type { Horizon } from './manifest.js';
import type { ParamEntry, Parameter, ParamValue, ResolvedValue } from './model.js';
import { ParameterTable, resolveParameters } from './resolve.js';
import { formatParamValue, parseUnitValue } from './units.js';

/** One `--set` (or test case `set:`) item as written. */
export interface OverrideSpec {
  param: string;
  member?: string;
  year: FiscalYear;
  /** The value's text as written ("25%"). */
  text: string;
  /** Where it came from, for messages ("--set", "case.yaml set[0]"). */
  origin: string;
}

/** A value the user supplied: listed in every output. */
export interface UserSupplied {
  parameter: string;
  member?: string;
  year: string;
  value: string;
  /** The library's value it replaced, or "unknown" when the library has none. */
  replaced: string;
}

/** A `--set` the library cannot accept: a usage error. */
export class OverrideError extends Error {}

const SYNTAX = /^([a-z][a-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?@([^=]*)=(.*)$/s;
const FORM = '<parameter>@<year>=<value> (a breakdown member: <parameter>.<member>@<year>=<value>), e.g. supplemental_pct@2019-20=25%';

/** Parses the text of one override; the year is checked for form here, the rest against the library by applyOverrides. */
export function parseOverride(text: string, origin = '--set'): OverrideSpec {
  const m = SYNTAX.exec(text.trim());
  if (!m) throw new OverrideError(`${origin}: ${excerpt(text)} is not an override: write ${FORM}`);
  const [, param, member, yearText, value] = m;
  const year = parseFiscalYear(yearText.trim());
  if (year === undefined || formatFiscalYear(year) !== yearText.trim()) {
    throw new OverrideError(`${origin}: ${excerpt(yearText)} is not a fiscal year: write YYYY-YY with consecutive years, e.g. 2019-20`);
  }
  if (value.trim() === '') throw new OverrideError(`${origin}: ${param}@${formatFiscalYear(year)} has no value after '='`);
  return { param, ...(member !== undefined ? { member } : {}), year, text: value.trim(), origin };
}

export interface OverrideInput {
  params: Parameter[];
  table: ParameterTable;
  horizon: Horizon;
  /** Members of each enum (checks `<parameter>.<member>`). */
  enumMembers: ReadonlyMap<string, readonly string[]>;
}

/** Applies overrides to a library's parameters: the new table and the list of user-supplied values. Throws OverrideError on a bad override. */
export function applyOverrides(input: OverrideInput, specs: readonly OverrideSpec[]): { params: Parameter[]; table: ParameterTable; supplied: UserSupplied[] } {
  if (specs.length === 0) return { params: input.params, table: input.table, supplied: [] };
  const byName = new Map(input.params.map((p) => [p.name, p]));
  const groups = new Map<string, OverrideSpec[]>();
  for (const s of specs) {
    const p = byName.get(s.param);
    if (!p) {
      const sug = suggest(s.param, byName.keys());
      throw new OverrideError(`${s.origin}: no parameter named '${s.param}'${sug.length ? ` (did you mean ${sug.map((x) => `'${x}'`).join(' or ')}?)` : ''}`);
    }
    const where = `${s.origin}: ${s.param}@${formatFiscalYear(s.year)}`;
    if (s.year < input.horizon.first || s.year > input.horizon.last) {
      throw new OverrideError(`${where}: the rule library covers ${formatFiscalYear(input.horizon.first)} through ${formatFiscalYear(input.horizon.last)}`);
    }
    if (p.by && s.member === undefined) throw new OverrideError(`${where}: '${p.name}' is broken down by ${p.by}: set one member, e.g. ${p.name}.<member>@${formatFiscalYear(s.year)}=<value>`);
    if (!p.by && s.member !== undefined) throw new OverrideError(`${where}: '${p.name}' has no breakdown; write ${p.name}@${formatFiscalYear(s.year)}=<value>`);
    if (s.member !== undefined) {
      const members = input.enumMembers.get(p.by!) ?? [];
      if (!members.includes(s.member)) {
        const sug = suggest(s.member, members);
        throw new OverrideError(`${where}: '${s.member}' is not a member of ${p.by} (members: ${members.join(', ')})${sug.length ? `; did you mean ${sug.map((x) => `'${x}'`).join(' or ')}?` : ''}`);
      }
    }
    const key = `${s.param}@${s.year}`;
    const list = groups.get(key) ?? [];
    if (list.some((o) => o.member === s.member)) throw new OverrideError(`${where}${s.member ? ` ${s.member}` : ''} is set twice`);
    groups.set(key, [...list, s]);
  }
  let params = input.params;
  let table = input.table;
  const supplied: UserSupplied[] = [];
  const order = [...groups.values()].sort((a, b) => a[0].year - b[0].year || (a[0].param < b[0].param ? -1 : 1));
  for (const group of order) {
    const p = params.find((x) => x.name === group[0].param)!;
    const { entry, items } = overrideEntry(p, table, group, input);
    params = params.map((x) => (x === p ? withEntry(p, entry, table, input.horizon) : x));
    table = resolveParameters(params).table;
    supplied.push(...items);
  }
  return { params, table, supplied };
}

/** The entry an override group (one parameter, one year) writes, and what it lists as user-supplied. */
function overrideEntry(p: Parameter, table: ParameterTable, group: OverrideSpec[], input: OverrideInput): { entry: ParamEntry; items: UserSupplied[] } {
  const year = group[0].year;
  const fy = formatFiscalYear(year);
  const key = keyInForce(
    p.values.map((e) => e.year),
    year,
  );
  if (key === undefined) {
    const first = p.values[0] ? ` (its first value is for ${formatFiscalYear(p.values[0].year)})` : '';
    throw new OverrideError(`${group[0].origin}: ${p.name}@${fy}: the parameter has no value in force in ${fy}${first}: there is nothing to replace`);
  }
  const old = table.valueInForce(p.name, year);
  const parsed = group.map((s) => {
    const r = parseUnitValue(p.unit, s.text);
    if (!r.ok) throw new OverrideError(`${s.origin}: ${p.name}${s.member ? `.${s.member}` : ''}@${fy}: ${r.message}`);
    return { s, value: r.value };
  });
  const inForce = p.values.find((e) => e.year === key)!;
  const base = { year, range: inForce.range, cite: old?.cite ?? inForce.cite ?? p.cite, status: inForce.status, note: old?.note ?? inForce.note, userSupplied: true } as const;
  if (!p.by) {
    const { s, value } = parsed[0];
    return {
      entry: { ...base, value, text: s.text },
      items: [{ parameter: p.name, year: fy, value: s.text, replaced: old ? formatParamValue(p.unit, old.value, old.text) : 'unknown' }],
    };
  }
  const before = old?.value instanceof Map ? old.value : undefined;
  const map = new Map<string, Dec>(before ?? []);
  for (const { s, value } of parsed) map.set(s.member!, value);
  const missing = (input.enumMembers.get(p.by) ?? []).filter((m) => !map.has(m));
  if (missing.length) {
    throw new OverrideError(`${group[0].origin}: ${p.name}@${fy} has no value in the library (unknown): set every member of ${p.by}; missing ${missing.join(', ')}`);
  }
  return {
    entry: { ...base, value: map },
    items: parsed.map(({ s }) => ({ parameter: p.name, member: s.member, year: fy, value: s.text, replaced: before?.get(s.member!) ? formatParamValue(p.unit, before.get(s.member!)!) : 'unknown' })),
  };
}

/**
 * The parameter with `entry` in force for its year only: it replaces the
 * entry keyed that year, or is inserted; the following year (when it was in
 * the same span) gets back the value the library had in force.
 */
function withEntry(p: Parameter, entry: ParamEntry, table: ParameterTable, horizon: Horizon): Parameter {
  const values = p.values.filter((e) => e.year !== entry.year);
  const next = entry.year + 1;
  const hasNext = p.values.some((e) => e.year === next);
  if (!hasNext && next <= horizon.last) values.push(restoreEntry(p, next, table.valueInForce(p.name, next), entry));
  values.push(entry);
  values.sort((a, b) => a.year - b.year);
  return { ...p, values };
}

function restoreEntry(p: Parameter, year: FiscalYear, rv: ResolvedValue | undefined, near: ParamEntry): ParamEntry {
  const base = { year, range: near.range, cite: rv?.cite ?? p.cite, status: rv?.status ?? near.status, note: rv?.note };
  if (!rv) return { ...base, unknown: true };
  const value: ParamValue = rv.value;
  return { ...base, value, text: rv.text, ...(rv.userSupplied ? { userSupplied: true } : {}), ...(rv.fromUserSupplied ? { fromUserSupplied: true } : {}) };
}
