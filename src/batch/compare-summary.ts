/**
 * The summary across a batch of comparisons, built one outcome at a time in
 * input order: a row per scenario (each side's COE entitlement and transfers,
 * the change, the students that changed), and per fiscal year each side's
 * totals and their change — students and ADA by category, transfers, COE
 * entitlement components, findings by code — and the law that caused the
 * deltas with how many scenarios it touched. Sums are exact decimals
 * (src/runtime/money.ts); dollars of different years are never added.
 */
import { change } from '../compare/deltas.js';
import { dec, fixed, ZERO, type Dec } from '../runtime/money.js';
import { SEVERITIES, type Severity } from '../run/result.js';
import type { CompareBatchSummary, CompareScenarioRow, CompareYearTotals } from './compare-contract.js';
import { studentsChanged, type CompareOutcome, type SideFigures } from './compare-outcome.js';
import { batchExitCode, scenarioRowStart } from './outcome.js';

type Side = 'a' | 'b';
const SIDES: readonly Side[] = ['a', 'b'];
const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const both = <T>(make: () => T): Record<Side, T> => ({ a: make(), b: make() });

interface YearSums {
  scenarios: number;
  students: number;
  studentsChanged: number;
  aProjected: number;
  categories: Map<string, { label: string } & Record<Side, { students: number; census_day: number; ada: Dec }>>;
  transfers: Record<Side, { lines: number; ada: Dec; amount: Dec }>;
  components: Map<string, Record<Side, { amount: Dec; notComputed: number }>>;
  total: Record<Side, Dec>;
  incomplete: Record<Side, number>;
  findings: Map<string, { code: string; severity: Severity } & Record<Side, { count: number; scenarios: number }>>;
  causes: Map<string, { kind: 'parameter' | 'rule' | 'formula'; name: string; scenarios: number; deltas: number }>;
}

function newYear(): YearSums {
  return { scenarios: 0, students: 0, studentsChanged: 0, aProjected: 0, categories: new Map(), transfers: both(() => ({ lines: 0, ada: ZERO, amount: ZERO })), components: new Map(), total: both(() => ZERO), incomplete: both(() => 0), findings: new Map(), causes: new Map() };
}

const diff = (a: string, b: string): string => change(a, b)!;

export class CompareSummaryBuilder {
  private readonly rows: CompareScenarioRow[] = [];
  private readonly years = new Map<string, YearSums>();

  add(o: CompareOutcome): CompareScenarioRow {
    const c = o.result;
    const s = o.sides;
    const ran = c !== undefined && s !== undefined;
    const side = (f: SideFigures) => ({ coe_entitlement: f.coe.total, transfers: f.transfers.amount });
    const row: CompareScenarioRow = {
      ...scenarioRowStart(this.rows.length + 1, o),
      ...(ran
        ? {
            students: s.b.students,
            a: side(s.a),
            b: side(s.b),
            change: { coe_entitlement: diff(s.a.coe.total, s.b.coe.total), transfers: diff(s.a.transfers.amount, s.b.transfers.amount) },
            students_changed: studentsChanged(c),
            deltas: c.deltas.length,
            ...(c.a.projection ? { a_projected: true as const } : {}),
          }
        : {}),
      ...(o.error !== undefined ? { error: o.error } : {}),
    };
    this.rows.push(row);
    if (ran) this.addRun(c.fiscal_year, s, row.students_changed!, c.deltas, c.a.projection !== undefined);
    return row;
  }

  private addRun(year: string, sides: Record<Side, SideFigures>, changed: number, deltas: NonNullable<CompareOutcome['result']>['deltas'], aProjected: boolean): void {
    let y = this.years.get(year);
    if (!y) this.years.set(year, (y = newYear()));
    y.scenarios += 1;
    y.students += sides.b.students;
    y.studentsChanged += changed;
    if (aProjected) y.aProjected += 1;
    for (const k of SIDES) {
      const f = sides[k];
      for (const c of f.categories) {
        let t = y.categories.get(c.category);
        if (!t) y.categories.set(c.category, (t = { label: c.label, ...both(() => ({ students: 0, census_day: 0, ada: ZERO })) }));
        t[k].students += c.students;
        t[k].census_day += c.census_day;
        t[k].ada = t[k].ada.plus(dec(c.ada));
      }
      y.transfers[k].lines += f.transfers.lines;
      y.transfers[k].ada = y.transfers[k].ada.plus(dec(f.transfers.ada));
      y.transfers[k].amount = y.transfers[k].amount.plus(dec(f.transfers.amount));
      for (const c of f.coe.components) {
        let t = y.components.get(c.name);
        if (!t) y.components.set(c.name, (t = both(() => ({ amount: ZERO, notComputed: 0 }))));
        t[k].amount = t[k].amount.plus(dec(c.amount));
        if (!c.computed) t[k].notComputed += 1;
      }
      y.total[k] = y.total[k].plus(dec(f.coe.total));
      if (!f.coe.complete) y.incomplete[k] += 1;
      for (const x of f.findings) {
        const key = `${x.severity} ${x.code}`;
        let t = y.findings.get(key);
        if (!t) y.findings.set(key, (t = { code: x.code, severity: x.severity, ...both(() => ({ count: 0, scenarios: 0 })) }));
        t[k].count += x.count;
        t[k].scenarios += 1;
      }
    }
    const named = new Map<string, number>();
    for (const d of deltas) {
      for (const c of d.causes) {
        const key = `${c.kind} ${c.name}`;
        named.set(key, (named.get(key) ?? 0) + 1);
        if (!y.causes.has(key)) y.causes.set(key, { kind: c.kind, name: c.name, scenarios: 0, deltas: 0 });
      }
    }
    for (const [key, n] of named) {
      const t = y.causes.get(key)!;
      t.scenarios += 1;
      t.deltas += n;
    }
  }

  build(): CompareBatchSummary {
    const money = (x: Dec): string => fixed(x, 2);
    const totals: CompareYearTotals[] = [...this.years.entries()]
      .sort(([x], [z]) => cmp(x, z))
      .map(([fiscal_year, y]) => ({
        fiscal_year,
        scenarios: y.scenarios,
        students: y.students,
        students_changed: y.studentsChanged,
        a_projected: y.aProjected,
        categories: [...y.categories.entries()].map(([category, t]) => ({
          category,
          label: t.label,
          a: { students: t.a.students, census_day: t.a.census_day, ada: money(t.a.ada) },
          b: { students: t.b.students, census_day: t.b.census_day, ada: money(t.b.ada) },
          change: { students: t.b.students - t.a.students, census_day: t.b.census_day - t.a.census_day, ada: money(t.b.ada.minus(t.a.ada)) },
        })),
        transfers: {
          a: { lines: y.transfers.a.lines, ada: money(y.transfers.a.ada), amount: money(y.transfers.a.amount) },
          b: { lines: y.transfers.b.lines, ada: money(y.transfers.b.ada), amount: money(y.transfers.b.amount) },
          change: { lines: y.transfers.b.lines - y.transfers.a.lines, ada: money(y.transfers.b.ada.minus(y.transfers.a.ada)), amount: money(y.transfers.b.amount.minus(y.transfers.a.amount)) },
        },
        coe_entitlement: {
          components: [...y.components.entries()].map(([name, t]) => ({ name, a: money(t.a.amount), b: money(t.b.amount), change: money(t.b.amount.minus(t.a.amount)), not_computed: { a: t.a.notComputed, b: t.b.notComputed } })),
          total: { a: money(y.total.a), b: money(y.total.b), change: money(y.total.b.minus(y.total.a)) },
          incomplete: { ...y.incomplete },
        },
        findings: [...y.findings.values()]
          .sort((p, q) => SEVERITIES.indexOf(p.severity) - SEVERITIES.indexOf(q.severity) || cmp(p.code, q.code))
          .map((f) => ({ code: f.code, severity: f.severity, a: f.a, b: f.b, change: f.b.count - f.a.count })),
        causes: [...y.causes.values()].sort((p, q) => cmp(p.name, q.name) || cmp(p.kind, q.kind)),
      }));
    const ran = this.rows.filter((r) => r.status === 'ok' || r.status === 'findings').length;
    return { scenarios: this.rows, ran, failed: this.rows.length - ran, totals, exit_code: batchExitCode(this.rows) };
  }
}
