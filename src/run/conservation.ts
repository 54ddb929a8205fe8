/**
 * Conservation, checked on every run: each student's ADA, enrollment and
 * UPC lands in exactly one known LEA; totals in equal totals out; transfers
 * net to zero across LEAs. A violation is fatal.
 */
import { Dec, fixed, ZERO } from '../runtime/money.js';
import { RunError } from './context.js';
import type { LeaTally } from './leas.js';
import type { Conservation, TransferResult } from './result.js';
import type { ClassifiedStudent } from './students.js';

export function checkConservation(students: ClassifiedStudent[], leas: Map<string, LeaTally>, transfers: TransferResult[]): Conservation {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const s of students) {
    if (ids.has(s.student.id)) problems.push(`student ${s.student.id} is counted twice`);
    ids.add(s.student.id);
    if (!leas.has(s.creditedTo)) problems.push(`student ${s.student.id} is credited to ${s.creditedTo}, which is not an LEA of the scenario`);
  }
  let adaIn = ZERO;
  for (const s of students) adaIn = adaIn.plus(s.student.ada);
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
    if (l.enrAfter < 0 || l.upcAfter < 0) problems.push(`${l.kind} ${l.cds} ends with negative counts (enrollment ${l.enrAfter}, unduplicated ${l.upcAfter}): its declared counts are smaller than the students moved out of it`);
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
