/**
 * The scenario loader: YAML or JSON (both through the YAML parser, for
 * positions), or a directory holding scenario.yaml. Every problem is
 * reported at once, each at file:line:col naming the field; a scenario is
 * returned only when there is no error.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { isMap, isScalar, parseDocument } from 'yaml';
import { hasErrors, LineIndex, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { buildAgreements, buildCharters, buildCorrections, buildDistricts, buildOptions, buildPadc, buildSchools, declareLea, history } from './build.js';
import { Ctx } from './context.js';
import { readStudentsCsv } from './csv-students.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Scenario, Student } from './model.js';
import { checkReferences } from './references.js';
import { buildInlineStudents } from './students.js';
import * as v from './values.js';
import { YamlReader } from './yaml-reader.js';

export interface LoadResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Opens a student CSV named by `students: { file }` (resolved path). Defaults to a file stream. */
  openCsv?: (path: string) => Promise<string | Readable>;
}

export const TOP_LEVEL_REQUIRED = ['fiscal_year', 'county', 'coe', 'districts', 'schools', 'students'] as const;
export const TOP_LEVEL_OPTIONAL = ['$schema', 'charters', 'agreements', 'padc', 'corrections', 'options'] as const;
const SCENARIO_NAMES = ['scenario.yaml', 'scenario.yml', 'scenario.json'];

function startOf(file: string): v.At {
  const p = { line: 1, column: 1, offset: 0 };
  return { file, range: { start: p, end: p } };
}

function incomplete(file: string): Diagnostic {
  return { code: C.internalIncomplete, severity: 'error', message: 'internal: the scenario is incomplete but no problem was reported (please report this)', ...startOf(file) };
}

/** Loads a scenario file (.yaml, .yml, .json) or a directory containing scenario.yaml. */
export async function loadScenario(path: string): Promise<LoadResult> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) {
      let found: string | undefined;
      for (const name of SCENARIO_NAMES) {
        const candidate = join(path, name);
        if (await stat(candidate).then((s) => s.isFile(), () => false)) { found = candidate; break; }
      }
      if (!found) {
        return { diagnostics: [{ code: C.fileUnreadable, severity: 'error', message: `${path} holds no ${SCENARIO_NAMES.join(' / ')}`, ...startOf(path) }] };
      }
      file = found;
    }
    const text = await readFile(file, 'utf8');
    return await loadScenarioText(file, text);
  } catch (e) {
    return { diagnostics: [{ code: C.fileUnreadable, severity: 'error', message: `cannot read ${file}: ${(e as Error).message}`, ...startOf(file) }] };
  }
}

async function defaultOpenCsv(path: string): Promise<Readable> {
  const s = await stat(path);
  if (!s.isFile()) throw new Error(`${path} is not a file`);
  return createReadStream(path);
}

/** Loads a scenario from its text; `file` names it in diagnostics and anchors relative CSV paths. */
export async function loadScenarioText(file: string, text: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const sink = new v.Sink();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const lines = new LineIndex(text);
  for (const e of doc.errors) sink.error(C.yamlSyntax, e.message.split('\n')[0], { file, range: lines.range(e.pos[0], e.pos[1]) });
  for (const w of doc.warnings) sink.warning(C.yamlSyntax, w.message.split('\n')[0], { file, range: lines.range(w.pos[0], w.pos[1]) });
  if (doc.errors.length) return { diagnostics: sortDiagnostics(sink.diagnostics) };

  const r = new YamlReader(file, text, sink);
  const ctx = new Ctx(r, sink);
  const root = doc.contents;
  if (!isMap(root)) {
    sink.error(C.notAMapping, `a scenario is a mapping of keys (fiscal_year, county, coe, districts, schools, students, …); got ${r.kindOf(root)}`, r.at(root, startOf(file)));
    return { diagnostics: sortDiagnostics(sink.diagnostics) };
  }
  const f = r.fields(root, '', r.at(root), { required: TOP_LEVEL_REQUIRED, optional: TOP_LEVEL_OPTIONAL });
  if (!f) return { diagnostics: sortDiagnostics(sink.diagnostics) };

  const fyText = f.text('fiscal_year');
  const fy = fyText === undefined ? undefined : v.fiscalYear(sink, fyText, 'fiscal_year', f.at('fiscal_year'));
  ctx.fiscalYear = fy;
  if (f.has('$schema')) f.text('$schema');

  const countyF = f.has('county') ? r.fields(f.node('county'), 'county', f.at('county'), { required: ['code', 'name'], optional: [] }) : undefined;
  const countyCode = countyF?.text('code');
  const county = {
    code: countyCode === undefined ? undefined : v.countyCode(sink, countyCode, 'county.code', countyF!.at('code')),
    name: countyF?.text('name'),
  };
  const coeF = f.has('coe') ? r.fields(f.node('coe'), 'coe', f.at('coe'), { required: ['cds', 'name'], optional: ['history'] }) : undefined;
  const coeText = coeF?.text('cds');
  const coeHistory = coeF?.has('history') ? history(ctx, coeF.node('history'), 'coe.history', coeF.at('history')) : new Map();
  const coe = { cds: coeText === undefined ? undefined : v.cds(sink, coeText, 'coe.cds', coeF!.at('cds')), name: coeF?.text('name'), history: coeHistory };
  declareLea(ctx, coe.cds, 'coe.cds', coeF?.at('cds') ?? f.mapAt);
  if (coe.cds && county.code && !coe.cds.startsWith(county.code)) {
    sink.warning(C.coeOutsideCounty, `coe.cds: "${coe.cds}" does not start with the county code "${county.code}"`, coeF!.at('cds'), { field: 'coe.cds' });
  }

  const districts = f.has('districts') ? buildDistricts(ctx, f.node('districts'), f.at('districts')) : undefined;
  const charters = f.has('charters') ? buildCharters(ctx, f.node('charters'), f.at('charters')) : [];
  const schools = f.has('schools') ? buildSchools(ctx, f.node('schools'), f.at('schools')) : undefined;

  let students: Student[] | undefined;
  if (f.has('students')) {
    const node = f.node('students');
    if (isMap(node)) {
      const sf = r.fields(node, 'students', f.at('students'), { required: ['file'], optional: [] });
      const rel = sf?.text('file');
      if (rel !== undefined) {
        const path = isAbsolute(rel) ? rel : resolve(dirname(file), rel);
        let input: string | Readable | undefined;
        try {
          input = await (opts.openCsv ?? defaultOpenCsv)(path);
        } catch (e) {
          sink.error(C.fileUnreadable, `students.file: cannot read ${rel}: ${(e as Error).message}`, sf!.at('file'), { field: 'students.file' });
        }
        if (input !== undefined) students = await readStudentsCsv(ctx, path, input);
      }
    } else if (isScalar(node) && node.value === null) {
      r.wrongType(node, 'a list of students or { file: students.csv }', 'students', f.at('students'));
    } else {
      students = buildInlineStudents(ctx, node, f.at('students'));
    }
  }

  const agreements = f.has('agreements') ? buildAgreements(ctx, f.node('agreements'), f.at('agreements')) : [];
  const padc = f.has('padc') ? buildPadc(ctx, f.node('padc'), f.at('padc')) : undefined;
  const corrections = f.has('corrections') ? buildCorrections(ctx, f.node('corrections'), f.at('corrections')) : [];
  const options = f.has('options') ? buildOptions(ctx, f.node('options'), f.at('options')) : new Map<string, string>();

  checkReferences(ctx, coe.cds);

  const diagnostics = sortDiagnostics(sink.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  if (fy === undefined || !county.code || !county.name || !coe.cds || !coe.name || !districts || !charters || !schools || !students || !agreements || !corrections || !options) {
    // Unreachable when every failure reports an error; kept so a missed report never yields a partial scenario.
    return { diagnostics: [...diagnostics, incomplete(file)] };
  }
  if (f.has('padc') && !padc) return { diagnostics: [...diagnostics, incomplete(file)] };
  const scenario: Scenario = {
    file,
    fiscal_year: fy,
    county: { code: county.code, name: county.name },
    coe: { cds: coe.cds, name: coe.name, history: coe.history ?? new Map() },
    districts,
    charters,
    schools,
    students,
    agreements,
    ...(padc ? { padc } : {}),
    corrections,
    options,
  };
  return { scenario, diagnostics };
}
