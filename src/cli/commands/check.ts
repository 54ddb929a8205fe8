/** `lcff check [paths]`: every diagnostic of the rule files, and the unconfirmed values they rely on. */
import pc from 'picocolors';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { visible } from '../../core/safe-text.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { loadLibrary } from '../../semantics/workspace.js';
import type { ReformInfo } from '../../semantics/reform.js';
import { EXIT } from '../errors.js';
import { asUserError } from '../library.js';
import { bundledRules } from '../paths.js';

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
  const lib = await asUserError(() => loadLibrary(paths.length > 0 ? paths : [bundledRules()], process.cwd(), opts.reform));
  for (const d of lib.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
  if (lib.reform && !opts.quiet) process.stdout.write(reformSummary(lib.reform));
  const errors = lib.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = lib.diagnostics.filter((d) => d.severity === 'warning').length;
  if (!opts.quiet) {
    const unconfirmed: string[] = [];
    const item = (what: string, note: string | undefined, at: string): void => {
      unconfirmed.push(`  ${what} [${at}]\n${unconfirmedNote(note)}`);
    };
    for (const p of lib.paramList) {
      for (const rv of lib.params.entries(p.name)) if (rv.status === 'unconfirmed') item(`${p.name} ${formatFiscalYear(rv.year)}`, rv.note, `${rv.file}:${rv.range.start.line}`);
    }
    for (const [name, versions] of lib.formulas) for (const v of versions) if (v.decl.status?.value === 'unconfirmed') item(`formula ${name}`, v.decl.status.note, `${v.file}:${v.decl.name.range.start.line}`);
    for (const { decl, file } of lib.decisions.values()) for (const r of decl.rules) if (r.status?.value === 'unconfirmed') item(`rule ${decl.name.text}.${r.name.text}`, r.status.note, `${r.file ?? file}:${r.name.range.start.line}`);
    if (unconfirmed.length > 0) process.stdout.write(`\n${pc.yellow(`Unconfirmed values and rules the library relies on (${unconfirmed.length}):`)}\n${visible(unconfirmed.join('\n'), true)}\n`);
  }
  const files = lib.files.length + new Set(lib.paramList.map((p) => p.file)).size;
  process.stdout.write(`\n${files} files, ${lib.decisions.size} decisions, ${lib.formulas.size} formulas, ${lib.paramList.length} parameters: ${errors} error(s), ${warnings} warning(s)\n`);
  return errors > 0 ? EXIT.findings : EXIT.ok;
}
