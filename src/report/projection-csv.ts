/**
 * `lcff project --csv <dir>`: the projection as CSV tables. `projection.csv`
 * holds every figure, one per row, with its year and `projected`;
 * `assumptions.csv`, `law.csv` (the parameters the projection moves, each
 * value marked) and `carried_forward.csv` say what it assumed. Text cells
 * are neutralised like every CSV of lcff (csv.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ProjectionResult } from '../project/result.js';
import { ASSUMPTION_KINDS } from '../scenario/model.js';
import { neutralise } from './csv.js';

function table(columns: string[], rows: object[]): string {
  return stringify(rows, { header: true, columns, cast: { string: neutralise, boolean: (b) => (b ? 'true' : 'false') } });
}

/** One figure of the projection: its year, whether it is projected, what it is of and the value (decimal text, a whole number, or "not computed"). */
export interface ProjectionFigure {
  fiscal_year: string;
  projected: boolean;
  /** An LEA's CDS code, "coe" or "county". */
  subject: string;
  name: string;
  measure: string;
  value: string | number;
}

/** Every figure of the projection, one a row, in the order of the result (the CSV's projection.csv, the workbook's Projection sheet). */
export function projectionFigures(r: ProjectionResult): ProjectionFigure[] {
  const figures: ProjectionFigure[] = [];
  const fig = (fiscal_year: string, projected: boolean, subject: string, name: string, measure: string, value: string | number) => figures.push({ fiscal_year, projected, subject, name, measure, value });
  for (const l of r.leas) {
    for (const y of l.years) {
      fig(y.fiscal_year, y.projected, l.cds, l.name, 'ada_after', y.ada);
      fig(y.fiscal_year, y.projected, l.cds, l.name, 'enrollment_after', y.enrollment);
      fig(y.fiscal_year, y.projected, l.cds, l.name, 'unduplicated_after', y.unduplicated);
      fig(y.fiscal_year, y.projected, l.cds, l.name, 'upp_rolling_after', y.upp_rolling);
      for (const [span, x] of Object.entries(y.rates ?? {})) {
        for (const part of ['base', 'supplemental', 'concentration', 'total'] as const) fig(y.fiscal_year, y.projected, l.cds, l.name, `rate_${span}_${part}`, x[part]);
      }
      if (y.transfers_out !== undefined) fig(y.fiscal_year, y.projected, l.cds, l.name, 'transfers_paid', y.transfers_out);
      if (y.transfers_in !== undefined) fig(y.fiscal_year, y.projected, l.cds, l.name, 'transfers_received', y.transfers_in);
    }
  }
  for (const c of r.coe_entitlement.components) for (const y of c.years) fig(y.fiscal_year, y.projected, 'coe', c.name, 'coe_entitlement_component', y.computed ? y.amount : 'not computed');
  for (const t of r.coe_entitlement.totals) fig(t.fiscal_year, t.projected, 'coe', 'total', 'coe_entitlement_total', t.total);
  for (const t of r.totals) {
    fig(t.fiscal_year, t.projected, 'county', r.county.name, 'ada', t.ada);
    fig(t.fiscal_year, t.projected, 'county', r.county.name, 'transfers', t.transfers);
  }
  return figures;
}

export function projectionCsvTables(r: ProjectionResult): Record<string, string> {
  const figures = projectionFigures(r);
  const p = r.projection;
  const assumptions = ASSUMPTION_KINDS.flatMap((k) => p.assumptions[k].map((a) => ({ assumption: k, fiscal_year: a.fiscal_year, value: a.value, source: p.assumptions.source })));
  return {
    'projection.csv': table(['fiscal_year', 'projected', 'subject', 'name', 'measure', 'value'], figures),
    'assumptions.csv': table(['assumption', 'fiscal_year', 'value', 'source'], assumptions),
    'law.csv': table(['parameter', 'member', 'fiscal_year', 'projected', 'value'], p.law.flatMap((row) => row.years.map((y) => ({ parameter: row.parameter, member: row.member ?? '', fiscal_year: y.fiscal_year, projected: y.projected, value: y.value })))),
    'carried_forward.csv': table(['parameter', 'value', 'from'], p.carried_forward),
    'user_supplied.csv': table(['parameter', 'member', 'year', 'value', 'replaced'], r.user_supplied),
  };
}

export async function writeProjectionCsv(dir: string, r: ProjectionResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = projectionCsvTables(r);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return Object.keys(files).map((f) => join(dir, f));
}
