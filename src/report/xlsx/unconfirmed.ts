/**
 * Unconfirmed values sheet: every parameter, formula and rule the run relied
 * on that the sources do not confirm, with its value, note and citation; and
 * the values the user supplied in the scenario's `options`.
 */
import type ExcelJS from 'exceljs';
import { formatFiscalYear, formatRange, inRange } from '../../core/fiscal-year.js';
import { formatParamValue } from '../../params/index.js';
import type { UserSuppliedResult } from '../../run/result.js';
import type { Library } from '../../semantics/library.js';
import type { Citation, Effective, Status } from '../../syntax/ast.js';
import { addSheet, writeTable, type Column } from './cells.js';

interface Row {
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
function versionRow(name: string, kind: string, versions: Versioned[], year: number): Row {
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

function describe(lib: Library, name: string, year: number): Row {
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

export function unconfirmedSheet(wb: ExcelJS.Workbook, lib: Library, unconfirmed: readonly string[], options: ReadonlyMap<string, string>, year: number, supplied: readonly UserSuppliedResult[] = []): void {
  const ws = addSheet(wb, 'Unconfirmed values', 1);
  const rows: Row[] = [
    ...unconfirmed.map((name) => describe(lib, name, year)),
    ...supplied.map((u) => ({ name: `${u.parameter}${u.member ? `.${u.member}` : ''}`, kind: 'parameter value (user-supplied, --set)', value: u.value, years: u.year, note: `the library's value: ${u.replaced}`, cite: '' })),
    ...[...options].map(([name, value]) => ({ name, kind: 'scenario option (user-supplied)', value, years: '', note: '', cite: '' })),
  ];
  const columns: Column<Row>[] = [
    { header: 'name', kind: 'text', value: (x) => x.name },
    { header: 'kind', kind: 'text', value: (x) => x.kind },
    { header: 'value in force', kind: 'text', value: (x) => x.value },
    { header: 'years', kind: 'text', value: (x) => x.years },
    { header: 'why unconfirmed', kind: 'text', value: (x) => x.note },
    { header: 'citation', kind: 'text', value: (x) => x.cite },
  ];
  writeTable(ws, columns, rows);
}
