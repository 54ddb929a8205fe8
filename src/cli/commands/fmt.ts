/**
 * `lcff fmt [paths] [--check]`: rewrites rule files in the canonical layout
 * (src/format, the same formatter as the language server). With `--check`,
 * lists the files that would change and exits 1 when there are any. Files
 * with syntax errors are reported and left alone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatRuleText } from '../../format/index.js';
import { visible } from '../../core/safe-text.js';
import { findSources, isRuleFile } from '../../semantics/workspace.js';
import { MAX_SOURCE_CHARS } from '../../syntax/limits.js';
import { EXIT } from '../errors.js';
import { asUserError } from '../library.js';
import { bundledRules } from '../paths.js';

export async function fmtCommand(paths: string[], opts: { check?: boolean }): Promise<number> {
  const files = (await asUserError(() => findSources(paths.length > 0 ? paths : [bundledRules()]))).filter(isRuleFile);
  let changed = 0;
  let broken = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const formatted = formatRuleText(text);
    if (formatted === undefined) {
      broken++;
      const why = text.length > MAX_SOURCE_CHARS ? `is larger than ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters` : 'has syntax errors';
      process.stderr.write(`${visible(file)}: ${why} (run lcff check); not formatted\n`);
      continue;
    }
    if (formatted === text) continue;
    changed++;
    if (opts.check) process.stdout.write(`${visible(file)}\n`);
    else await writeFile(file, formatted, 'utf8');
  }
  if (!opts.check && changed > 0) process.stdout.write(`formatted ${changed} of ${files.length} file(s)\n`);
  if (opts.check && changed > 0) return EXIT.findings;
  return broken > 0 ? EXIT.findings : EXIT.ok;
}
