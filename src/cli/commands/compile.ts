/** `lcff compile --year Y [--json]`: the rules in force in a year, as json-rules-engine rules. */
import pc from 'picocolors';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { openLibrary } from '../cached-library.js';
import { EXIT } from '../errors.js';
import { yearInHorizon, yearOption } from '../year-option.js';

export async function compileCommand(opts: { year: string; json?: boolean; rules?: string; reform?: string }): Promise<number> {
  const library = await openLibrary(opts.rules === undefined ? [] : [opts.rules], opts.reform);
  const summary = await library.checkedSummary();
  const year = yearInHorizon(summary.horizon, yearOption(opts.year));
  const program = await library.compiled(year);
  if (opts.json) {
    process.stdout.write(`${program.json}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${pc.bold(`Rules in force in ${formatFiscalYear(year)}`)}\n`);
  for (const d of program.decisions) {
    process.stdout.write(`\ndecision ${pc.bold(d.name)} for ${d.subject}${d.mode === 'collect' ? ' (every rule that applies fires)' : ' (first rule that applies decides)'}\n`);
    for (const r of d.rules) {
      const status = r.status === 'unconfirmed' ? pc.yellow(' [unconfirmed]') : '';
      process.stdout.write(`  ${r.index + 1}. ${r.otherwise ? 'otherwise ' : ''}${r.name}  ${pc.dim(`${r.effective}; ${r.cites.join('; ')}`)}${status}\n`);
      if (r.whenText) process.stdout.write(`       when ${r.whenText}\n`);
      for (const a of r.assignments) process.stdout.write(`       ${a.output} = ${a.text}\n`);
    }
    for (const n of d.notInForce) process.stdout.write(pc.dim(`  (not in force: ${n.name}, ${n.effective})\n`));
  }
  process.stdout.write(`\n${program.formulas} formulas in force.\n`);
  return EXIT.ok;
}
