/** `lcff test <files>`: runs scenario test cases and reports each. */
import { stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import pc from 'picocolors';
import { loadCases, runCase } from '../../testing/cases.js';
import { checkedLibrary } from '../library.js';
import { EXIT, UserError } from '../errors.js';
import { formatCaseFailures } from '../case-diff.js';

async function caseFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const st = await stat(p).catch(() => undefined);
    if (!st) throw new UserError(`${p}: no such file or folder`);
    if (st.isDirectory()) for (const e of (await readdir(p)).sort()) await walk(join(p, e));
    else if (p.endsWith('.yaml') && !p.endsWith('.scenario.yaml')) out.push(p); // *.scenario.yml files are scenarios the cases share
  };
  for (const p of paths) await walk(p);
  return out;
}

export async function testCommand(paths: string[], opts: { rules?: string }): Promise<number> {
  const lib = await checkedLibrary(opts.rules);
  let passed = 0;
  let failed = 0;
  for (const file of await caseFiles(paths)) {
    let cases;
    try {
      cases = await loadCases(file);
    } catch (e) {
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
    for (const c of cases) {
      const { failures } = await runCase(lib, c);
      if (failures.length === 0) {
        passed++;
        process.stdout.write(`${pc.green('✔')} ${file}: ${c.name}\n`);
      } else {
        failed++;
        process.stdout.write(`${pc.red('✘')} ${file}: ${c.name}\n${formatCaseFailures(failures).join('\n')}\n`);
      }
    }
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT.findings : EXIT.ok;
}
