/** `lcff diff Y1 Y2`: what the law changed between two fiscal years. */
import { newTable, styled } from '../../report/table.js';
import pc from 'picocolors';
import { diffYears } from '../../semantics/diff.js';
import { checkedLibrary, yearInLibrary, yearOption } from '../library.js';
import { EXIT } from '../errors.js';

export async function diffCommand(y1: string, y2: string, opts: { json?: boolean; rules?: string }): Promise<number> {
  const lib = await checkedLibrary(opts.rules);
  const from = yearInLibrary(lib, yearOption(y1, 'first year'), 'first year');
  const to = yearInLibrary(lib, yearOption(y2, 'second year'), 'second year');
  const diff = diffYears(lib, from, to);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${pc.bold(`What changed from ${diff.from} to ${diff.to}`)}\n`);
  if (diff.rules.length === 0) process.stdout.write('\nRules and formulas: no change.\n');
  else {
    const t = newTable({ head: ['change', 'rule or formula', `${diff.from}`, `${diff.to}`], wordWrap: true, colWidths: [10, 44, 40, 40] });
    for (const r of diff.rules) {
      const side = (v?: { effective: string; cite: string[]; source: string }) => (v ? `${v.effective}\n${v.cite.join('; ')}\n${pc.dim(v.source)}` : '—');
      t.push([r.kind, `${r.what} ${r.name}`, side(r.from), side(r.to)]);
    }
    process.stdout.write(`\nRules and formulas\n${t.toString()}\n`);
  }
  if (diff.values.length === 0) process.stdout.write('\nParameter values: no change.\n');
  else {
    const t = newTable({ head: ['parameter', diff.from, diff.to, 'citation', 'status'], wordWrap: true, colWidths: [30, 34, 34, 40, 13] });
    for (const v of diff.values) t.push([v.name, v.from, v.to, v.cite, v.status === 'unconfirmed' ? styled(v.status, pc.yellow) : v.status]);
    process.stdout.write(`\nParameter values\n${t.toString()}\n`);
  }
  return EXIT.ok;
}
