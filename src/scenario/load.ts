/**
 * The scenario loader: YAML, strict JSON, or a folder holding scenario.yaml.
 * The text becomes a positioned tree; its data is validated against
 * schemas/scenario.schema.json (the contract: shapes, forms, vocabularies
 * of the rule library); then the typed conversion adds what a schema cannot
 * say (references, years, decimal places, counts). Every problem is
 * reported at once, each at file:line:col naming the field; a scenario is
 * returned only when there is no error.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { hasErrors, LineIndex, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { FiscalYear } from '../core/fiscal-year.js';
import { excerpt } from '../core/safe-text.js';
import { buildCharters, buildDistricts, buildSchools, declareLea, history } from './build.js';
import { Ctx } from './context.js';
import { CharterCensus, checkCharterCounts, type CharterPlaces } from './counts.js';
import { readColumnMap, type ColumnMap } from './column-map.js';
import { csvColumns, readStudentsCsv } from './csv-students.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import { lexicalRoot, openInside, OutsideError, resolveNamed } from './files.js';
import type { Scenario, School, Student } from './model.js';
import { Doc, isObj, Rec, type At } from './place.js';
import { checkReferences } from './references.js';
import { reportSchemaErrors } from './schema-errors.js';
import { scenarioValidators, type ScenarioValidators, type Vocabularies } from './schema.js';
import { buildAgreements, buildCorrections, buildOptions, buildPadc } from './sections.js';
import { buildInlineStudents, expandStudent } from './students.js';
import { parseJsonTree } from './json-source.js';
import { toData } from './tree.js';
import * as v from './values.js';
import { coeInputs } from './coe-inputs.js';
import { buildAssumptions } from './assumptions.js';
import { parseYamlTree } from './yaml-source.js';

export interface LoadResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** The rule library's vocabularies (enrollment bases, school kinds); default: those of schemas/scenario.schema.json. */
  vocabularies?: Vocabularies;
  /** Folders the scenario may read data files from; default: the scenario file's own folder. */
  roots?: readonly string[];
  /** A folder the user allowed explicitly (--data-dir), besides `roots`. */
  dataDir?: string;
  /** The effective fiscal year when the user overrides the scenario's (--year): every year check uses it. */
  year?: FiscalYear;
  /** The text's format; default: JSON for a `.json` file, YAML otherwise. */
  format?: 'yaml' | 'json';
  /** A column mapping for the student CSV (--columns); it replaces the scenario's `students.columns`. */
  columns?: ColumnMap;
  /** Opens a student CSV (an absolute path already checked to be inside the allowed folders); default: a file stream after a realpath check. */
  openCsv?: (path: string) => Promise<string | Readable>;
  /**
   * A streamed run: called once the scenario's head is read without error,
   * before its student CSV; the students it takes are not kept in
   * `scenario.students` (left empty). Returning undefined keeps them.
   * Inline students are always kept.
   */
  streamStudents?: (head: ScenarioHead) => StudentStream | undefined;
  /** Every CSV row through the generic schema check (csv-students.ts `generic`): tests compare the fast reading with it. */
  genericCsvRows?: boolean;
}

/** What a streamed run needs before the first student: the effective year, the COE, the schools. */
export interface ScenarioHead {
  fiscal_year: FiscalYear;
  coe: string;
  schools: School[];
  /** the student CSV's size in bytes, when known */
  csvBytes?: number;
}

export interface StudentStream {
  onStudent: (s: Student) => void | Promise<void>;
  onProgress?: (rows: number, bytes: number) => void;
}

/** The file names that make a folder a scenario (also how `lcff run <folder of scenarios>` recognises one). */
export const SCENARIO_NAMES = ['scenario.yaml', 'scenario.yml', 'scenario.json'];

function startOf(file: string): At {
  const p = { line: 1, column: 1, offset: 0 };
  return { file, range: { start: p, end: p } };
}

function fileError(file: string, message: string): LoadResult {
  return { diagnostics: [{ code: C.fileUnreadable, severity: 'error', message, ...startOf(file) }] };
}

/** A system error in words, without echoing paths or content. */
export function ioReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many symbolic links';
  const message = (e as Error).message ?? '';
  return /^[\w ,.'-]{1,80}$/.test(message) ? message : 'it cannot be read';
}

/** Loads a scenario file (.yaml, .yml, .json) or a folder containing scenario.yaml. */
export async function loadScenario(path: string, opts: LoadOptions = {}): Promise<LoadResult> {
  let file = path;
  let text: string;
  try {
    if ((await stat(path)).isDirectory()) {
      let found: string | undefined;
      for (const name of SCENARIO_NAMES) {
        const candidate = join(path, name);
        if (await stat(candidate).then((s) => s.isFile(), () => false)) { found = candidate; break; }
      }
      if (!found) return fileError(path, `the folder holds no ${SCENARIO_NAMES.join(' / ')}`);
      file = found;
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    return fileError(file, `cannot read the scenario: ${ioReason(e)}`);
  }
  return loadScenarioText(file, text, opts);
}

/** Loads a scenario from its text; `file` names it in diagnostics, tells JSON (.json) from YAML, and anchors relative file names. */
export async function loadScenarioText(file: string, text: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const sink = new v.Sink();
  const lines = new LineIndex(text);
  const report = (code: string, message: string, r: [number, number], severity: 'error' | 'warning' = 'error') =>
    sink[severity](code, message, { file, range: lines.range(r[0], r[1]) });
  const json = opts.format ? opts.format === 'json' : /\.json$/i.test(file);
  const tree = json ? parseJsonTree(text, report) : parseYamlTree(text, report);
  if (!tree || hasErrors(sink.diagnostics)) return { diagnostics: sortDiagnostics(sink.diagnostics) };

  const doc = new Doc(file, text, tree);
  const data = toData(tree);
  if (isObj(data) && Array.isArray(data.students)) data.students.forEach(expandStudent);
  const validators = scenarioValidators(opts.vocabularies);
  if (!validators.scenario(data)) reportSchemaErrors(validators.scenario.errors ?? [], doc.place(), sink, doc.failed);
  if (!isObj(data)) return { diagnostics: sortDiagnostics(sink.diagnostics) };

  const root = new Rec(data, doc.place());
  const fy = v.fiscalYear(sink, root, 'fiscal_year');
  const ctx = new Ctx(sink, opts.year ?? fy, opts.year !== undefined ? fy : undefined);
  const countyRec = root.rec('county');
  const county = { code: countyRec && v.text(countyRec, 'code'), name: countyRec && v.text(countyRec, 'name') };
  const coeRec = root.rec('coe');
  const coeCds = coeRec && v.text(coeRec, 'cds');
  const coe = { cds: coeCds, name: coeRec && v.text(coeRec, 'name'), history: coeRec && history(ctx, coeRec, `the COE${coeCds ? ` (${coeCds})` : ''}`) };
  if (coeRec) declareLea(ctx, coe.cds, coeRec, 'cds');
  const coeEntitlementInputs = coeRec ? coeInputs(ctx, coeRec) : undefined;
  if (coe.cds && county.code && !coe.cds.startsWith(county.code)) {
    sink.warning(C.coeOutsideCounty, `coe.cds: "${coe.cds}" does not start with the county code "${county.code}"`, coeRec!.at('cds'), { field: 'coe.cds' });
  }

  const districts = buildDistricts(ctx, root);
  const charters = buildCharters(ctx, root);
  const schools = buildSchools(ctx, root);
  ctx.coeCds = coe.cds;
  const census = new CharterCensus(schools ?? []);
  const head = (csvBytes?: number): ScenarioHead | undefined =>
    !hasErrors(sink.diagnostics) && (opts.year ?? fy) !== undefined && coe.cds !== undefined && schools ? { fiscal_year: (opts.year ?? fy)!, coe: coe.cds, schools, ...(csvBytes !== undefined ? { csvBytes } : {}) } : undefined;
  const students = isObj(data.students) ? await csvStudents(ctx, validators, root, file, opts, census, head) : buildInlineStudents(ctx, root);
  if (students && !isObj(data.students)) for (const s of students) census.add(s);
  if (opts.columns && !isObj(data.students)) sink.warning(C.csvColumnsIgnored, '--columns: the scenario lists its students and names no CSV file; the column mapping is not used', root.at('students'), { field: 'students' });
  const agreements = buildAgreements(ctx, root);
  const padc = root.has('padc') ? buildPadc(ctx, root) : undefined;
  const corrections = buildCorrections(ctx, root);
  const options = buildOptions(root);
  const assumptionsRec = root.rec('assumptions');
  const assumptions = assumptionsRec ? buildAssumptions(ctx, assumptionsRec, file) : undefined;

  checkReferences(ctx, coe.cds);
  if (charters && schools && students) checkCharterCounts(ctx, charters, census, charterPlaces(root));

  const diagnostics = sortDiagnostics(sink.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  const effective = opts.year ?? fy;
  if (effective === undefined || !county.code || !county.name || !coe.cds || !coe.name || !coe.history || !coeEntitlementInputs || !districts || !charters || !schools || !students || !agreements || !corrections || !options || (root.has('padc') && !padc) || (root.has('assumptions') && !assumptions)) {
    // Unreachable when every failure reports an error; kept so a missed report never yields a partial scenario.
    return { diagnostics: [...diagnostics, { code: C.internalIncomplete, severity: 'error', message: 'internal: the scenario is incomplete but no problem was reported (please report this)', ...startOf(file) }] };
  }
  const scenario: Scenario = {
    file,
    fiscal_year: effective,
    county: { code: county.code, name: county.name },
    coe: { cds: coe.cds, name: coe.name, history: coe.history, inputs: coeEntitlementInputs },
    districts,
    charters,
    schools,
    students,
    agreements,
    ...(padc ? { padc } : {}),
    corrections,
    options,
    ...(assumptions ? { assumptions } : {}),
  };
  return { scenario, diagnostics };
}

function charterPlaces(root: Rec): Map<string, CharterPlaces> {
  const out = new Map<string, CharterPlaces>();
  for (const rec of root.records('charters')) {
    const cds = v.text(rec, 'cds');
    if (cds !== undefined) out.set(cds, { enrollment: rec.at('enrollment'), unduplicated: rec.at('unduplicated'), field: rec.place.field() });
  }
  return out;
}

/** Students from the CSV file the scenario names, if it lies inside an allowed folder. */
async function csvStudents(ctx: Ctx, validators: ScenarioValidators, root: Rec, file: string, opts: LoadOptions, census: CharterCensus, head: (csvBytes?: number) => ScenarioHead | undefined): Promise<Student[] | undefined> {
  const sf = root.rec('students');
  const named = sf && sf.str('file');
  if (!sf || named === undefined) return undefined;
  const base = dirname(file);
  const roots = [...(opts.roots ?? [base]), ...(opts.dataDir !== undefined ? [opts.dataDir] : [])];
  const path = resolveNamed(base, named);
  const outside = (why: string) => {
    ctx.sink.error(
      C.fileOutside,
      `students.file: ${excerpt(named, 80)} ${why}; a scenario reads only files inside its own folder (${excerpt(resolve(roots[0]), 80)}): move the file there, or allow its folder with --data-dir <folder>`,
      sf.at('file'),
      { field: 'students.file' },
    );
    return undefined;
  };
  if (!lexicalRoot(roots, path)) return outside('is outside the scenario\'s folder');
  let input: string | Readable;
  try {
    input = await (opts.openCsv ?? ((p: string) => openInside(p, roots)))(path);
  } catch (e) {
    if (e instanceof OutsideError) return outside(`is a link to a file outside the scenario's folder`);
    ctx.sink.error(C.fileUnreadable, `students.file: cannot read ${excerpt(named, 80)}: ${ioReason(e)}`, sf.at('file'), { field: 'students.file' });
    return undefined;
  }
  const mapRec = sf.rec('columns');
  if (!opts.columns && sf.has('columns') && !mapRec) return undefined; // the schema reported it
  const mapping = opts.columns ?? (mapRec ? readColumnMap(ctx.sink, mapRec, csvColumns(validators.schema).columns) : []);
  if (!mapping) return undefined;
  const h = opts.streamStudents && head(typeof input === 'string' ? Buffer.byteLength(input) : await stat(path).then((s) => s.size, () => undefined));
  const stream = h ? opts.streamStudents!(h) : undefined;
  if (!stream) {
    const read = await readStudentsCsv(ctx, validators, path, input, { mapping, ...(opts.genericCsvRows ? { generic: true } : {}) });
    read?.forEach((s) => census.add(s));
    return read;
  }
  const onStudent = stream.onStudent;
  return readStudentsCsv(ctx, validators, path, input, {
    mapping,
    ...(opts.genericCsvRows ? { generic: true } : {}),
    onStudent: (s) => {
      census.add(s);
      return onStudent(s);
    },
    ...(stream.onProgress ? { onProgress: stream.onProgress } : {}),
  });
}

