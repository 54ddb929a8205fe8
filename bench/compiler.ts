/** Parse + check + compile time of the bundled library and of a generated 10,000-rule file. */
import { readFile } from 'node:fs/promises';
import { compileProgram } from '../src/compile/program.js';
import { findSources, buildLibrary, type SourceText } from '../src/semantics/workspace.js';
import { bundledRules } from '../src/cli/paths.js';
import { measure, printTable } from './measure.js';

/** A decision of n rules over the library's facts, each with its own condition and citation. */
export function generatedRules(n: number): string {
  const lines = ['decision generated_bench for student', '  "generated for the benchmark"', '  cite "bench"', '  output tag : Text', ''];
  for (let i = 0; i < n; i++) {
    lines.push(`  rule r${i}`, `    cite "bench ${i}"`, '    effective 2013-14 onward', `    when student.grade = ${i % 13} and student.ada > ${(i % 100) / 100} and student.basis in [wic_602, voluntary]`, `    then tag = "r${i}"`, '');
  }
  lines.push('end', '');
  return lines.join('\n');
}

export async function benchCompiler(): Promise<void> {
  const files = await findSources([bundledRules()]);
  const library: SourceText[] = await Promise.all(files.map(async (f) => ({ file: f, text: await readFile(f, 'utf8') })));
  const big: SourceText[] = [...library, { file: 'generated.lcff', text: generatedRules(10_000) }];
  const rows = [
    await measure('library: parse+check', 20, () => buildLibrary(library)),
    await measure('library: parse+check+compile 2019-20', 20, () => compileProgram(buildLibrary(library), 2019)),
    await measure('library + 10,000 rules: parse+check', 5, () => buildLibrary(big), 10_000),
    await measure('library + 10,000 rules: parse+check+compile', 5, () => compileProgram(buildLibrary(big), 2019), 10_000),
  ];
  printTable('Rule library: parse, check, compile', rows);
}
