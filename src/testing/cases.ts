/**
 * Scenario test cases in the spirit of OpenFisca's YAML tests: a file holds
 * one case or a list of cases, each a scenario (inline or by file) and the
 * parts of the result it expects. Expected objects match partially; an
 * expected list item must match some actual item; decimal texts compare as
 * numbers ("27399.85" = 27399.85).
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { parseFiscalYear } from '../core/fiscal-year.js';
import { dec, isDecimalText } from '../runtime/money.js';
import { runScenario } from '../run/run.js';
import { RunError } from '../run/context.js';
import { loadScenario, loadScenarioText } from '../scenario/load.js';
import type { Library } from '../semantics/library.js';
import { outsideHorizon } from '../params/manifest.js';

export interface TestCase {
  file: string;
  name: string;
  faq: string[];
  year?: string;
  scenario?: unknown;
  scenario_file?: string;
  expect: Record<string, unknown>;
  /** an expected fatal error code (e.g. a conservation violation) */
  expect_error?: string;
}

export interface CaseOutcome {
  case: TestCase;
  failures: string[];
}

const CASE_KEYS = new Set(['name', 'faq', 'year', 'scenario', 'scenario_file', 'expect', 'expect_error', 'arithmetic']);

export async function loadCases(file: string): Promise<TestCase[]> {
  const doc = parse(await readFile(file, 'utf8')) as unknown;
  const list = Array.isArray(doc) ? doc : [doc];
  return list.map((raw, i) => {
    const c = raw as Record<string, unknown>;
    const unknown = Object.keys(c ?? {}).filter((k) => !CASE_KEYS.has(k));
    if (!c || typeof c.name !== 'string' || unknown.length > 0 || (!c.scenario && !c.scenario_file)) {
      throw new Error(`${file}: case ${i + 1} needs name, scenario or scenario_file, and expect${unknown.length ? ` (unknown keys: ${unknown.join(', ')})` : ''}`);
    }
    return { file, name: c.name, faq: ((c.faq as string[]) ?? []).map(String), year: c.year as string | undefined, scenario: c.scenario, scenario_file: c.scenario_file as string | undefined, expect: (c.expect as Record<string, unknown>) ?? {}, expect_error: c.expect_error as string | undefined };
  });
}

export async function runCase(lib: Library, c: TestCase): Promise<CaseOutcome> {
  const loaded = c.scenario_file ? await loadScenario(resolve(dirname(c.file), c.scenario_file)) : await loadScenarioText(`${c.file}#${c.name}`, stringify(c.scenario));
  if (!loaded.scenario || hasErrors(loaded.diagnostics)) return { case: c, failures: ['the scenario does not load:', ...loaded.diagnostics.map(formatDiagnostic)] };
  const scenario = loaded.scenario;
  if (c.year) {
    const y = parseFiscalYear(String(c.year));
    if (y === undefined) return { case: c, failures: [`year "${c.year}" is not a fiscal year`] };
    scenario.fiscal_year = y;
  }
  const why = outsideHorizon(lib.horizon, scenario.fiscal_year);
  if (why) return { case: c, failures: [why] };
  let result: unknown;
  try {
    result = (await runScenario(lib, scenario)).result;
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
    const a = (actual as Record<string, unknown>)[k];
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
