/**
 * What `lcff compile --year Y` prints about the program of a year, as plain
 * data: the summary of its decisions and rules, and the JSON of its
 * json-rules-engine rules (as printed, so a cached run prints the same bytes).
 * Computed from the compiled program, or read back from the cache.
 */
import type { Program } from '../compile/program.js';
import { arrayOf, isBoolean, isInteger, isString, oneOf, optional, shape } from './shape.js';

export interface CompileView {
  year: number;
  decisions: Array<{
    name: string;
    subject: string;
    mode: 'first' | 'collect';
    rules: Array<{
      index: number;
      otherwise: boolean;
      name: string;
      effective: string;
      cites: string[];
      status: 'confirmed' | 'unconfirmed';
      whenText?: string;
      assignments: Array<{ output: string; text: string }>;
    }>;
    notInForce: Array<{ name: string; effective: string }>;
  }>;
  formulas: number;
  /** `lcff compile --json`'s output, without the final newline */
  json: string;
}

/** The view of a program; `json` is `programJson(program)` (passed in, so reading the cache loads no compiler). */
export function compileView(program: Program, json: unknown): CompileView {
  return {
    year: program.year,
    decisions: [...program.decisions.values()].map((d) => ({
      name: d.name,
      subject: d.subject,
      mode: d.mode,
      rules: d.rules.map((r) => ({
        index: r.index,
        otherwise: r.otherwise,
        name: r.name,
        effective: r.effective,
        cites: [...r.cites],
        status: r.status,
        ...(r.whenText ? { whenText: r.whenText } : {}),
        assignments: r.assignments.map((a) => ({ output: a.output, text: a.text })),
      })),
      notInForce: d.notInForce.map((n) => ({ name: n.name, effective: n.effective })),
    })),
    formulas: program.formulas.size,
    json: JSON.stringify(json, null, 2),
  };
}

export const isCompileView = shape<CompileView>({
  year: isInteger,
  decisions: arrayOf(
    shape({
      name: isString,
      subject: isString,
      mode: oneOf('first', 'collect'),
      rules: arrayOf(
        shape({
          index: isInteger,
          otherwise: isBoolean,
          name: isString,
          effective: isString,
          cites: arrayOf(isString),
          status: oneOf('confirmed', 'unconfirmed'),
          whenText: optional(isString),
          assignments: arrayOf(shape({ output: isString, text: isString })),
        }),
      ),
      notInForce: arrayOf(shape({ name: isString, effective: isString })),
    }),
  ),
  formulas: isInteger,
  json: isString,
});
