/**
 * What `lcff check` prints about a rule library, and what other commands
 * need before compiling (its errors, its horizon), as plain data: computed
 * from the checked library, or read back from the cache (store.ts).
 */
import { formatDiagnostic } from '../core/diagnostics.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import type { Horizon } from '../params/horizon.js';
import type { Library } from '../semantics/library.js';
import { arrayOf, isInteger, isString, oneOf, optional, shape } from './shape.js';

export interface CheckSummary {
  /** every diagnostic, in order, as `lcff check` prints it */
  diagnostics: Array<{ severity: 'error' | 'warning' | 'info'; text: string }>;
  /** the unconfirmed values, formulas and rules the library relies on */
  unconfirmed: Array<{ what: string; note?: string; at: string }>;
  files: number;
  decisions: number;
  formulas: number;
  parameters: number;
  horizon: Horizon;
}

export function checkSummary(lib: Library): CheckSummary {
  const unconfirmed: CheckSummary['unconfirmed'] = [];
  const item = (what: string, note: string | undefined, at: string): void => {
    unconfirmed.push(note === undefined ? { what, at } : { what, note, at });
  };
  for (const p of lib.paramList) {
    for (const rv of lib.params.entries(p.name)) if (rv.status === 'unconfirmed') item(`${p.name} ${formatFiscalYear(rv.year)}`, rv.note, `${rv.file}:${rv.range.start.line}`);
  }
  for (const [name, versions] of lib.formulas) for (const v of versions) if (v.decl.status?.value === 'unconfirmed') item(`formula ${name}`, v.decl.status.note, `${v.file}:${v.decl.name.range.start.line}`);
  for (const { decl, file } of lib.decisions.values()) for (const r of decl.rules) if (r.status?.value === 'unconfirmed') item(`rule ${decl.name.text}.${r.name.text}`, r.status.note, `${r.file ?? file}:${r.name.range.start.line}`);
  return {
    diagnostics: lib.diagnostics.map((d) => ({ severity: d.severity, text: formatDiagnostic(d) })),
    unconfirmed,
    files: lib.files.length + new Set(lib.paramList.map((p) => p.file)).size,
    decisions: lib.decisions.size,
    formulas: lib.formulas.size,
    parameters: lib.paramList.length,
    horizon: lib.horizon.file === undefined ? { first: lib.horizon.first, last: lib.horizon.last } : { ...lib.horizon },
  };
}

export const isCheckSummary = shape<CheckSummary>({
  diagnostics: arrayOf(shape({ severity: oneOf('error', 'warning', 'info'), text: isString })),
  unconfirmed: arrayOf(shape({ what: isString, note: optional(isString), at: isString })),
  files: isInteger,
  decisions: isInteger,
  formulas: isInteger,
  parameters: isInteger,
  horizon: shape({ first: isInteger, last: isInteger, file: optional(isString) }),
});
