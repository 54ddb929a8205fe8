/**
 * A projection's assumptions (`assumptions:` of a scenario, or an
 * `--assumptions` file of the same shape): a percent per projected fiscal
 * year for the COLA and for the growth of ADA, enrollment and unduplicated
 * counts. The schema (`$defs/assumptions`) checked their forms; here: the
 * percent's exact value, years after the scenario's, and growth above -100%.
 * Whether a COLA is given for every year past the library's horizon is the
 * projection's check (it knows the library).
 */
import { readFile } from 'node:fs/promises';
import { hasErrors, LineIndex, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { FiscalYear } from '../core/fiscal-year.js';
import { dec, HUNDRED } from '../runtime/money.js';
import { Ctx } from './context.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import { parseJsonTree } from './json-source.js';
import { ASSUMPTION_KINDS, type AssumedPercent, type Assumptions } from './model.js';
import { Doc, isObj, Rec } from './place.js';
import { reportSchemaErrors } from './schema-errors.js';
import { scenarioValidators } from './schema.js';
import { toData } from './tree.js';
import * as v from './values.js';
import { parseYamlTree } from './yaml-source.js';

/** The assumptions of a record (the scenario's `assumptions`, or the root of an assumptions file); undefined when one could not be read (reported). */
export function buildAssumptions(ctx: Ctx, rec: Rec, file: string): Assumptions | undefined {
  const where = rec.has('cola') ? rec.place.keyAt(['cola']) : rec.place.at();
  const out: Assumptions = { file, range: where.range, cola: [], ada_growth: [], enrollment_growth: [], upc_growth: [] };
  let ok = true;
  for (const kind of ASSUMPTION_KINDS) {
    if (!rec.has(kind)) continue;
    const years = rec.rec(kind);
    if (!years) { ok = false; continue; }
    for (const key of Object.keys(years.data)) {
      const item = percentOf(ctx, years, key);
      if (item === SKIPPED) continue;
      if (item) out[kind].push(item);
      else ok = false;
    }
    out[kind].sort((a, b) => a.year - b.year);
  }
  return ok ? out : undefined;
}

/** An assumption reported as not used (a warning), not an error. */
const SKIPPED = Symbol('skipped');

function percentOf(ctx: Ctx, years: Rec, key: string): AssumedPercent | typeof SKIPPED | undefined {
  if (years.place.failed([key])) return undefined;
  const field = years.place.field([key]);
  const year = v.fiscalYearText(ctx.sink, key, `${years.place.field()} key`, years.place.keyAt([key]));
  const text = years.str(key)?.trim();
  if (year === undefined || text === undefined) return undefined;
  const value = dec(text.replace(/%$/, '')).div(HUNDRED);
  const at = years.at(key);
  if (value.lte(-1)) {
    ctx.sink.error(C.assumptionRange, `${field}: ${years.place.show([key], text)} would leave nothing: an assumed change must be above -100%`, at, { field });
    return undefined;
  }
  if (ctx.fiscalYear !== undefined && year <= ctx.fiscalYear) {
    const message = `${field}: ${key} is not after ${ctx.yearText()}: a projection assumes only what comes after the scenario's year`;
    // run as another year than written (--year), an earlier assumption is not used, and that is said (as history)
    if (ctx.overridden) ctx.sink.warning(C.assumptionYear, `${message}; not used`, years.place.keyAt([key]), { field });
    else ctx.sink.error(C.assumptionYear, message, years.place.keyAt([key]), { field });
    return ctx.overridden ? SKIPPED : undefined;
  }
  return { year, value, text, file: at.file, range: at.range, field };
}

/** Loads an `--assumptions` file (YAML, or JSON for `.json`) for a scenario of `fiscalYear`; every problem at once, at its line and column. */
export async function loadAssumptionsFile(file: string, fiscalYear: FiscalYear): Promise<{ assumptions?: Assumptions; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'it cannot be read';
    const p = { line: 1, column: 1, offset: 0 };
    return { diagnostics: [{ code: C.fileUnreadable, severity: 'error', message: `cannot read the assumptions: ${why}`, file, range: { start: p, end: p } }] };
  }
  const sink = new v.Sink();
  const lines = new LineIndex(text);
  const report = (code: string, message: string, r: [number, number], severity: 'error' | 'warning' = 'error') => sink[severity](code, message, { file, range: lines.range(r[0], r[1]) });
  const tree = /\.json$/i.test(file) ? parseJsonTree(text, report) : parseYamlTree(text, report);
  if (!tree || hasErrors(sink.diagnostics)) return { diagnostics: sortDiagnostics(sink.diagnostics) };
  const doc = new Doc(file, text, tree);
  const data = toData(tree);
  const validate = scenarioValidators().assumptions;
  if (!validate(data)) reportSchemaErrors(validate.errors ?? [], doc.place(), sink, doc.failed);
  if (!isObj(data)) return { diagnostics: sortDiagnostics(sink.diagnostics) };
  const assumptions = buildAssumptions(new Ctx(sink, fiscalYear), new Rec(data, doc.place()), file);
  const diagnostics = sortDiagnostics(sink.diagnostics);
  return hasErrors(diagnostics) || !assumptions ? { diagnostics } : { assumptions, diagnostics };
}
