/** Findings grouped by code with counts and expandable detail, and the students' table. */
import { dec, sum } from '../../runtime/money.js';
import type { FindingResult, RunResult } from '../../run/result.js';
import { ada, esc, section, table, type Cell } from './markup.js';
import type { Words } from './words.js';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** A finding's message without the detail the run appends in parentheses: what every finding of its group says. */
function headline(f: FindingResult): string {
  const cut = f.message.indexOf(' (');
  return cut > 0 ? f.message.slice(0, cut) : f.message;
}

export function findings(r: RunResult, words: Words): string {
  const note = words.optional('section_note', 'findings');
  if (r.findings.length === 0) return section('findings', `${words.section('findings')} (0)`, note, '<p>—</p>');
  const groups = new Map<string, FindingResult[]>();
  for (const f of r.findings) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  const ordered = [...groups].sort(([a, fa], [b, fb]) => Math.min(...fa.map((f) => RANK[f.severity])) - Math.min(...fb.map((f) => RANK[f.severity])) || (a < b ? -1 : 1));
  const parts = ordered.map(([code, fs]) => {
    const worst = fs.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), fs[0].severity);
    const headlines = [...new Set(fs.map(headline))];
    const rows: Cell[][] = fs.map((f) => [f.subject === words.lea(f.subject) ? f.subject : `${words.lea(f.subject)} (${f.subject})`, f.message, f.cite]);
    return `<details class="finding ${esc(worst)}"><summary><span class="badge ${esc(worst)}">${esc(words.label('severity', worst))}</span> <code>${esc(code)}</code> <b>${esc(String(fs.length))}</b> · ${esc(headlines.join(' / '))}</summary>${table([words.column('subject'), words.column('message'), words.column('citation')], rows)}</details>`;
  });
  return section('findings', `${words.section('findings')} (${r.findings.length})`, note, parts.join(''));
}

export function students(r: RunResult, words: Words): string {
  const c = (k: string): string => words.column(k);
  const rows: Cell[][] = r.students.map((s) => [s.id, words.member('funding_category', s.category), words.lea(s.credited_to), ada(s.ada), s.census_day ? '✓' : '—', s.expected_transfer_codes.join(', ') || '—', s.cite]);
  const totals: Cell[] = [`${words.label('unconfirmed', 'total')} (${r.students.length})`, '', '', ada(sum(r.students.map((s) => dec(s.ada)))), String(r.students.filter((s) => s.census_day).length), '', ''];
  return section('students', `${words.section('students')} (${r.students.length})`, undefined, `<details class="students"><summary>${esc(words.section('students'))} (${r.students.length})</summary>${table([c('student'), c('category'), c('credited_to'), c('ada'), c('census_day'), c('expected_codes'), c('citation')], rows, totals)}</details>`);
}
