/** `lcff check [paths]`: every diagnostic of the rule files, and the unconfirmed values they rely on. */
import pc from 'picocolors';
import { visible } from '../../core/safe-text.js';
import type { ReformInfo } from '../../semantics/reform.js';
import { openLibrary } from '../cached-library.js';
import { EXIT } from '../errors.js';

/** The marker a note uses to name the source that would confirm an unconfirmed value. */
export const CONFIRMED_BY = 'Confirmed by:';

/** An unconfirmed note as two indented lines: why it is unconfirmed, and what would confirm it. */
export function unconfirmedNote(note: string | undefined): string {
  const text = visible(note ?? '');
  const at = text.indexOf(CONFIRMED_BY);
  if (at < 0) return `    why: ${text || '(no note)'}\n    would be confirmed by: (the note does not say)`;
  return `    why: ${text.slice(0, at).trim()}\n    would be confirmed by: ${text.slice(at + CONFIRMED_BY.length).trim().replace(/\.$/, '')}`;
}

/** What a reform replaced and added, one line each. */
export function reformSummary(r: ReformInfo): string {
  const lines = r.changes.map((c) => `  ${c.kind} ${c.what} ${visible(c.name)} [${visible(c.file)}:${c.line}]`);
  return `\n${pc.bold(`The reform (${r.files.length} file(s)) replaces or adds ${r.changes.length} item(s):`)}\n${lines.join('\n')}\n`;
}

export async function checkCommand(paths: string[], opts: { quiet?: boolean; reform?: string }): Promise<number> {
  const library = await openLibrary(paths, opts.reform);
  const summary = await library.summary();
  for (const d of summary.diagnostics) process.stdout.write(`${d.text}\n`);
  if (opts.reform !== undefined && !opts.quiet) {
    const reform = (await library.library()).reform;
    if (reform) process.stdout.write(reformSummary(reform));
  }
  const errors = summary.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = summary.diagnostics.filter((d) => d.severity === 'warning').length;
  if (!opts.quiet && summary.unconfirmed.length > 0) {
    const unconfirmed = summary.unconfirmed.map((u) => `  ${u.what} [${u.at}]\n${unconfirmedNote(u.note)}`);
    process.stdout.write(`\n${pc.yellow(`Unconfirmed values and rules the library relies on (${unconfirmed.length}):`)}\n${visible(unconfirmed.join('\n'), true)}\n`);
  }
  process.stdout.write(`\n${summary.files} files, ${summary.decisions} decisions, ${summary.formulas} formulas, ${summary.parameters} parameters: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? EXIT.findings : EXIT.ok;
}
