/** `lcff test <files>`: runs scenario test cases and reports each. */
import { stat, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pc from 'picocolors';
import { visible } from '../../core/safe-text.js';
import { vocabulariesOf } from '../../scenario/schema.js';
import { loadCases, runCase } from '../../testing/cases.js';
import { dataDirOption } from '../data-dir.js';
import { checkedLibrary } from '../library.js';
import { EXIT, UserError } from '../errors.js';
import { formatCaseFailures } from '../case-diff.js';

/**
 * The case files under each path, each with its root: the folder given (or
 * the case file's folder when a file is given). A case reads scenario files
 * only inside its root (and --data-dir).
 */
async function caseFiles(paths: string[]): Promise<Array<{ file: string; root: string }>> {
  const out: Array<{ file: string; root: string }> = [];
  const walk = async (p: string, root: string): Promise<void> => {
    const st = await stat(p).catch(() => undefined);
    if (!st) throw new UserError(`${p}: no such file or folder`);
    if (st.isDirectory()) for (const e of (await readdir(p)).sort()) await walk(join(p, e), root);
    else if (p.endsWith('.yaml') && !p.endsWith('.scenario.yaml')) out.push({ file: p, root }); // *.scenario.yml files are scenarios the cases share
  };
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    await walk(p, resolve(st?.isDirectory() ? p : dirname(p)));
  }
  return out;
}

export async function testCommand(paths: string[], opts: { rules?: string; dataDir?: string; reform?: string }): Promise<number> {
  const lib = await checkedLibrary(opts.rules, opts.reform);
  const vocabularies = vocabulariesOf(lib);
  const dataDir = opts.dataDir !== undefined ? await dataDirOption(opts.dataDir) : undefined;
  let passed = 0;
  let failed = 0;
  for (const { file, root } of await caseFiles(paths)) {
    let cases;
    try {
      cases = await loadCases(file);
    } catch (e) {
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
    for (const c of cases) {
      const { failures } = await runCase(lib, c, { roots: [root], vocabularies, ...(dataDir !== undefined ? { dataDir } : {}) });
      const title = visible(`${file}: ${c.name}`);
      if (failures.length === 0) {
        passed++;
        process.stdout.write(`${pc.green('✔')} ${title}\n`);
      } else {
        failed++;
        process.stdout.write(`${pc.red('✘')} ${title}\n${formatCaseFailures(failures).map((l) => visible(l)).join('\n')}\n`);
      }
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.findings : EXIT.ok;
}
