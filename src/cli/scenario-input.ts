/**
 * What every command that runs a scenario does first, in one place: load the
 * checked rule library (the scenario's vocabularies are the library's), read
 * the --set overrides (a library with those values), the year option within
 * the library's horizon, load the scenario with that
 * year and the allowed data folder, print its warnings on stderr, and refuse
 * a fiscal year the library does not cover.
 */
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { visible } from '../core/safe-text.js';
import { loadScenario, type ScenarioHead, type StudentStream } from '../scenario/load.js';
import type { Scenario } from '../scenario/model.js';
import { vocabulariesOf } from '../scenario/schema.js';
import type { Library } from '../semantics/library.js';
import { dataDirOption } from './data-dir.js';
import { EXIT, UserError } from './errors.js';
import { checkedLibrary, libraryWithSets, yearInLibrary, yearOption } from './library.js';
import type { UserSupplied } from '../params/overrides.js';

export interface ScenarioInputOptions {
  year?: string;
  rules?: string;
  dataDir?: string;
  /** --set overrides: parameter@year=value */
  set?: string[];
}

/** A streamed run: takes the students of a CSV as they are read (load.ts `streamStudents`), given the checked library. */
export type StreamStudents = (lib: Library, head: ScenarioHead) => StudentStream | undefined;

export async function scenarioInput(path: string, opts: ScenarioInputOptions, stream?: StreamStudents): Promise<{ lib: Library; scenario: Scenario; supplied: UserSupplied[] }> {
  const { lib, supplied } = libraryWithSets(await checkedLibrary(opts.rules), opts.set);
  const year = opts.year !== undefined ? yearInLibrary(lib, yearOption(opts.year)) : undefined;
  const dataDir = opts.dataDir !== undefined ? await dataDirOption(opts.dataDir) : undefined;
  const { scenario, diagnostics } = await loadScenario(path, { vocabularies: vocabulariesOf(lib), ...(year !== undefined ? { year } : {}), ...(dataDir !== undefined ? { dataDir } : {}), ...(stream ? { streamStudents: (head: ScenarioHead) => stream(lib, head) } : {}) });
  if (!scenario || hasErrors(diagnostics)) {
    throw new UserError(diagnostics.map(formatDiagnostic).join('\n') || `${path}: the scenario could not be read`, EXIT.input);
  }
  // warnings never stop a run, and never go unsaid (stderr, so --json stays clean)
  for (const d of diagnostics) process.stderr.write(`${visible(formatDiagnostic(d))}\n`);
  yearInLibrary(lib, scenario.fiscal_year, year !== undefined ? '--year' : `${path}: fiscal_year`);
  return { lib, scenario, supplied };
}
