/**
 * What every command that runs a scenario does first, in one place: load the
 * checked rule library (the scenario's vocabularies are the library's), read
 * the --set overrides (a library with those values), the year option within
 * the library's horizon, load the scenario with that
 * year, the allowed data folder and the --columns mapping, print its warnings on stderr, and refuse
 * a fiscal year the library does not cover.
 */
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { visible } from '../core/safe-text.js';
import { loadScenario, type ScenarioHead, type StudentStream } from '../scenario/load.js';
import type { Scenario } from '../scenario/model.js';
import { loadColumnMapFile, type ColumnMap } from '../scenario/column-map.js';
import { csvColumns } from '../scenario/csv-students.js';
import { scenarioValidators, vocabulariesOf, type Vocabularies } from '../scenario/schema.js';
import type { Library } from '../semantics/library.js';
import { dataDirOption } from './data-dir.js';
import { EXIT, UserError } from './errors.js';
import { checkedLibrary, libraryWithSets, yearInLibrary, yearOption } from './library.js';
import type { UserSupplied } from '../params/overrides.js';

export interface ScenarioInputOptions {
  year?: string;
  rules?: string;
  dataDir?: string;
  /** --columns: a column mapping file for the student CSV */
  columns?: string;
  /** --set overrides: parameter@year=value */
  set?: string[];
  /** --reform: a folder of rule and parameter files overlaid on the library */
  reform?: string;
}

/** The mapping of a --columns file; its problems (file:line:col) are a usage error. */
async function columnMapOption(file: string, vocabularies: Vocabularies): Promise<ColumnMap> {
  const validators = scenarioValidators(vocabularies);
  const { map, diagnostics } = await loadColumnMapFile(file, validators, csvColumns(validators.schema).columns);
  if (!map) throw new UserError(diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
  for (const d of diagnostics) process.stderr.write(`${visible(formatDiagnostic(d))}\n`);
  return map;
}

/** The command-level inputs every scenario of a command shares: the checked library with the --set values, the --year, --data-dir and --columns options. */
export interface PreparedInput {
  lib: Library;
  supplied: UserSupplied[];
  year?: number;
  dataDir?: string;
  columns?: ColumnMap;
}

/** Loads what a command's scenarios share, once per command (or per worker of a batch run); bad options are usage errors. */
export async function prepareInput(opts: ScenarioInputOptions): Promise<PreparedInput> {
  const { lib, supplied } = libraryWithSets(await checkedLibrary(opts.rules, opts.reform), opts.set);
  const year = opts.year !== undefined ? yearInLibrary(lib, yearOption(opts.year)) : undefined;
  const dataDir = opts.dataDir !== undefined ? await dataDirOption(opts.dataDir) : undefined;
  const columns = opts.columns !== undefined ? await columnMapOption(opts.columns, vocabulariesOf(lib)) : undefined;
  return { lib, supplied, ...(year !== undefined ? { year } : {}), ...(dataDir !== undefined ? { dataDir } : {}), ...(columns !== undefined ? { columns } : {}) };
}

/** Each warning line of a scenario, visible-safe; by default written to stderr. */
export type WarningSink = (line: string) => void;

/** Warnings printed on stderr, a line each (a single command's sink; a batch keeps each scenario's). */
export const toStderr: WarningSink = (line) => process.stderr.write(`${line}\n`);

/** Loads one scenario against prepared inputs: its errors are a UserError (exit 2), its warnings go to `warn`. */
/** A streamed run: takes the students of a CSV as they are read (load.ts `streamStudents`), given the checked library. */
export type StreamStudents = (lib: Library, head: ScenarioHead) => StudentStream | undefined;

export async function loadScenarioInput(path: string, input: PreparedInput, warn: WarningSink = toStderr, stream?: StreamStudents): Promise<Scenario> {
  const { lib, year, dataDir, columns } = input;
  const { scenario, diagnostics } = await loadScenario(path, { vocabularies: vocabulariesOf(lib), ...(year !== undefined ? { year } : {}), ...(dataDir !== undefined ? { dataDir } : {}), ...(columns !== undefined ? { columns } : {}), ...(stream ? { streamStudents: (head: ScenarioHead) => stream(lib, head) } : {}) });
  if (!scenario || hasErrors(diagnostics)) {
    throw new UserError(diagnostics.map(formatDiagnostic).join('\n') || `${path}: the scenario could not be read`, EXIT.input);
  }
  // warnings never stop a run, and never go unsaid (stderr, so --json stays clean)
  for (const d of diagnostics) warn(visible(formatDiagnostic(d)));
  yearInLibrary(lib, scenario.fiscal_year, year !== undefined ? '--year' : `${path}: fiscal_year`);
  return scenario;
}

export async function scenarioInput(path: string, opts: ScenarioInputOptions, stream?: StreamStudents): Promise<{ lib: Library; scenario: Scenario; supplied: UserSupplied[] }> {
  const input = await prepareInput(opts);
  const scenario = await loadScenarioInput(path, input, toStderr, stream);
  return { lib: input.lib, scenario, supplied: input.supplied };
}
