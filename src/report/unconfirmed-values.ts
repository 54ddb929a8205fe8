/**
 * An unconfirmed value the run relied on, described for a reader: a
 * parameter with its value in force, or a formula or rule version with its
 * years; why it is unconfirmed and its citation. The workbook and the HTML
 * report both list them.
 */
import { formatFiscalYear, formatRange, inRange } from '../core/fiscal-year.js';
import { formatParamValue } from '../params/index.js';
import type { Library } from '../semantics/library.js';
import type { Citation, Effective, Status } from '../syntax/ast.js';

export interface UnconfirmedRow {
  name: string;
  kind: string;
  value: string;
  years: string;
  note: string;
  cite: string;
}

interface Versioned {
  effective?: Effective;
  status?: Status;
  cites: Citation[];
}

/** The version of a formula or rule in force in the year (else the first), described. */
function versionRow(name: string, kind: string, versions: Versioned[], year: number): UnconfirmedRow {
  const v = versions.find((x) => !x.effective || inRange(year, x.effective.years)) ?? versions[0];
  return {
    name,
    kind,
    value: '',
    years: v?.effective ? formatRange(v.effective.years) : '',
    note: v?.status?.note ?? '',
    cite: (v?.cites ?? []).map((c) => c.text).join('; '),
  };
}

export function describeUnconfirmed(lib: Library, name: string, year: number): UnconfirmedRow {
  const p = lib.params.get(name);
  if (p) {
    const rv = lib.params.valueInForce(name, year);
    return {
      name,
      kind: 'parameter',
      value: rv ? formatParamValue(p.unit, rv.value, rv.text) : '(no value)',
      years: rv ? `since ${formatFiscalYear(rv.year)}` : '',
      note: rv?.note ?? p.note ?? '',
      cite: rv?.cite ?? p.cite ?? '',
    };
  }
  const formula = lib.formulas.get(name);
  if (formula) return versionRow(name, 'formula', formula.map((f) => f.decl), year);
  const [decision, rule] = name.split('.');
  const d = rule === undefined ? undefined : lib.decisions.get(decision);
  if (d) return versionRow(name, `rule of decision ${decision}`, d.decl.rules.filter((r) => r.name.text === rule), year);
  return { name, kind: '', value: '', years: '', note: '', cite: '' };
}

