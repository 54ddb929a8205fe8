#!/usr/bin/env node
/** The `lcff` command line. */
import './color-policy.js'; // first: picocolors reads the environment when loaded
import { Command, CommanderError, Option } from 'commander';
import type { CompareOptions } from './commands/compare.js';
import type { DiffOptions } from './commands/diff.js';
import type { ProjectCommandOptions } from './commands/project.js';
import { DEFAULT_JOBS, jobsOption } from './jobs-option.js';
import { EXIT, UserError } from './errors.js';
import { cannotWrite } from './stdout-file.js';
import { collect } from './collect.js';
import { disableCache } from '../cache/store.js';
import { REPORT_NAMES } from '../report/cde/names.js';
import { visible } from '../core/safe-text.js';
import { examples } from './help.js';
import { packageVersion } from './package-info.js';
import { setWide } from '../report/table-width.js';
import { lspArgs, LSP_USAGE } from '../../lsp/server/args.js';

const REFORM_HELP = 'a reform: a folder of rule and parameter files overlaid on the library (docs/reforms.md)';
const SET_HELP = 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>';

// A reader that stops early (`lcff check | head`) is not an error; any other write error (a full disk) is said in one line, exit 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) process.stderr.write(`${cannotWrite(e).message}\n`);
    process.exit(EXIT.input);
  });
}

const program = new Command();
program
  .name('lcff')
  .description("California's LCFF county-program funding law as versioned, executable rules")
  .version(packageVersion(), '-V, --version', 'print the version of lcff-rules')
  .option('--wide', 'never narrow tables to the terminal width')
  .option('--no-cache', 'neither read nor write the cache of read, checked and compiled rule libraries (also: LCFF_NO_CACHE=1)')
  .showHelpAfterError()
  // commander's own errors (unknown option or command, missing argument) are usage errors: exit 2, as README says; --help and --version exit 0
  .exitOverride()
  .hook('preAction', (_program, command) => {
    const opts = command.optsWithGlobals();
    setWide(opts.wide === true);
    if (opts.cache === false) disableCache();
  });
examples(program, [
  ['lcff run examples/2019-20-county-charter', 'run the 2019-20 example county'],
  ['lcff report transfers examples/2019-20-county-charter', "CDE's transfer report by district of residence"],
  ['lcff check rules/', 'check the rule library'],
  ['lcff rates --year 2024-25', 'the values in force in 2024-25'],
  ['lcff help run', 'the options of one command'],
]);

/**
 * Each command's module is imported when the command runs, so `lcff --version`,
 * `--help` and the cached `check` and `compile` load no parser, rule engine,
 * schema validator or workbook writer.
 */
const commands = {
  check: () => import('./commands/check.js'),
  compile: () => import('./commands/compile.js'),
  diff: () => import('./commands/diff.js'),
  fmt: () => import('./commands/fmt.js'),
  rates: () => import('./commands/rates.js'),
  report: () => import('./commands/report.js'),
  run: () => import('./commands/run.js'),
  test: () => import('./commands/test.js'),
  project: () => import('./commands/project.js'),
  compare: () => import('./commands/compare.js'),
};

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

const COLUMNS_HELP = "a YAML mapping of student columns to your CSV's headers (id: SSID, …); replaces the scenario's students.columns";

program
  .command('check')
  .description('check rule and parameter files; exit 1 on any error; list the unconfirmed values relied on')
  .argument('[paths...]', 'files or folders (default: the bundled rules/)')
  .option('-q, --quiet', 'only diagnostics and the summary')
  .option('--reform <folder>', 'check a reform: the folder\'s rule and parameter files overlaid on the library (docs/reforms.md)')
  .action(action(async (paths: string[], opts: { quiet?: boolean; reform?: string }) => (await commands.check()).checkCommand(paths, opts)));
examples(program.commands.at(-1)!, [
  ['lcff check', 'the bundled rules/'],
  ['lcff check rules/county-programs/transfer.lcff --quiet', 'one file: its diagnostics and the summary'],
  ['lcff check --reform examples/reforms/2026-27-concentration-70', 'a reform in the context of the library, and what it replaces or adds'],
]);

program
  .command('compile')
  .description('the rules in force in a fiscal year, as json-rules-engine rules')
  .requiredOption('-y, --year <year>', 'fiscal year, e.g. 2019-20')
  .option('--json', 'print the compiled rules as JSON')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('--reform <folder>', REFORM_HELP)
  .action(action(async (opts: { year: string; json?: boolean; rules?: string; reform?: string }) => (await commands.compile()).compileCommand(opts)));
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
  .option('--reform <folder>', REFORM_HELP)
  .action(action(async (opts: { year: string; json?: boolean; rules?: string; set?: string[]; reform?: string }) => (await commands.rates()).ratesCommand(opts)));
examples(program.commands.at(-1)!, [
  ['lcff rates --year 2024-25', 'every value of 2024-25 with citation and status'],
  ['lcff rates --year 2019-20 --json', 'the same as JSON'],
]);

program
  .command('diff')
  .description('rules and parameter values that changed between two fiscal years, or (one year with --reform or --set) between the library and the reform')
  .argument('<from>', 'first fiscal year (with --reform or --set alone: the year to compare the library and the reform in)')
  .argument('[to]', 'second fiscal year')
  .option('--json', 'print as JSON')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('--reform <folder>', REFORM_HELP)
  .option('--set <parameter@year=value>', SET_HELP, collect)
  .action(action(async (from: string, to: string | undefined, opts: DiffOptions) => (await commands.diff()).diffCommand(from, to, opts)));
examples(program.commands.at(-1)!, [
  ['lcff diff 2026-27 --reform examples/reforms/2026-27-concentration-70', 'what a reform changes in a year'],
  ['lcff diff 2020-21 2021-22', 'what changed between two years'],
  ['lcff diff 2018-19 2019-20 --json', 'the mandatory transfer arrives, as JSON'],
]);

program
  .command('run')
  .description('run a county scenario: credits, transfers, reporting, findings; several scenarios, or a folder of them: each run and a summary across them')
  .argument('<scenarios...>', 'scenario YAML/JSON file, or a folder with scenario.yaml; several of them, or a folder of such folders, for a batch')
  .option('-y, --year <year>', 'fiscal year (default: the scenario\'s)')
  .option('--json', 'print the result contract as JSON, and nothing else (written as it goes, at any size)')
  .option('--ndjson <file>', 'write one JSON line per student (the fields of the result\'s students); "-" for standard output')
  .option('--csv <dir>', 'write one CSV file per table')
  .option('--findings <n|all>', 'the terminal report lists the first n findings of each code and severity (default 20), or all of them')
  .option('--explain <id>', 'explain a student (id) or an LEA (CDS code, or "coe")')
  .option('--html <file>', 'write a report a fiscal analyst can open in a browser: per-LEA tables and the funding flow')
  .option('--xlsx <file>', 'write an Excel workbook: summary, students, transfers, SACS entries, findings, rates of the year, unconfirmed values (with --json: both)')
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--columns <file>', COLUMNS_HELP)
  .option('--fast', 'use the compiled fast path instead of json-rules-engine (no trace); the default from 10,000 students')
  .option('--engine', 'use json-rules-engine even for large scenarios')
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse exists (for pipelines)').choices(['error', 'warning']))
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('--reform <folder>', REFORM_HELP)
  // batch runs (several scenarios or a folder of them)
  .option('-j, --jobs <n>', `batch: scenarios run at once on worker threads (default ${DEFAULT_JOBS})`, jobsOption)
  .action(action(async (paths: string[], opts) => (await commands.run()).runCommand(paths, opts)));
examples(program.commands.at(-1)!, [
  ['lcff run examples/2019-20-county-charter', 'the tables in the terminal'],
  ['lcff run examples/ --jobs 2', 'every scenario folder of examples/, and a summary across them'],
  ['lcff run examples/2019-20-county-charter --xlsx county.xlsx', 'an Excel workbook'],
  ['lcff run examples/2019-20-county-charter --json > result.json', 'the result contract as JSON'],
  ['lcff run examples/2019-20-county-charter --explain S006', 'why student S006 is District Funded'],
  ['lcff run my-county --fail-on error', 'exit 1 when the run finds an error (CI)'],
  ['SOURCE_DATE_EPOCH=1767323045 lcff run my-county --json', 'byte-identical output: the time its provenance states is fixed'],
]);

program
  .command('project')
  .description("the scenario's year and the years after it side by side (a multi-year projection); a year past the library's last year of enacted law only with an assumed COLA")
  .argument('<scenarios...>', 'scenario YAML/JSON file, or a folder with scenario.yaml; several of them, or a folder of such folders, for a batch')
  .requiredOption('--years <from..to>', "the years to project: from the year after the scenario's, e.g. 2026-27..2028-29")
  .option('--assumptions <file>', "a YAML/JSON file of assumptions (cola, ada_growth, enrollment_growth, upc_growth), instead of the scenario's assumptions:")
  .option('--json', 'print the projection as JSON (schemas/projection.schema.json), and nothing else')
  .option('--csv <dir>', 'write the projection as CSV files (projection.csv, assumptions.csv, law.csv, carried_forward.csv, user_supplied.csv); a batch: summary files and a folder of them per scenario')
  .option('--html <file>', 'write the projection as a standalone page: the years side by side, projected figures marked, the assumptions and the provenance')
  .option('--xlsx <file>', 'write an Excel workbook: Projection (the years side by side, projected columns shaded), Assumptions, Law, Provenance (with --json: both)')
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--fast', 'use the compiled fast path instead of json-rules-engine')
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, projected years included (repeatable)', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('-j, --jobs <n>', `batch: scenarios projected at once on worker threads (default ${DEFAULT_JOBS})`, jobsOption)
  .action(action(async (paths: string[], opts: ProjectCommandOptions) => (await commands.project()).projectCommand(paths, opts)));
examples(program.commands.at(-1)!, [
  ['lcff project examples/2025-26-projection --years 2026-27..2027-28', 'the scenario year and two projected years, with the COLA its assumptions state'],
  ['lcff project my-county --years 2026-27..2028-29 --assumptions budget.yaml', 'a three-year projection with the assumptions of a file'],
  ['lcff project my-county --years 2026-27 --set cola_coe@2026-27=2.5%', 'a different COE COLA for one projected year'],
  ['lcff project my-county --years 2026-27..2028-29 --json > projection.json', 'the projection as JSON'],
  ['lcff project state/ --years 2026-27..2028-29 --jobs 2', 'every county of a folder, and the totals of each year across them'],
  ['lcff project my-county --years 2026-27..2028-29 --xlsx budget.xlsx --html budget.html', 'the projection as a workbook and a page'],
]);

program
  .command('compare')
  .description('run a scenario on two sides of the law (the library, and the library with a reform or overrides; or --against another library) and print every figure that changed, with the rule or parameter that caused it')
  .argument('<scenarios...>', 'scenario YAML/JSON file, or a folder with scenario.yaml; several of them, or a folder of such folders, for a batch')
  .option('--reform <folder>', 'side b: the library with this reform overlaid (docs/reforms.md)')
  .option('--set <parameter@year=value>', `side b: ${SET_HELP}`, collect)
  .option('--against <folder or revision>', 'side a: another rule library, as a folder or a git revision of rules/ (default: the library itself)')
  .option('--assumptions <file>', "side a past its library's last year: the COLA of each year to project it by (a YAML/JSON file as lcff project reads; else the scenario's assumptions:)")
  .option('-y, --year <year>', "fiscal year (default: the scenario's)")
  .option('--json', 'print the comparison as JSON (schemas/compare.schema.json), and nothing else')
  .option('--csv <file>', 'write every changed figure as one CSV file; a batch: a folder of summary files and, per scenario, a folder with that file')
  .option('--html <file>', 'write the comparison as a standalone page: both sides, the law that differs, every changed figure and its cause')
  .option('--data-dir <dir>', 'a folder the scenario may read data files from, besides its own folder')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('-j, --jobs <n>', `batch: scenarios compared at once on worker threads (default ${DEFAULT_JOBS})`, jobsOption)
  .action(action(async (paths: string[], opts: CompareOptions) => (await commands.compare()).compareCommand(paths, opts)));
examples(program.commands.at(-1)!, [
  ['lcff compare examples/2019-20-county-charter --set supplemental_pct@2019-20=25%', 'each district\'s rate and transfer at a 25% supplemental grant'],
  ['lcff compare examples/2019-20-county-charter --reform examples/reforms/no-zero-alternative-rate', 'what a reform of one rule changes'],
  ['lcff compare examples/2019-20-county-charter --against HEAD~3', 'the library as it is against the library three commits ago'],
  ['lcff compare state/ --reform examples/reforms/supplemental-25 --jobs 2', 'every county of a folder, and the deltas and their causes across them'],
  ['lcff compare my-county-2026-27 --reform examples/reforms/2026-27-concentration-70 --assumptions cola.yaml', 'a reform adding 2026-27 against current law projected by an assumed COLA'],
]);

program
  .command('explain')
  .description('explain one student (id) or LEA (CDS code, or "coe") of a scenario: the rules that fired and why, with citations')
  .argument('<scenario>', 'scenario YAML/JSON file, or a folder with scenario.yaml')
  .argument('<id>', 'student id, LEA CDS code, or "coe"')
  .option('-y, --year <year>', "fiscal year (default: the scenario's)")
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--columns <file>', COLUMNS_HELP)
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('--reform <folder>', REFORM_HELP)
  .action(action(async (path: string, id: string, opts: { year?: string; rules?: string; dataDir?: string; columns?: string; set?: string[]; reform?: string }) => (await commands.run()).runCommand(path, { ...opts, explain: id })));
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
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--columns <file>', COLUMNS_HELP)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .option('--reform <folder>', REFORM_HELP)
  .action(action(async (name: string, path: string, opts: { year?: string; csv?: string; rules?: string; dataDir?: string; columns?: string; reform?: string }) => (await commands.report()).reportCommand(name, path, opts)));
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
  .option('--reform <folder>', REFORM_HELP)
  .action(action(async (files: string[], opts: { rules?: string; dataDir?: string; reform?: string }) => (await commands.test()).testCommand(files, opts)));
examples(program.commands.at(-1)!, [
  ['lcff test test/cases', 'every case; failures show expected against actual, field by field'],
  ['lcff test test/cases/transfer/statutory.yaml', 'one file'],
]);

program
  .command('fmt')
  .description('format rule files in the canonical layout (the language server uses the same formatter)')
  .argument('[paths...]', 'files or folders (default: the bundled rules/)')
  .option('--check', 'only list the files that would change; exit 1 if any')
  .action(action(async (paths: string[], opts: { check?: boolean }) => (await commands.fmt()).fmtCommand(paths ?? [], opts)));
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
