/**
 * `--explain <student id | LEA cds>`: the trace in words, with citations and
 * parameter values by year. Each line is visible-safe: ids, names, messages
 * and citations cannot carry escape sequences to the terminal.
 */
import { provenanceLines } from './provenance.js';
import { userSuppliedLine } from './user-supplied.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { visible } from '../core/safe-text.js';
import type { TraceEntry } from '../run/context.js';
import type { SourceRegister } from '../params/sources.js';
import type { RunResult } from '../run/result.js';
import { sourceLines } from './sources.js';

/** `register`: the library's sources register, so the closing "Sources" list gives each citation's title and URL. */
export function explain(result: RunResult, trace: TraceEntry[], who: string, register?: SourceRegister): string | undefined {
  const entries = trace.filter((t) => t.subject === `student ${who}` || t.subject === `district ${who}` || t.subject.startsWith(`transfer ${who} `) || (who === 'coe' && t.subject === 'coe') || t.subject.startsWith(`correction ${who} `));
  const lea = result.leas.find((l) => l.cds === who);
  const isCoe = lea?.kind === 'coe';
  if (isCoe) entries.push(...trace.filter((t) => t.subject === 'coe'));
  if (entries.length === 0 && !lea) return undefined;
  const out: string[] = [];
  const supplied = userSuppliedLine(result.user_supplied);
  if (supplied) out.push(supplied, '');
  const cites: string[] = [];
  const student = result.students.find((s) => s.id === who);
  if (student) cites.push(student.cite);
  if (student) out.push(`Student ${who}: ${student.category}, credited to ${student.credited_to} (rule ${student.rule}; ${student.cite}); expected transfer codes: ${student.expected_transfer_codes.join(', ') || 'none'}.`);
  if (lea) {
    out.push(`${lea.kind} ${lea.cds} ${lea.name}: ADA ${lea.ada.before} → ${lea.ada.after}; enrollment ${lea.enrollment.before} → ${lea.enrollment.after}; unduplicated ${lea.unduplicated.before} → ${lea.unduplicated.after}; UPP ${lea.upp.after} (rolling ${lea.upp.rolling_after} over ${lea.upp.window_years} year(s)).`);
    for (const t of result.transfers.filter((x) => x.from === who || x.to === who)) cites.push(t.cite);
    for (const t of result.transfers.filter((x) => x.from === who || x.to === who)) out.push(`Transfer ${t.from} → ${t.to}, ${t.grade_span}: ${t.ada} ADA × ${t.rate_per_ada} = ${t.amount} (${t.basis}: ${t.reason}; ${t.cite}).`);
  }
  if (who === 'coe' || isCoe) {
    const ent = result.coe_entitlement;
    out.push('', `COE entitlement (target${ent.complete ? '' : ', incomplete'}): ${ent.total}`);
    for (const c of ent.components) {
      cites.push(...c.cite.split('; ').filter(Boolean));
      out.push(`  ${c.name}: ${c.computed ? c.amount : 'not computed'} — inputs: ${c.inputs}${c.rate ? `; rate: ${c.rate}` : ''}${c.rule ? ` (rule ${c.rule}${c.cite ? `; ${c.cite}` : ''})` : ''}`, `      ${c.note}`);
    }
    for (const m of ent.missing) out.push(`  missing: ${m}`);
    for (const n of ent.not_modelled) {
      cites.push(n.cite);
      out.push(`  not modelled: ${n.item} (${n.cite}): ${n.reason}`);
    }
  }
  for (const e of entries) {
    out.push('', `${e.subject} — decision ${e.decision}:`);
    for (const r of e.rules) cites.push(...r.cite);
    for (const r of e.reads) cites.push(r.cite);
    for (const r of e.rules) out.push(`  ${r.fired ? '✔' : '✘'} rule ${r.rule} [${r.cite.join('; ')}] ${r.reason}`);
    for (const f of e.fired) for (const [k, v] of Object.entries(f.outputs)) out.push(`      ${k} = ${v}`);
    if (e.formulas.length > 0) out.push(`    formulas used: ${e.formulas.join(', ')}`);
    for (const r of e.reads) out.push(`    read ${r.name}${r.member ? `[${r.member}]` : ''} = ${r.value} (value of ${formatFiscalYear(r.year)}; ${r.cite}; ${r.user === 'supplied' ? 'user-supplied' : r.user === 'derived' ? `derived from a user-supplied value; ${r.status}` : r.status}${r.note && !r.user ? `: ${r.note}` : ''})`);
  }
  const findings = result.findings.filter((f) => f.subject === who);
  if (findings.length > 0) out.push('', 'Findings:', ...findings.map((f) => `  ${f.severity} ${f.code}: ${f.message} [${f.rule}; ${f.cite}]`));
  cites.push(...findings.map((f) => f.cite));
  const sources = sourceLines(cites, register);
  if (sources.length > 0) out.push('', 'Sources:', ...sources);
  if (result.provenance) out.push('', ...provenanceLines(result.provenance));
  return `${out.map((line) => visible(line)).join('\n')}\n`;
}
