/**
 * Crediting: ADA, census-day enrollment and unduplicated counts of each LEA
 * before and after the county-program adjustments CDE makes (FAQ Q5, Q20:
 * district +, COE −; COE +, charter −), and the unduplicated pupil
 * percentages, single-year and over the window the law sets for the year.
 */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { Dec, fixed, ZERO } from '../runtime/money.js';
import type { CountPair } from '../scenario/model.js';
import { checkCountsPossible } from './conservation.js';
import { RunError, type RunContext } from './context.js';
import type { LeaResult, FindingResult } from './result.js';
import type { FindingSink } from './finding-rows.js';
import type { StudentGroup } from './students.js';
import { needed } from './vocabulary.js';

export interface LeaTally {
  cds: string;
  kind: 'coe' | 'district' | 'charter';
  name: string;
  adaBefore: Dec;
  adaAfter: Dec;
  enrBefore: number;
  enrAfter: number;
  upcBefore: number;
  upcAfter: number;
  history: Map<number, CountPair>;
  rollingAfter: Dec;
  rollingBefore: Dec;
}

export function tallyLeas(ctx: RunContext, groups: readonly StudentGroup[]): Map<string, LeaTally> {
  const sc = ctx.scenario;
  const leas = new Map<string, LeaTally>();
  const add = (cds: string, kind: LeaTally['kind'], name: string, enr: number, upc: number, history?: Map<number, CountPair>): void => {
    leas.set(cds, { cds, kind, name, adaBefore: ZERO, adaAfter: ZERO, enrBefore: enr, enrAfter: enr, upcBefore: upc, upcAfter: upc, history: history ?? new Map(), rollingAfter: ZERO, rollingBefore: ZERO });
  };
  add(sc.coe.cds, 'coe', sc.coe.name, 0, 0, sc.coe.history);
  for (const d of sc.districts) add(d.cds, 'district', d.name, d.enrollment, d.unduplicated, d.history);
  for (const c of sc.charters) add(c.cds, 'charter', c.name, c.enrollment, c.unduplicated, c.history);
  const coe = leas.get(sc.coe.cds)!;
  for (const g of groups) {
    // who reports the students: the COE for its own schools, the charter for its schools
    const reporter = g.school.operator.kind === 'charter' ? leas.get(g.school.operator.cds)! : coe;
    const credited = leas.get(g.creditedTo);
    if (!credited) continue; // conservation reports it
    reporter.adaBefore = reporter.adaBefore.plus(g.ada);
    credited.adaAfter = credited.adaAfter.plus(g.ada);
    if (!g.census_day) continue;
    const n = g.students;
    const upc = g.unduplicated ? n : 0;
    if (reporter === coe) {
      // the COE's own CALPADS counts are its schools' census-day students
      coe.enrBefore += n;
      coe.enrAfter += n;
      coe.upcBefore += upc;
      coe.upcAfter += upc;
    }
    if (credited !== reporter) {
      reporter.enrAfter -= n;
      reporter.upcAfter -= upc;
      credited.enrAfter += n;
      credited.upcAfter += upc;
    }
  }
  return leas;
}

function ratio(num: number, den: number): Dec {
  return den === 0 ? ZERO : new Dec(num).div(den);
}

/**
 * A window without end (a formula upp_window_includes that holds for every
 * year) stops the run here rather than looping: machinery, not law.
 */
const MAX_WINDOW_YEARS = 100;

/** The prior years of the UPP window, nearest first: those formula upp_window_includes admits. */
function priorWindowYears(ctx: RunContext): number[] {
  const years: number[] = [];
  for (let back = 1; ; back++) {
    const inside = needed(ctx, 'upp_window_includes', [new Dec(back)]);
    if (inside !== true) return years;
    if (back >= MAX_WINDOW_YEARS) throw new RunError('LCFF-F007', `formula upp_window_includes admits ${MAX_WINDOW_YEARS} prior years or more: the UPP window has no end`);
    years.push(ctx.year - back);
  }
}

/** Rolling UPP: sums of unduplicated counts over sums of enrollment for the window's years (rules/county-programs/upp-window.lcff). */
export async function computeUpp(ctx: RunContext, leas: Map<string, LeaTally>, findings: FindingSink): Promise<number> {
  const prior = priorWindowYears(ctx).sort((a, b) => a - b);
  const window = prior.length + 1;
  for (const lea of leas.values()) {
    let enr = 0;
    let upc = 0;
    const missing: string[] = [];
    for (const y of prior) {
      const h = lea.history.get(y);
      if (h) {
        enr += h.enrollment;
        upc += h.unduplicated;
      } else missing.push(formatFiscalYear(y));
    }
    const facts = { lea: { cds: lea.cds, missing_history_years: new Dec(missing.length) } };
    for (const f of await ctx.decide('upp_history_checks', `lea ${lea.cds}`, facts)) {
      findings.add({
        code: String(f.outputs.code),
        severity: String(f.outputs.level) as FindingResult['severity'],
        subject: lea.cds,
        message: `${String(f.outputs.message)} (no history for ${missing.join(', ')} of the ${window}-year window)`,
        rule: `upp_history_checks.${f.rule.name}`,
        cite: f.rule.cites.join('; '),
      });
    }
    lea.rollingBefore = ratio(upc + lea.upcBefore, enr + lea.enrBefore);
    lea.rollingAfter = ratio(upc + lea.upcAfter, enr + lea.enrAfter);
  }
  // before any rate, transfer or grant uses a percentage, and before any is printed
  checkCountsPossible(leas.values(), (l) => ({ before: ratio(l.upcBefore, l.enrBefore), after: ratio(l.upcAfter, l.enrAfter), rollingBefore: l.rollingBefore, rollingAfter: l.rollingAfter }));
  return window;
}

export function leaResult(lea: LeaTally, window: number): LeaResult {
  return {
    cds: lea.cds,
    kind: lea.kind,
    name: lea.name,
    ada: { before: fixed(lea.adaBefore, 2), after: fixed(lea.adaAfter, 2) },
    enrollment: { before: lea.enrBefore, after: lea.enrAfter },
    unduplicated: { before: lea.upcBefore, after: lea.upcAfter },
    upp: {
      before: fixed(ratio(lea.upcBefore, lea.enrBefore), 4),
      after: fixed(ratio(lea.upcAfter, lea.enrAfter), 4),
      rolling_before: fixed(lea.rollingBefore, 4),
      rolling_after: fixed(lea.rollingAfter, 4),
      window_years: window,
    },
  };
}
