/**
 * `lcff diff Y1 Y2`: what the law changed between two fiscal years.
 * `lcff diff Y --reform <folder>` (or `--set`): the library against the
 * library with the reform (and the overrides) in one fiscal year.
 */
import { newTable, styled } from '../../report/table.js';
import pc from 'picocolors';
import { visible } from '../../core/safe-text.js';
import { diffLaw, diffYears, type LawDiff } from '../../semantics/diff.js';
import { checkedLibrary, libraryWithSets, yearInLibrary, yearOption } from '../library.js';
import { EXIT, UserError } from '../errors.js';

export interface DiffOptions {
  json?: boolean;
  rules?: string;
  reform?: string;
  set?: string[];
}

export async function diffCommand(y1: string, y2: string | undefined, opts: DiffOptions): Promise<number> {
  const changed = opts.reform !== undefined || (opts.set ?? []).length > 0;
  const { lib } = libraryWithSets(await checkedLibrary(opts.rules, opts.reform), opts.set);
  let diff: LawDiff;
  let title: string;
  if (y2 === undefined) {
    if (!changed) throw new UserError('lcff diff: give two fiscal years (lcff diff 2020-21 2021-22), or one year with --reform <folder> or --set to compare the library with the reform in that year', EXIT.input);
    const base = await checkedLibrary(opts.rules);
    const year = yearInLibrary(lib, yearOption(y1, 'year'), 'year');
    // a year past the library's horizon that the reform adds: the library's side has no law of its own there, so its values in force are compared as they stand
    diff = diffLaw({ lib: base, year }, { lib, year });
    title = `What ${[opts.reform !== undefined ? `the reform ${opts.reform}` : '', (opts.set ?? []).length > 0 ? `--set ${opts.set!.join(', ')}` : ''].filter(Boolean).join(' with ')} changes in ${diff.to}`;
  } else {
    const from = yearInLibrary(lib, yearOption(y1, 'first year'), 'first year');
    const to = yearInLibrary(lib, yearOption(y2, 'second year'), 'second year');
    diff = diffYears(lib, from, to);
    title = `What changed from ${diff.from} to ${diff.to}${changed ? ' (with the reform)' : ''}`;
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${pc.bold(visible(title))}\n`);
  if (diff.rules.length === 0) process.stdout.write('\nRules and formulas: no change.\n');
  else {
    const [left, right] = y2 === undefined ? ['library', 'reform'] : [diff.from, diff.to];
    const t = newTable({ head: ['change', 'rule or formula', left, right], wordWrap: true, colWidths: [10, 44, 40, 40] });
    for (const r of diff.rules) {
      const side = (v?: { effective: string; cite: string[]; source: string }) => (v ? `${v.effective}\n${v.cite.join('; ')}\n${pc.dim(v.source)}` : '—');
      t.push([r.kind, `${r.what} ${r.name}`, side(r.from), side(r.to)]);
    }
    process.stdout.write(`\nRules and formulas\n${t.toString()}\n`);
  }
  if (diff.values.length === 0) process.stdout.write('\nParameter values: no change.\n');
  else {
    const [left, right] = y2 === undefined ? ['library', 'reform'] : [diff.from, diff.to];
    const t = newTable({ head: ['parameter', left, right, 'citation', 'status'], wordWrap: true, colWidths: [30, 34, 34, 40, 13] });
    for (const v of diff.values) t.push([v.name, v.from, v.to, v.cite, v.status === 'unconfirmed' ? styled(v.status, pc.yellow) : v.status]);
    process.stdout.write(`\nParameter values\n${t.toString()}\n`);
  }
  return EXIT.ok;
}
