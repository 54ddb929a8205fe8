/** Scenario evaluation: json-rules-engine path vs the closure path and the compiled kernel, on generated students. */
import { compileProgram } from '../src/compile/program.js';
import { Dec } from '../src/runtime/money.js';
import { runScenario } from '../src/run/run.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario, Student } from '../src/scenario/model.js';
import { bundledRules, packageRoot } from '../src/cli/paths.js';
import { join } from 'node:path';
import { measure, printTable } from './measure.js';

/** The 2019-20 example with its students repeated to n rows (ids made unique). */
function scaled(base: Scenario, n: number): Scenario {
  const students: Student[] = [];
  for (let i = 0; i < n; i++) {
    const s = base.students[i % base.students.length];
    students.push({ ...s, id: `${s.id}-${i}`, ada: new Dec(s.ada) });
  }
  // enough declared enrollment that moving n students out keeps counts non-negative
  const charters = base.charters.map((c) => ({ ...c, enrollment: c.enrollment + n, unduplicated: c.unduplicated + n }));
  return { ...base, students, charters };
}

export async function benchRunner(): Promise<void> {
  const lib = await loadLibrary([bundledRules()]);
  const { scenario } = await loadScenario(join(packageRoot(), 'examples/2019-20-county-charter'));
  if (!scenario) throw new Error('the 2019-20 example does not load');
  const program = compileProgram(lib, scenario.fiscal_year);
  const rows = [];
  for (const n of [1_000, 10_000]) {
    const s = scaled(scenario, n);
    rows.push(await measure(`${n.toLocaleString('en-US')} students, json-rules-engine`, 3, () => runScenario(lib, s, { program, evaluator: 'engine' }), n));
    rows.push(await measure(`${n.toLocaleString('en-US')} students, closure path`, 3, () => runScenario(lib, s, { program, evaluator: 'fast' }), n));
    rows.push(await measure(`${n.toLocaleString('en-US')} students, compiled kernel`, 3, () => runScenario(lib, s, { program, evaluator: 'kernel' }), n));
  }
  printTable('Scenario run (classification, crediting, transfers, findings)', rows);
}
