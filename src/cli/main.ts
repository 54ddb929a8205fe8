#!/usr/bin/env node
/** The `lcff` command line. */
import { Command } from 'commander';
import { checkCommand } from './commands/check.js';
import { compileCommand } from './commands/compile.js';
import { diffCommand } from './commands/diff.js';
import { fmtCommand } from './commands/fmt.js';
import { ratesCommand } from './commands/rates.js';
import { runCommand } from './commands/run.js';
import { testCommand } from './commands/test.js';
import { EXIT, UserError } from './errors.js';
import { collect } from './library.js';
import { visible } from '../core/safe-text.js';

// A reader that stops early (`lcff check | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const program = new Command();
program.name('lcff').description("California's LCFF county-program funding law as versioned, executable rules").showHelpAfterError();

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

program
  .command('compile')
  .description('the rules in force in a fiscal year, as json-rules-engine rules')
  .requiredOption('-y, --year <year>', 'fiscal year, e.g. 2019-20')
  .option('--json', 'print the compiled rules as JSON')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((opts: { year: string; json?: boolean; rules?: string }) => compileCommand(opts)));

program
  .command('rates')
  .description("every parameter's value in force in a fiscal year, with citation and status")
  .requiredOption('-y, --year <year>', 'fiscal year, e.g. 2024-25')
  .option('--json', 'print as JSON')
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((opts: { year: string; json?: boolean; rules?: string; set?: string[] }) => ratesCommand(opts)));

program
  .command('diff')
  .description('rules and parameter values that changed between two fiscal years')
  .argument('<from>', 'first fiscal year')
  .argument('<to>', 'second fiscal year')
  .option('--json', 'print as JSON')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((from: string, to: string, opts: { json?: boolean; rules?: string }) => diffCommand(from, to, opts)));

program
  .command('run')
  .description("run a county scenario: credits, transfers, reporting, findings")
  .argument('<scenario>', 'scenario YAML/JSON file, or a folder with scenario.yaml')
  .option('-y, --year <year>', 'fiscal year (default: the scenario\'s)')
  .option('--json', 'print the result contract as JSON, and nothing else')
  .option('--csv <dir>', 'write one CSV file per table')
  .option('--explain <id>', 'explain a student (id) or an LEA (CDS code, or "coe")')
  .option('--html <file>', 'write a report a fiscal analyst can open in a browser: per-LEA tables and the funding flow')
  .option('--xlsx <file>', 'write an Excel workbook: summary, students, transfers, SACS entries, findings, rates of the year, unconfirmed values (with --json: both)')
  .option('--data-dir <dir>', "a folder the scenario may read data files from, besides its own folder")
  .option('--fast', 'use the compiled fast path instead of json-rules-engine (no trace); the default from 10,000 students')
  .option('--engine', 'use json-rules-engine even for large scenarios')
  .option('--set <parameter@year=value>', 'replace a parameter value in force in a fiscal year, for this run only (repeatable); a breakdown member: <parameter>.<member>@<year>=<value>', collect)
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((path: string, opts) => runCommand(path, opts)));

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

program
  .command('test')
  .description('run scenario test cases (YAML) and compare with their expected results')
  .argument('<files...>', 'test case files or folders (a case reads scenario files only inside the folder given, or the case file\'s folder)')
  .option('--data-dir <dir>', 'a folder the cases may read scenario files from, besides the folders given')
  .option('--rules <dir>', 'rule library (default: the bundled rules/)')
  .action(action((files: string[], opts: { rules?: string; dataDir?: string }) => testCommand(files, opts)));

program
  .command('fmt')
  .description('format rule files in the canonical layout (the language server uses the same formatter)')
  .argument('[paths...]', 'files or folders (default: the bundled rules/)')
  .option('--check', 'only list the files that would change; exit 1 if any')
  .action(action((paths: string[], opts: { check?: boolean }) => fmtCommand(paths ?? [], opts)));

program
  .command('lsp')
  .description('start the language server (for editors)')
  .option('--stdio', 'talk LSP over standard input/output (the default)')
  .action(async () => {
    const { startServer } = await import('../../lsp/server/main.js');
    startServer();
  });

await program.parseAsync(process.argv);
