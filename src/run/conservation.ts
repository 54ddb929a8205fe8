/**
 * Conservation, checked on every run: each student's ADA, enrollment and
 * UPC lands in exactly one known LEA; totals in equal totals out; transfers
 * net to zero across LEAs; every LEA's counts after the adjustments are
 * possible ones. A violation is fatal (LCFF-F010).
 */
import { Dec, fixed, ONE, percentText, ZERO } from '../runtime/money.js';
import { RunError } from './context.js';
import type { LeaTally } from './leas.js';
import type { Conservation, TransferResult } from './result.js';
import type { StudentRows } from './student-rows.js';
import type { StudentGroup } from './students.js';

export function checkConservation(students: { groups: readonly StudentGroup[]; rows: StudentRows }, leas: Map<string, LeaTally>, transfers: TransferResult[]): Conservation {
  const problems: string[] = [];
  const { groups, rows } = students;
  if (groups.some((g) => !leas.has(g.creditedTo)) || rows.duplicateIds().length > 0) {
    // each student, in id order: only when something is wrong
    let prior: string | undefined;
    for (const s of rows) {
      if (s.id === prior) problems.push(`student ${s.id} is counted twice`);
      prior = s.id;
      if (!leas.has(s.credited_to)) problems.push(`student ${s.id} is credited to ${s.credited_to}, which is not an LEA of the scenario`);
    }
  }
  let adaIn = ZERO;
  for (const g of groups) adaIn = adaIn.plus(g.ada);
  let adaBefore = ZERO;
  let adaOut = ZERO;
  let enrIn = 0;
  let enrOut = 0;
  let upcIn = 0;
  let upcOut = 0;
  for (const l of leas.values()) {
    adaBefore = adaBefore.plus(l.adaBefore);
    adaOut = adaOut.plus(l.adaAfter);
    enrIn += l.enrBefore;
    enrOut += l.enrAfter;
    upcIn += l.upcBefore;
    upcOut += l.upcAfter;
  }
  if (!adaIn.eq(adaOut) || !adaIn.eq(adaBefore)) problems.push(`ADA in ${fixed(adaIn, 2)} ≠ ADA credited ${fixed(adaOut, 2)}`);
  if (enrIn !== enrOut) problems.push(`enrollment before ${enrIn} ≠ after ${enrOut}`);
  if (upcIn !== upcOut) problems.push(`unduplicated count before ${upcIn} ≠ after ${upcOut}`);
  const net = new Map<string, Dec>();
  for (const t of transfers) {
    net.set(t.from, (net.get(t.from) ?? ZERO).minus(new Dec(t.amount)));
    net.set(t.to, (net.get(t.to) ?? ZERO).plus(new Dec(t.amount)));
  }
  let transfersNet = ZERO;
  for (const v of net.values()) transfersNet = transfersNet.plus(v);
  if (!transfersNet.isZero()) problems.push(`transfers do not net to zero (${fixed(transfersNet, 2)})`);
  if (problems.length > 0) throw new RunError('LCFF-F010', `conservation violated:\n  ${problems.join('\n  ')}`);
  return { ada_in: fixed(adaIn, 2), ada_out: fixed(adaOut, 2), enrollment_in: enrIn, enrollment_out: enrOut, upc_in: upcIn, upc_out: upcOut, transfers_net: fixed(transfersNet, 2) };
}

/** One LEA's unduplicated pupil percentages, single-year and rolling, before and after the adjustments. */
export interface LeaPercentages {
  before: Dec;
  after: Dec;
  rollingBefore: Dec;
  rollingAfter: Dec;
}

/**
 * The counts of every LEA after the county-program adjustments are possible
 * ones: never negative, never more unduplicated pupils than pupils, and so
 * no unduplicated pupil percentage outside [0, 1]. The loader refuses the
 * declared counts that would break this (LCFF-S034, LCFF-S038); if students
 * still produce such counts, the run stops here, before any figure is
 * computed from them or printed.
 */
export function checkCountsPossible(leas: Iterable<LeaTally>, percentages: (lea: LeaTally) => LeaPercentages): void {
  const problems: string[] = [];
  for (const l of leas) {
    const who = `${l.kind} ${l.cds}`;
    if (l.enrAfter < 0 || l.upcAfter < 0) {
      problems.push(`${who} ends with negative counts (enrollment ${l.enrAfter}, unduplicated ${l.upcAfter}): its declared counts are smaller than the students moved out of it`);
      continue;
    }
    for (const [when, enr, upc] of [['before', l.enrBefore, l.upcBefore], ['after', l.enrAfter, l.upcAfter]] as const) {
      if (upc > enr) problems.push(`${who} has more unduplicated pupils (${upc}) than pupils (${enr}) ${when} the adjustments`);
    }
    const p = percentages(l);
    for (const [name, x] of [['UPP before', p.before], ['UPP after', p.after], ['rolling UPP before', p.rollingBefore], ['rolling UPP after', p.rollingAfter]] as const) {
      if (x.isNegative() || x.greaterThan(ONE)) problems.push(`${who}: its ${name} would be ${percentText(x)}, outside 0%..100%`);
    }
  }
  if (problems.length > 0) throw new RunError('LCFF-F010', `conservation violated (impossible counts):\n  ${problems.join('\n  ')}`);
}
