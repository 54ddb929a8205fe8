/** `lcff compile --year Y [--json]`: the rules in force in a year, as json-rules-engine rules. */
import pc from 'picocolors';
import { compileProgram, programJson } from '../../compile/program.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { checkedLibrary, yearInLibrary, yearOption } from '../library.js';
import { EXIT } from '../errors.js';

export async function compileCommand(opts: { year: string; json?: boolean; rules?: string; reform?: string }): Promise<number> {
  const lib = await checkedLibrary(opts.rules, opts.reform);
  const year = yearInLibrary(lib, yearOption(opts.year));
  const program = compileProgram(lib, year);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(programJson(program), null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${pc.bold(`Rules in force in ${formatFiscalYear(year)}`)}\n`);
  for (const d of program.decisions.values()) {
    process.stdout.write(`\ndecision ${pc.bold(d.name)} for ${d.subject}${d.mode === 'collect' ? ' (every rule that applies fires)' : ' (first rule that applies decides)'}\n`);
    for (const r of d.rules) {
      const status = r.status === 'unconfirmed' ? pc.yellow(' [unconfirmed]') : '';
      process.stdout.write(`  ${r.index + 1}. ${r.otherwise ? 'otherwise ' : ''}${r.name}  ${pc.dim(`${r.effective}; ${r.cites.join('; ')}`)}${status}\n`);
      if (r.whenText) process.stdout.write(`       when ${r.whenText}\n`);
      for (const a of r.assignments) process.stdout.write(`       ${a.output} = ${a.text}\n`);
    }
    for (const n of d.notInForce) process.stdout.write(pc.dim(`  (not in force: ${n.name}, ${n.effective})\n`));
  }
  process.stdout.write(`\n${program.formulas.size} formulas in force.\n`);
  return EXIT.ok;
}
