/**
 * Structure-aware inputs for fuzzing the scenario loader: a valid scenario
 * (as data) mutated where it matters — wrong types, hostile strings,
 * prototype words, control characters, huge values, decimal commas, deep
 * nesting, missing and extra keys — and the invariant every load must keep.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { ScenarioCodes } from '../../src/scenario/diagnostic-codes.js';
import type { LoadResult } from '../../src/scenario/load.js';

/** A valid scenario as plain data: every section, every kind of value. */
export function validScenario(): Record<string, unknown> {
  return {
    fiscal_year: '2019-20',
    county: { code: '01', name: 'Alameda' },
    coe: { cds: '0110017', name: 'Alameda COE', history: { '2018-19': { enrollment: 9, unduplicated: 7 } } },
    districts: [{ cds: '0161119', name: 'Hayward Unified', enrollment: 20000, unduplicated: 15000, history: { '2018-19': { enrollment: 20100, unduplicated: 15200 } } }],
    charters: [{ cds: '0100001', name: 'County Charter', authorizer: 'coe', enrollment: 10, unduplicated: 6, district: '0161119' }],
    schools: [
      { code: '0130019', name: 'Juvenile Hall', operator: 'coe', kind: 'juvenile_court' },
      { code: '0130021', name: 'Charter Campus', operator: 'charter:0100001', kind: 'other' },
    ],
    students: [
      { id: 'S001', school: '0130019', grade: 10, basis: ['wic_602'], district_of_residence: '0161119', unduplicated: true, census_day: true, ada: '0.92', reported: { transfer_code: '5', district_of_residence: '0161119' } },
      { id: 'S002', school: '0130021', grade: 'K', basis: 'voluntary;homeless_1981d', unduplicated: false, census_day: true, ada: 1 },
    ],
    agreements: [{ district: '0161119', alternative_rate_per_ada: '100.50', district_concurred: false }],
    padc: { attendance_coe: { juvenile_court: '0.92', non_juvenile_court: '0.00' }, attendance_district_funded: [{ district: '0161119', ada: '0.00' }] },
    corrections: [{ district: '0161119', fiscal_year: '2018-19', enrollment_change: -2, unduplicated_change: 1, ada_change: '-0.35', audit_reference: 'A-1' }],
    options: { transfer_rate_rounding: 'cent' },
  };
}

export const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];

/** Texts that broke parsers, terminals or number readers somewhere. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_WORDS),
  fc.constantFrom('0,95', '1,000.00', '1.000,50', '-0', '+0.5', '.5', '5.', '1e3', '0x1F', 'NaN', 'Infinity', '-1', '99999999999999999999', '2019-21', '2019', 'TK', 'tk', '-01', '012', ''),
  fc.constantFrom('\u001b[2J\u001b]0;pwned\u0007', '\r\n', '\u0000', '\u202eevil', '\ud800', '"', "'", '\\', '${x}', '{{x}}', '*alias', '&anchor', '!!binary', '? ', '- ', '#', ',;|', 'wic_602;;', ';', '|'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

/** Any value a mutation may put somewhere: wrong types, hostile texts, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, [], {}),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1, max: 120 }).map((depth) => {
    let v: unknown = 'deep';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  }),
  fc.array(hostileText, { maxLength: 4 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), fc.string({ maxLength: 8 })), hostileText, { maxKeys: 3 }),
);

/** Values that are valid somewhere in a scenario: moved elsewhere they make the checks a schema cannot make (references, years, counts, places). */
export const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('2018-19', '2019-20', '2020-21', '2013-14', '0161119', '0110017', '0100001', '0130019', '0130021', '0169999', 'charter:0100001', 'charter:0161119', 'coe'),
  fc.constantFrom(0, 1, 2, 10, 25000, '0.925', '0.92', '-0.35', '12.5', '100.50', 'wic_602', 'none', 'voluntary', 'K', 'TK', -1, 12, 13, true, false),
  fc.constantFrom(['wic_602', 'none'], ['none'], [], ['voluntary', 'voluntary']),
  fc.constantFrom({ '2019-20': { enrollment: 1, unduplicated: 2 } }, { '2018-19': { enrollment: 0, unduplicated: 0 } }, { enrollment: 1, unduplicated: 5 }),
);

type Path = Array<string | number>;

/** Every path of a value (objects and arrays), the root included. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

export type Mutation = { kind: 'set'; pick: number; value: unknown } | { kind: 'delete'; pick: number } | { kind: 'add'; pick: number; key: string; value: unknown } | { kind: 'duplicate'; pick: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: plausibleValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), fc.constantFrom('history', 'charters', 'reported', 'district', '2017-18'), hostileText), value: fc.oneof(hostileValue, plausibleValue) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }) },
);

/** Applies mutations to a copy of the valid scenario (defineProperty, so "__proto__" is a key like any other). */
export function mutate(mutations: Mutation[]): unknown {
  let root: unknown = validScenario();
  // values are copied in: a constant of an arbitrary is shared between runs and must never be changed (or made cyclic)
  const copy = (v: unknown): unknown => (v !== null && typeof v === 'object' ? structuredClone(v) : v);
  for (const m0 of mutations) {
    const m = 'value' in m0 ? { ...m0, value: copy(m0.value) } : m0;
    const all = paths(root);
    const path = all[m.pick % all.length];
    if (path.length === 0) {
      if (m.kind === 'set') root = m.value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string | number, unknown> | unknown[];
    const key = path[path.length - 1];
    const target = (parent as Record<string | number, unknown>)[key];
    if (m.kind === 'set') Object.defineProperty(parent, key, { value: m.value, enumerable: true, writable: true, configurable: true });
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (m.kind === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(target));
  }
  return root;
}

/** Text damage after serialising: a character inserted, removed or replaced, or the text cut short. */
export type TextEdit = { at: number; cut: number; insert: string };
export const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 3 }),
  insert: fc.oneof(fc.constantFrom(',', ']', '}', '[', '{', '"', "'", ':', '\n', '\t', '#', '&a', '*a', '//', ' ', '\\', '\u0000', '\u001b'), fc.string({ maxLength: 3 })),
});

export function applyEdits(text: string, edits: TextEdit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
  }
  return t;
}

const ALLOWED = new Set<string>(Object.values(ScenarioCodes).filter((c) => c !== ScenarioCodes.internalIncomplete && c !== ScenarioCodes.resultSchema));
/** Control characters that must never reach a terminal through a message. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The invariant of every load: positioned diagnostics of the documented S range, bounded and visible-safe; a scenario only without errors. */
export function expectSound(r: LoadResult, elapsedMs: number, input: string): void {
  expect(elapsedMs, `took ${elapsedMs} ms`).toBeLessThan(5000);
  const bad = r.diagnostics.filter((d: Diagnostic) => !ALLOWED.has(d.code) || d.range.start.line < 1 || d.range.start.column < 1 || d.message.length > 1200 || RAW_CONTROL.test(d.message) || /internal/i.test(d.message));
  expect(bad, `input (${input.length} chars): ${JSON.stringify(input.slice(0, 300))}`).toEqual([]);
  if (r.scenario) expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  else expect(r.diagnostics.some((d) => d.severity === 'error'), 'no scenario and no error').toBe(true);
}

/** What the loads of one fuzzer saw: how many loaded, which codes, the slowest case. */
export interface FuzzStats {
  cases: number;
  loaded: number;
  codes: Map<string, number>;
  slowestMs: number;
}

export function newFuzzStats(): FuzzStats {
  return { cases: 0, loaded: 0, codes: new Map(), slowestMs: 0 };
}

export function statsLine(name: string, s: FuzzStats, seed: number): string {
  const codes = [...s.codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c.replace('LCFF-', '')}×${n}`).join(' ');
  return `${name}: ${s.cases} cases (seed ${seed}) all sound, ${s.loaded} loaded without error, slowest ${Math.round(s.slowestMs)} ms; cases per code: ${codes}`;
}

/** Runs a load, timing it; a thrown exception fails the property with the input. */
export async function timedLoad(input: string, load: () => Promise<LoadResult>, stats?: FuzzStats): Promise<void> {
  const t0 = performance.now();
  const r = await load();
  const ms = performance.now() - t0;
  expectSound(r, ms, input);
  if (stats) {
    stats.cases++;
    if (r.scenario) stats.loaded++;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    for (const c of new Set(r.diagnostics.map((d) => d.code))) stats.codes.set(c, (stats.codes.get(c) ?? 0) + 1);
  }
}
