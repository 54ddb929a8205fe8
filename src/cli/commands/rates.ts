/** `lcff rates --year Y`: every parameter's value in force in a year, with citation and status, and the rates derived from them. */
import { newTable, styled } from '../../report/table.js';
import pc from 'picocolors';
import { visible } from '../../core/safe-text.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { formatParamValue } from '../../params/index.js';
import { userSuppliedLine } from '../../report/user-supplied.js';
import { adjustedBases } from '../../report/adjusted-bases.js';
import { grouped, percentText } from '../../runtime/money.js';
import type { Library } from '../../semantics/library.js';
import { checkedLibrary, libraryWithSets, yearInLibrary, yearOption } from '../library.js';
import { EXIT } from '../errors.js';
import { commandProvenance } from '../provenance.js';
import { provenanceFooter } from '../../report/provenance.js';

export async function ratesCommand(opts: { year: string; rules?: string; json?: boolean; set?: string[]; reform?: string }): Promise<number> {
  const { lib, supplied } = libraryWithSets(await checkedLibrary(opts.rules, opts.reform), opts.set);
  const year = yearInLibrary(lib, yearOption(opts.year));
  const rows = parameterRows(lib, year);
  const derived = derivedRates(lib, year);
  const provenance = commandProvenance(lib, opts, { supplied, unconfirmed: rows.filter((r) => r.status === 'unconfirmed').length });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ provenance, fiscal_year: formatFiscalYear(year), parameters: rows, grade_span_rates: derived, user_supplied: supplied }, null, 2)}\n`);
    return EXIT.ok;
  }
  const t = newTable({ head: ['parameter', 'value', 'since', 'status', 'citation'], wordWrap: true, colWidths: [32, 44, 9, 15, 48] });
  for (const r of rows) t.push([r.name, r.value, r.since, r.user_supplied ? styled(USER_MARK[r.user_supplied], pc.magenta) : r.status === 'unconfirmed' ? styled('unconfirmed', pc.yellow) : 'confirmed', r.cite]);
  process.stdout.write(`${pc.bold(`LCFF parameters in force in ${formatFiscalYear(year)}`)}\n${t.toString()}\n`);
  if (derived.length > 0) {
    const d = newTable({ head: ['grade span', 'base', 'adjustment', 'adjusted base per ADA'] });
    for (const r of derived) d.push([r.span, r.base, r.adjustment, styled(r.adjusted, pc.bold)]);
    process.stdout.write(`\n${pc.bold('Base grants with grade span adjustments (formula adjusted_base)')}\n${d.toString()}\n`);
  }
  const note = userSuppliedLine(supplied);
  if (note) process.stdout.write(`\n${pc.magenta(visible(note))}\n`);
  process.stdout.write(`\n${provenanceFooter(provenance)}\n`);
  return EXIT.ok;
}

export interface ParamRow {
  name: string;
  value: string;
  since: string;
  status: string;
  note?: string;
  cite: string;
  /** 'value': supplied with --set; 'derived': derived from a supplied value. */
  user_supplied?: 'value' | 'derived';
}

/** The marker of an overridden row. */
export const USER_MARK = { value: 'user-supplied', derived: 'derived from user-supplied' } as const;


export function parameterRows(lib: Library, year: number): ParamRow[] {
  const rows: ParamRow[] = [];
  for (const name of lib.params.names().sort()) {
    const p = lib.params.get(name)!;
    const rv = lib.params.valueInForce(name, year);
    if (!rv) {
      rows.push({ name, value: '(no value)', since: '', status: '', cite: p.cite ?? '' });
      continue;
    }
    const user = rv.userSupplied ? 'value' : rv.fromUserSupplied ? 'derived' : undefined;
    rows.push({ name, value: formatParamValue(p.unit, rv.value, rv.text), since: formatFiscalYear(rv.year), status: rv.status, note: rv.note, cite: rv.cite, ...(user ? { user_supplied: user } : {}) });
  }
  return rows;
}

/** adjusted_base(span) for each member of grade_span, when the library has it and the year has values. */
export function derivedRates(lib: Library, year: number): Array<{ span: string; base: string; adjustment: string; adjusted: string }> {
  return adjustedBases(lib, year).map((r) => ({ span: r.span, base: grouped(r.base, 0), adjustment: percentText(r.adjustment, 1), adjusted: grouped(r.adjusted, 0) }));
}
