#!/usr/bin/env node
/** The `lcff` command line. */
import './color-policy.js'; // first: picocolors reads the environment when loaded
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './commands/check.js';
import { compileCommand } from './commands/compile.js';
import { diffCommand } from './commands/diff.js';
import { fmtCommand } from './commands/fmt.js';
import { ratesCommand } from './commands/rates.js';
import { runCommand } from './commands/run.js';
import { reportCommand, REPORT_NAMES } from './commands/report.js';
import { testCommand } from './commands/test.js';
import { EXIT, UserError } from './errors.js';
import { collect } from './library.js';
import { visible } from '../core/safe-text.js';
import { examples } from './help.js';
import { packageVersion } from './package-info.js';
import { setWide } from '../report/table-width.js';
import { lspArgs, LSP_USAGE } from '../../lsp/server/args.js';

// A reader that stops early (`lcff check | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const program = new Command();
program
  .name('lcff')
  .description("California's LCFF county-program funding law as versioned, executable rules")
  .version(packageVersion(), '-V, --version', 'print the version of lcff-rules')
  .option('--wide', 'never narrow tables to the terminal width')
  .showHelpAfterError()
  // commander's own errors (unknown option or command, missing argument) are usage errors: exit 2, as README says; --help and --version exit 0
  .exitOverride()
  .hook('preAction', (_program, command) => setWide(command.optsWithGlobals().wide === true));
examples(program, [
  ['lcff run examples/2019-20-county-charter', 'run the 2019-20 example county'],
  ['lcff report transfers examples/2019-20-county-charter', "CDE's transfer report by district of residence"],
  ['lcff check rules/', 'check the rule library'],
  ['lcff rates --year 2024-25', 'the values in force in 2024-25'],
  ['lcff help run', 'the options of one command'],
]);

/**
 * Runs a command; user errors print one line each and exit with their code,
 * never a stack trace. Whatever a message quotes from the input is printed
 * visible-safe (its lines kept): the last guard before the terminal.
 */
function action<A extends unknown[]>(fn: (...args: A) => Promise<number>) {
  return async (...args: A): Promise<void> => {
    try {
      process.exitCode = await fn(...args);
    } catch (e) {
      if (e instanceof UserError) {
        process.stderr.write(`${visible(e.message, true)}\n`);
        process.exitCode = e.exitCode;
      } else {
        process.stderr.write(`lcff: internal error: ${visible(e instanceof Error ? e.message : String(e), true)}\n(this is a bug in lcff-rules; please report it with the command you ran)\n`);
        process.exitCode = EXIT.fatal;
      }
    }
  };
}

program
  .command('check')
  .description('check rule and parameter files; exit 1 on any error; list the unconfirmed values relied on')
  .argument('[paths...]', 'files or folders (default: the bundled rules/)')
  .option('-q, --quiet', 'only diagnostics and the summary')
  .action(action((paths: string[], opts: { quiet?: boolean }) => checkCommand(paths, opts)));
examples(program.commands.at(-1)!, [
  ['lcff check', 'the bundled rules/'],
  ['lcff check rules/county-programs/transfer.lcff --quiet', 'one file: its diagnostics and the summary'],
]);

program
  .command('compile')
  .description('the rules in force in a fiscal year, as json-rules-engine rules')
  .requiredOption('-y, --year <year>', 'fiscal year, e.g. 2019-20')
  .option('--json', 'print the compiled rules as JSON')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((opts: { year: string; json?: boolean; rules?: string }) => compileCommand(opts)));
examples(program.commands.at(-1)!, [
  ['lcff compile --year 2019-20', 'a summary of the rules in force'],
  ['lcff compile --year 2019-20 --json > rules-2019-20.json', 'the json-rules-engine rules'],
]);

program
  .command('rates')
  .description("every parameter's value in force in a fiscal year, with citation and status")
  .requiredOption('-y, --year <year>', 'fiscal year, e.g. 2024-25')
  .option('--json', 'print as JSON')
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((opts: { year: string; json?: boolean; rules?: string; set?: string[] }) => ratesCommand(opts)));
examples(program.commands.at(-1)!, [
  ['lcff rates --year 2024-25', 'every value of 2024-25 with citation and status'],
  ['lcff rates --year 2019-20 --json', 'the same as JSON'],
]);

program
  .command('diff')
  .description('rules and parameter values that changed between two fiscal years')
  .argument('<from>', 'first fiscal year')
  .argument('<to>', 'second fiscal year')
  .option('--json', 'print as JSON')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((from: string, to: string, opts: { json?: boolean; rules?: string }) => diffCommand(from, to, opts)));
examples(program.commands.at(-1)!, [
  ['lcff diff 2020-21 2021-22', 'what changed between two years'],
  ['lcff diff 2018-19 2019-20 --json', 'the mandatory transfer arrives, as JSON'],
]);

program
  .command('run')
  .description("run a county scenario: credits, transfers, reporting, findings")
  .argument('<scenario>', 'scenario YAML/JSON file, or a folder with scenario.yaml')
  .option('-y, --year <year>', 'fiscal year (default: the scenario\'s)')
  .option('--json', 'print the result contract as JSON, and nothing else (written as it goes, at any size)')
  .option('--ndjson <file>', 'write one JSON line per student (the fields of the result\'s students); "-" for standard output')
  .option('--csv <dir>', 'write one CSV file per table')
  .option('--findings <n|all>', 'the terminal report lists the first n findings of each code and severity (default 20), or all of them')
  .option('--explain <id>', 'explain a student (id) or an LEA (CDS code, or "coe")')
  .option('--html <file>', 'write a report a fiscal analyst can open in a browser: per-LEA tables and the funding flow')
  .option('--xlsx <file>', 'write an Excel workbook: summary, students, transfers, SACS entries, findings, rates of the year, unconfirmed values (with --json: both)')
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--fast', 'use the compiled fast path instead of json-rules-engine (no trace); the default from 10,000 students')
  .option('--engine', 'use json-rules-engine even for large scenarios')
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse exists (for pipelines)').choices(['error', 'warning']))
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((path: string, opts) => runCommand(path, opts)));
examples(program.commands.at(-1)!, [
  ['lcff run examples/2019-20-county-charter', 'the tables in the terminal'],
  ['lcff run examples/2019-20-county-charter --xlsx county.xlsx', 'an Excel workbook'],
  ['lcff run examples/2019-20-county-charter --json > result.json', 'the result contract as JSON'],
  ['lcff run examples/2019-20-county-charter --explain S006', 'why student S006 is District Funded'],
  ['lcff run my-county --fail-on error', 'exit 1 when the run finds an error (CI)'],
]);

program
  .command('explain')
  .description('explain one student (id) or LEA (CDS code, or "coe") of a scenario: the rules that fired and why, with citations')
  .argument('<scenario>', 'scenario YAML/JSON file, or a folder with scenario.yaml')
  .argument('<id>', 'student id, LEA CDS code, or "coe"')
  .option('-y, --year <year>', "fiscal year (default: the scenario's)")
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((path: string, id: string, opts: { year?: string; rules?: string; dataDir?: string; set?: string[] }) => runCommand(path, { ...opts, explain: id })));
examples(program.commands.at(-1)!, [
  ['lcff explain examples/2019-20-county-charter S004', 'a student: which rules fired and why'],
  ['lcff explain examples/2019-20-county-charter 0161176', 'a district: its credits and transfer'],
  ['lcff explain examples/2019-20-county-charter coe', 'the county office'],
]);

program
  .command('report')
  .description(`a CDE-shaped report of a scenario's run: ${REPORT_NAMES.join(', ')}`)
  .argument('<name>', `the report: ${REPORT_NAMES.join(' | ')}`)
  .argument('<scenario>', 'scenario YAML/JSON file, or a folder with scenario.yaml')
  .option('-y, --year <year>', "fiscal year (default: the scenario's)")
  .option('--csv <file>', 'write the report as one CSV file')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((name: string, path: string, opts: { year?: string; csv?: string; rules?: string }) => reportCommand(name, path, opts)));
examples(program.commands.at(-1)!, [
  ['lcff report transfers examples/2019-20-county-charter', 'ADA, enrollment and UPC moved to each district of residence, and the transfer'],
  ['lcff report calpads-1.19 examples/2019-20-county-charter', 'a CALPADS 1.19-style COE LCFF count'],
  ['lcff report calpads-1.20 examples/2019-20-county-charter --csv 1.20.csv', 'the 1.20-style student list as CSV'],
  ['lcff report reconciliation examples/2019-20-county-charter', 'PADC ADA against CALPADS (FAQ Q13), mismatches flagged'],
]);

program
  .command('test')
  .description('run scenario test cases (YAML) and compare with their expected results')
  .argument('<files...>', 'test case files or folders (a case reads scenario files only inside the folder given, or the case file\'s folder)')
  .option('--data-dir <dir>', 'a folder the cases may read scenario files from, besides the folders given')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((files: string[], opts: { rules?: string; dataDir?: string }) => testCommand(files, opts)));
examples(program.commands.at(-1)!, [
  ['lcff test test/cases', 'every case; failures show expected against actual, field by field'],
  ['lcff test test/cases/transfer/statutory.yaml', 'one file'],
]);

program
  .command('fmt')
  .description('format rule files in the canonical layout (the language server uses the same formatter)')
  .argument('[paths...]', 'files or folders (default: the bundled rules/)')
  .option('--check', 'only list the files that would change; exit 1 if any')
  .action(action((paths: string[], opts: { check?: boolean }) => fmtCommand(paths ?? [], opts)));
examples(program.commands.at(-1)!, [
  ['lcff fmt', 'format the bundled rules/ in place'],
  ['lcff fmt --check rules/', 'list files that would change; exit 1 if any (CI)'],
]);

program
  .command('lsp')
  .description('start the language server (for editors)')
  .option('--stdio', 'talk LSP over standard input/output (required)')
  .helpOption('-h, --help', 'show this help')
  .addHelpText('after', `\n${LSP_USAGE.split('\n').slice(2).join('\n')}`)
  .action(async (opts: { stdio?: boolean }) => {
    const what = lspArgs(opts.stdio ? ['--stdio'] : []);
    if (what.action !== 'serve') {
      process.stderr.write(`${what.action === 'usage-error' ? what.message.replace('lcff-lsp', 'lcff lsp') : ''}\n\n${LSP_USAGE}`);
      process.exitCode = EXIT.input;
      return;
    }
    const { startServer } = await import('../../lsp/server/main.js');
    startServer();
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.input;
}
