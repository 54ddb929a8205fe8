/**
 * Scenario test cases in the spirit of OpenFisca's YAML tests: a file holds
 * one case or a list of cases, each a scenario (inline or by file) and the
 * parts of the result it expects. Expected objects match partially; an
 * expected list item must match some actual item; decimal texts compare as
 * numbers ("27399.85" = 27399.85).
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { formatDiagnostic, hasErrors, LineIndex } from '../core/diagnostics.js';
import { parseFiscalYear } from '../core/fiscal-year.js';
import { excerpt } from '../core/safe-text.js';
import { dec, isDecimalText } from '../runtime/money.js';
import { runScenario } from '../run/run.js';
import { RunError } from '../run/context.js';
import { isInside, lexicalRoot } from '../scenario/files.js';
import { loadScenario, loadScenarioText, type LoadResult } from '../scenario/load.js';
import { vocabulariesOf, type Vocabularies } from '../scenario/schema.js';
import { parserMessage } from '../scenario/yaml-source.js';
import type { Library } from '../semantics/library.js';
import { outsideHorizon } from '../params/manifest.js';
import { OverrideError, parseOverride, type UserSupplied } from '../params/index.js';
import { withOverrides } from '../semantics/overrides.js';
import { compareCase, withReform } from './case-reform.js';

export interface TestCase {
  file: string;
  name: string;
  faq: string[];
  year?: string;
  scenario?: unknown;
  scenario_file?: string;
  expect: Record<string, unknown>;
  /** an expected error code: a fatal run error (e.g. a conservation violation, LCFF-F010) or a load error (LCFF-Sxxx) */
  expect_error?: string;
  /** overrides for this case, as with --set: `<parameter>@<year>=<value>` */
  set?: string[];
  /** a reform folder overlaid on the library for this case, as with --reform (relative to the case file) */
  reform?: string;
  /** compare the library with the library plus this reform and these overrides, as `lcff compare`: `expect` then matches the comparison */
  compare?: { reform?: string; set: string[] };
}

export interface CaseOutcome {
  case: TestCase;
  failures: string[];
}

/** Which files a case may read, and with which vocabularies its scenario is checked. */
export interface CaseOptions {
  /**
   * Folders a case's scenario_file (and its scenario's data files) may lie
   * in: the folder given to `lcff test` (or the case file's folder when a
   * file is given). Default: the case file's folder.
   */
  roots?: readonly string[];
  /** A folder the user allowed explicitly (--data-dir). */
  dataDir?: string;
  vocabularies?: Vocabularies;
}

const CASE_KEYS = new Set(['name', 'faq', 'year', 'scenario', 'scenario_file', 'expect', 'expect_error', 'arithmetic', 'set', 'reform', 'compare']);

export async function loadCases(file: string): Promise<TestCase[]> {
  const text = await readFile(file, 'utf8');
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = new LineIndex(text).pos(e.pos[0]);
    throw new Error(`${file}:${p.line}:${p.column} the case file is not valid YAML: ${parserMessage(e.message)}`);
  }
  const parsed = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((raw, i) => {
    const c = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const unknown = Object.keys(c).filter((k) => !CASE_KEYS.has(k));
    const own = (k: string): unknown => (Object.hasOwn(c, k) ? c[k] : undefined);
    const name = own('name');
    if (typeof name !== 'string' || unknown.length > 0 || (!own('scenario') && !own('scenario_file'))) {
      throw new Error(`${file}: case ${i + 1} needs name, scenario or scenario_file, and expect${unknown.length ? ` (unknown keys: ${unknown.map((k) => excerpt(k, 30)).join(', ')})` : ''}`);
    }
    const faq = own('faq');
    const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
    return {
      file,
      name,
      faq: (Array.isArray(faq) ? faq : []).map(String),
      year: text(own('year')),
      scenario: own('scenario'),
      scenario_file: text(own('scenario_file')),
      expect: (own('expect') as Record<string, unknown>) ?? {},
      expect_error: text(own('expect_error')),
      set: setList(own('set'), `${file}: case ${i + 1}`),
      reform: text(own('reform')),
      ...(own('compare') !== undefined ? { compare: compareSpec(own('compare'), `${file}: case ${i + 1}`) } : {}),
    };
  });
}

/** A case's `set:`: one override text or a list of them. */
function setList(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => typeof x === 'string')) throw new Error(`${where}: set is a list of overrides written <parameter>@<year>=<value>, e.g. supplemental_pct@2019-20=25%`);
  return list as string[];
}

/** A case's `compare:`: `{ reform: <folder>, set: [...] }`, at least one of them. */
function compareSpec(v: unknown, where: string): { reform?: string; set: string[] } {
  const o = (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined) as Record<string, unknown> | undefined;
  const unknown = o ? Object.keys(o).filter((k) => k !== 'reform' && k !== 'set') : [];
  const reform = o && Object.hasOwn(o, 'reform') ? o.reform : undefined;
  const set = setList(o && Object.hasOwn(o, 'set') ? o.set : undefined, `${where}: compare`);
  if (!o || unknown.length > 0 || (reform !== undefined && typeof reform !== 'string') || (reform === undefined && set.length === 0)) {
    throw new Error(`${where}: compare is { reform: <folder>, set: [<parameter>@<year>=<value>, ...] } with at least one of them${unknown.length ? ` (unknown keys: ${unknown.map((k) => excerpt(k, 30)).join(', ')})` : ''}`);
  }
  return { ...(typeof reform === 'string' ? { reform } : {}), set };
}

/** The scenario of a case: inline, or the file it names if that file lies inside the allowed folders. */
async function loadCaseScenario(c: TestCase, opts: CaseOptions, lib: Library, year: number | undefined): Promise<LoadResult | string> {
  const roots = [...(opts.roots ?? [dirname(c.file)]), ...(opts.dataDir !== undefined ? [opts.dataDir] : [])];
  const vocabularies = opts.vocabularies ?? vocabulariesOf(lib);
  const load = { vocabularies, ...(year !== undefined ? { year } : {}), ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}) };
  if (!c.scenario_file) return loadScenarioText(`${c.file}#${c.name}`, stringify(c.scenario), { ...load, roots, format: 'yaml' });
  const path = resolve(dirname(c.file), c.scenario_file);
  const refuse = `scenario_file ${excerpt(c.scenario_file, 80)} is outside the test folder (${excerpt(roots[0], 80)}); a case reads only files inside the folder given to lcff test, or a folder allowed with --data-dir <folder>`;
  if (!lexicalRoot(roots, path)) return refuse;
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return `scenario_file ${excerpt(c.scenario_file, 80)}: no such file`;
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => resolve(r))));
  if (!realRoots.some((r) => isInside(r, real))) return refuse;
  return loadScenario(path, load);
}

export async function runCase(base: Library, c: TestCase, opts: CaseOptions = {}): Promise<CaseOutcome> {
  let lib = base;
  if (c.reform !== undefined) {
    const reformed = await withReform(base, c, opts, c.reform);
    if (typeof reformed === 'string') return { case: c, failures: [reformed] };
    lib = reformed;
    // the reform's vocabularies may add members: the scenario is read with them
    opts = { ...opts, vocabularies: vocabulariesOf(lib) };
  }
  let year: number | undefined;
  if (c.year) {
    year = parseFiscalYear(String(c.year));
    if (year === undefined) return { case: c, failures: [`year ${excerpt(String(c.year), 20)} is not a fiscal year`] };
  }
  const loaded = await loadCaseScenario(c, opts, lib, year);
  if (typeof loaded === 'string') return { case: c, failures: [loaded] };
  if (!loaded.scenario || hasErrors(loaded.diagnostics)) {
    if (c.expect_error !== undefined && loaded.diagnostics.some((d) => d.code === c.expect_error && d.severity === 'error')) return { case: c, failures: [] };
    return { case: c, failures: ['the scenario does not load:', ...loaded.diagnostics.map(formatDiagnostic)] };
  }
  const scenario = loaded.scenario;
  const why = outsideHorizon(lib.horizon, scenario.fiscal_year);
  if (why) return { case: c, failures: [why] };
  let run = { lib, supplied: [] as UserSupplied[] };
  try {
    run = withOverrides(lib, (c.set ?? []).map((t, i) => parseOverride(t, `set[${i}]`)));
  } catch (e) {
    if (e instanceof OverrideError) return { case: c, failures: [e.message] };
    throw e;
  }
  let result: unknown;
  try {
    if (c.compare) {
      const compared = await compareCase(lib, c, opts, scenario, c.compare);
      if (typeof compared === 'string') return { case: c, failures: [compared] };
      result = compared;
    } else result = (await runScenario(run.lib, scenario, { userSupplied: run.supplied })).result;
  } catch (e) {
    if (e instanceof RunError) return { case: c, failures: c.expect_error === e.code ? [] : [`run failed: ${e.code} ${e.message}`] };
    throw e;
  }
  if (c.expect_error) return { case: c, failures: [`expected the run to fail with ${c.expect_error}, but it succeeded`] };
  const failures: string[] = [];
  matchExpected(normalize(result), c.expect, '', failures);
  return { case: c, failures };
}

/** students, leas: arrays keyed by id/cds in expectations can be written as maps. */
function normalize(result: unknown): Record<string, unknown> {
  const r = result as Record<string, unknown>;
  if (!Array.isArray(r.students)) return r; // a comparison: matched as it is
  return {
    ...r,
    students: Object.fromEntries((r.students as Array<{ id: string }>).map((s) => [s.id, s])),
    leas: Object.fromEntries((r.leas as Array<{ cds: string }>).map((l) => [l.cds, l])),
  };
}

function scalarEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  const a = String(actual);
  const e = String(expected);
  if (isDecimalText(a) && isDecimalText(e)) return dec(a).eq(dec(e));
  return a === e;
}

function matches(actual: unknown, expected: unknown): boolean {
  const sink: string[] = [];
  matchExpected(actual, expected, '', sink);
  return sink.length === 0;
}

export function matchExpected(actual: unknown, expected: unknown, path: string, failures: string[]): void {
  if (expected === null || typeof expected !== 'object') {
    if (!scalarEqual(actual, expected)) failures.push(`${path || 'result'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      failures.push(`${path}: expected a list, got ${JSON.stringify(actual)}`);
      return;
    }
    const scalars = expected.every((x) => x === null || typeof x !== 'object');
    if (scalars) {
      if (actual.length !== expected.length || !expected.every((x, i) => scalarEqual(actual[i], x))) failures.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((item, i) => {
      if (!actual.some((a) => matches(a, item))) failures.push(`${path}[${i}]: no entry matches ${JSON.stringify(item)}; entries: ${JSON.stringify(actual)}`);
    });
    return;
  }
  if (actual === null || typeof actual !== 'object') {
    failures.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    return;
  }
  for (const [k, v] of Object.entries(expected)) {
    const a = Object.hasOwn(actual, k) ? (actual as Record<string, unknown>)[k] : undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && 'none_match' in v) {
      const forbidden = (v as { none_match: unknown[] }).none_match;
      for (const f of forbidden) if (Array.isArray(a) && a.some((x) => matches(x, f))) failures.push(`${path ? `${path}.` : ''}${k}: an entry matches ${JSON.stringify(f)}, which must not appear`);
      const rest = { ...(v as Record<string, unknown>) };
      delete rest.none_match;
      if (Array.isArray(rest.all)) matchExpected(a, rest.all, `${path ? `${path}.` : ''}${k}`, failures);
      if (rest.count !== undefined && Array.isArray(a) && a.length !== Number(rest.count)) failures.push(`${path ? `${path}.` : ''}${k}: expected ${String(rest.count)} entries, got ${a.length}`);
      continue;
    }
    matchExpected(a, v, path ? `${path}.${k}` : k, failures);
  }
}
