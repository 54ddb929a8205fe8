/**
 * The compiled kernel: every decision of a program (one fiscal year) as
 * generated JavaScript, synchronous, with the closures' results and errors
 * (the differential tests compare the three paths). Built once per program
 * with `new Function` over generated source only: the rule library's names
 * and texts are string literals or constants of the module (module.ts), never
 * code.
 */
import type { Program } from '../program.js';
import type { ParamRead } from '../expr-closure.js';
import type { Firing } from '../../runtime/decide.js';
import { emitDecision } from './decision.js';
import { ExprEmitter } from './expr.js';
import { Module } from './module.js';
import { RT } from './runtime.js';

/** One decision of the kernel: the firings for one subject's facts; the parameter reads and formula calls are pushed to `reads` and `calls` when given. */
export type KernelDecision = (facts: Record<string, unknown>, reads: ParamRead[] | null, calls: string[] | null) => Firing[];

export interface Kernel {
  year: number;
  decisions: ReadonlyMap<string, KernelDecision>;
  /** the generated source (for `lcff compile` debugging and the tests) */
  source: string;
}

export interface KernelOptions {
  /**
   * Memoise rule selection by few-valued inputs (analysis.ts); default
   * MEMO_BY_DEFAULT. Measured (`npm run bench kernel`, 100,000 students,
   * medians of 5 runs) it is slower than the direct comparisons: 0.35
   * against 0.43 of the hand loop; with the decision's state in locals,
   * 0.34 against 0.41 by CPU time (5 runs on a busy machine); with enum
   * members by table and fresh facts per pass, 0.45 against 0.54.
   */
  memo?: boolean;
}

// Parameter reads and formula calls go to the kernel's own buffers (RB, CB: only the kernel's frozen read records and formula names, never a
// subject's data), copied to the caller's arrays when a decision returns or fails (FLUSH): storing each evaluation's fresh arrays in the
// module's long-lived variables cost a write barrier per store (measured: 5-10 % of the per-student decisions).
// LISTTEXT remembers the last four frozen lists it accepted (a frozen list cannot change): a decision's constant outputs fed back as facts (expected_transfer_codes' code lists) are checked once, not once per subject.
/** Whether the kernel memoises rule selection unless told (see KernelOptions.memo). */
export const MEMO_BY_DEFAULT = false;

const PRELUDE = `'use strict';
var { dec: D, bool: B, div: DIV, order: ORD, inList: INL, inScalars: INS, eq: EQ, maxDec: MAX, minDec: MIN, roundTo: ROUND, places: PLACES, roundPlaces: ROUNDP, noFormula: NOFORMULA, tag: TAG, freezeOutputs: FREEZE, hasOwn, missing: MISSING, bad: BAD } = RT;
var U = Symbol('unset');
var PROTO = Object.getPrototypeOf, OBJECT = Object.prototype;
var EMPTY = Object.freeze([]);
var FACTS = null;
var RB = [], RN = 0, CB = [], CN = 0;
function READ(r) { RB[RN++] = r; }
function CALL(n) { CB[CN++] = n; }
function FLUSH(reads, calls) { if (reads !== null) for (let i = 0; i < RN; i++) reads.push(RB[i]); if (calls !== null) for (let i = 0; i < CN; i++) calls.push(CB[i]); RN = 0; CN = 0; }
function GRP(n) { return hasOwn(FACTS, n) ? FACTS[n] : undefined; }
function IXP(p, m) { const x = p.get(m); READ(x.read); return x.value; }
function THROW(f) { f(); }
function EMPTYLIST(x) { return Array.isArray(x) && x.length === 0; }
function MASKHIT(m, mask) { return m > 0 && (m & mask) !== 0; }
function PUSH(out, f) { if (out === EMPTY) return [f]; out.push(f); return out; }
var LT0 = null, LT1 = null, LT2 = null, LT3 = null;
function LISTTEXT(v) { if (v === LT0 || v === LT1 || v === LT2 || v === LT3) return true; if (!Array.isArray(v)) return false; for (let j = 0; j < v.length; j++) { const x = v[j]; if (typeof x === 'string' && x !== '') continue; if (x === undefined && !(j in v)) continue; return false; } if (Object.isFrozen(v)) { LT3 = LT2; LT2 = LT1; LT1 = LT0; LT0 = v; } return true; }
function LISTBOOL(v) { if (!Array.isArray(v)) return false; for (let j = 0; j < v.length; j++) { const x = v[j]; if (typeof x === 'boolean') continue; if (x === undefined && !(j in v)) continue; return false; } return true; }
function REPLAY(c) { const r = c.reads, n = c.calls; for (let i = 0; i < r.length; i++) RB[RN++] = r[i]; for (let i = 0; i < n.length; i++) CB[CN++] = n[i]; }
`;

export function compileKernel(program: Program, opts: KernelOptions = {}): Kernel {
  const m = new Module();
  const x = new ExprEmitter(m, program.lib, program.year);
  const names = [...program.decisions.values()].map((d) => [d.name, emitDecision(x, d, { memo: opts.memo ?? MEMO_BY_DEFAULT })] as const);
  const source = `${PRELUDE}${m.lines.join('\n')}\nreturn [${names.map(([, fn]) => fn).join(', ')}];\n`;
  // generated source only (module.ts): no text of the rule library is evaluated as code
  const fns = new Function('RT', 'K', source)(RT, m.consts) as KernelDecision[];
  return { year: program.year, decisions: new Map(names.map(([name], i) => [name, fns[i]])), source };
}

const kernels = new WeakMap<Program, Kernel>();

/** The kernel of a program, compiled on first use. */
export function kernelOf(program: Program): Kernel {
  let k = kernels.get(program);
  if (!k) kernels.set(program, (k = compileKernel(program)));
  return k;
}
