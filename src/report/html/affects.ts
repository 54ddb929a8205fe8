/**
 * What an unconfirmed value affects in this run: the rule rows of the result
 * (transfer lines, the AEG, students' categories, findings, CALPADS fields,
 * prior-year corrections) whose rule uses it, directly or through formulas
 * and other rules — derived from the checked library's references, so the
 * answer follows the rules as written.
 */
import { dec, sum } from '../../runtime/money.js';
import type { RunResult } from '../../run/result.js';
import type { Library } from '../../semantics/library.js';
import { moneyText } from './markup.js';
import type { Words } from './words.js';

/** definition key → keys of the formulas, decisions and rules whose text refers to it. */
export function usersOf(lib: Library): Map<string, Set<string>> {
  const containers = lib.definitions.filter((d) => (d.kind === 'formula' || d.kind === 'rule' || d.kind === 'decision') && d.fullRange);
  const users = new Map<string, Set<string>>();
  for (const ref of lib.references) {
    const at = ref.range.start.offset;
    let inner: (typeof containers)[number] | undefined;
    for (const c of containers) {
      if (c.file !== ref.file || c.fullRange!.start.offset > at || c.fullRange!.end.offset < at) continue;
      if (!inner || c.fullRange!.end.offset - c.fullRange!.start.offset < inner.fullRange!.end.offset - inner.fullRange!.start.offset) inner = c;
    }
    if (!inner || inner.key === ref.key) continue;
    const set = users.get(ref.key) ?? new Set<string>();
    set.add(inner.key);
    users.set(ref.key, set);
  }
  return users;
}

/** The definition key of an unconfirmed name: a parameter, a formula, or `decision.rule`. */
function keyOf(lib: Library, name: string): string {
  if (lib.params.get(name)) return `param:${name}`;
  if (lib.formulas.has(name)) return `formula:${name}`;
  return `rule:${name}`;
}

/** Every rule key that uses `name`, itself included. */
export function reach(lib: Library, users: Map<string, Set<string>>, name: string): Set<string> {
  const seen = new Set<string>([keyOf(lib, name)]);
  const queue = [...seen];
  while (queue.length) {
    for (const u of users.get(queue.pop()!) ?? []) {
      if (!seen.has(u)) {
        seen.add(u);
        queue.push(u);
      }
    }
  }
  return seen;
}

export interface Effect {
  /** The report section affected. */
  section: string;
  /** What of it, in this run's figures. */
  text: string;
}

/** What in the result the rules in `keys` produce, in the report's words (one entry per section of the report). */
export function affected(r: RunResult, keys: Set<string>, words: Words): Effect[] {
  const uses = (rule: string): boolean => keys.has(`rule:${rule}`) || keys.has(`decision:${rule.split('.')[0]}`);
  const out: Effect[] = [];
  const add = (section: string, title: string, figure: string): void => {
    out.push({ section, text: `${title}: ${figure}` });
  };
  const transfers = r.transfers.filter((t) => uses(t.rule));
  if (transfers.length) add('transfers', words.section('transfers'), `${moneyText(sum(transfers.map((t) => dec(t.amount))))} (${transfers.length} / ${r.transfers.length})`);
  if (uses(r.aeg.rule)) add('aeg', words.section('aeg'), r.aeg.known ? moneyText(r.aeg.total) : r.aeg.note);
  const students = r.students.filter((s) => uses(s.rule));
  if (students.length) add('students', words.section('students'), `${students.length} / ${r.students.length}`);
  const findings = r.findings.filter((f) => uses(f.rule));
  if (findings.length) add('findings', words.section('findings'), `${findings.length}`);
  if (uses(r.calpads.rule)) add('calpads', words.label('provenance', 'calpads'), `${r.calpads.file} ${r.calpads.transfer_code_field}, ${r.calpads.residence_field}`);
  const prior = r.prior_year_adjustments.filter((p) => uses(p.rule));
  if (prior.length) add('prior_year', words.section('prior_year'), `${prior.length}`);
  return out;
}

/** A section as a whole, for the banner's summary: its title and its total in this run. */
export function sectionHeadline(r: RunResult, section: string, words: Words): string {
  switch (section) {
    case 'transfers':
      return `${words.section('transfers')}: ${moneyText(sum(r.transfers.map((t) => dec(t.amount))))}`;
    case 'aeg':
      return `${words.section('aeg')}: ${r.aeg.known ? moneyText(r.aeg.total) : r.aeg.note}`;
    case 'students':
      return `${words.section('students')}: ${r.students.length}`;
    case 'findings':
      return `${words.section('findings')}: ${r.findings.length}`;
    case 'calpads':
      return `${words.label('provenance', 'calpads')}: ${r.calpads.file} ${r.calpads.transfer_code_field}, ${r.calpads.residence_field}`;
    default:
      return `${words.section(section)}: ${r.prior_year_adjustments.length}`;
  }
}
