/**
 * The result contract (src/run/result.ts) is the one source of
 * schemas/result.schema.json, and real results — of every example and of every
 * test/cases scenario — validate against the committed file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasErrors, formatDiagnostic } from '../../src/core/diagnostics.js';
import { parseFiscalYear } from '../../src/core/fiscal-year.js';
import { RunError } from '../../src/run/context.js';
import { resultJsonSchema, SEVERITIES } from '../../src/run/result.js';
import { compileResultSchema, resultSchemaPath, resultSchemaText, validateResult } from '../../src/run/result-schema.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario, loadScenarioText } from '../../src/scenario/load.js';
import { loadCases, type TestCase } from '../../src/testing/cases.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** A minimal 2019-20 county: one COE school, one district, one student, one prior-year correction. */
const MINIMAL = `fiscal_year: 2019-20
county: { code: "01", name: Alameda }
coe: { cds: "0110017", name: Alameda County Office of Education }
districts:
  - { cds: "0161119", name: Hayward Unified, enrollment: 1000, unduplicated: 600, history: { 2018-19: { enrollment: 1000, unduplicated: 600 }, 2017-18: { enrollment: 1000, unduplicated: 600 } } }
schools:
  - { code: "0130027", name: Alameda County Community School, operator: coe, kind: county_community }
students:
  - { id: S001, school: "0130027", grade: 10, basis: [district_referred], district_of_residence: "0161119", unduplicated: true, census_day: true, ada: "0.90" }
corrections:
  - { district: "0161119", fiscal_year: 2018-19, enrollment_change: -2, unduplicated_change: 1, ada_change: "-0.35", audit_reference: "Audit finding 2018-003" }
`;

async function minimalResult() {
  const { scenario, diagnostics } = await loadScenarioText('minimal.yaml', MINIMAL);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return (await runScenario(await bundledLibrary(), scenario!)).result;
}

describe('schemas/result.schema.json', () => {
  it('is exactly what src/run/result.ts and the rule library generate (run `npm run schemas` after changing the contract)', async () => {
    const committed = readFileSync(resultSchemaPath(), 'utf8');
    expect(committed).toBe(resultSchemaText(await bundledLibrary()));
  });

  it('compiles under ajv strict mode and takes its vocabularies from the rule library', async () => {
    const lib = await bundledLibrary();
    const schema = JSON.parse(readFileSync(resultSchemaPath(), 'utf8'));
    expect(() => compileResultSchema(schema)).not.toThrow();
    const members = (e: string) => lib.enums.get(e)!.decl.members.map((m) => m.name.text);
    expect(schema.$defs.category.enum).toEqual(members('funding_category'));
    expect(schema.$defs.gradeSpan.enum).toEqual(members('grade_span'));
    expect(schema.$defs.transfer.properties.basis.enum).toEqual(members('transfer_basis'));
    expect(schema.$defs.lea.properties.rates.required).toEqual(members('grade_span'));
    // severities are the contract's (findings sort by them) and must be the library's enum, in order
    expect([...SEVERITIES]).toEqual(members('severity'));
  });

  it('follows the vocabulary it is given: a category the library adds is a category the schema accepts', () => {
    const schema = resultJsonSchema({ categories: ['a_new_category'], spans: ['k3'], bases: ['statutory'] }) as { $defs: Record<string, { enum?: string[] }> };
    expect(schema.$defs.category.enum).toEqual(['a_new_category']);
    expect(schema.$defs.gradeSpan.enum).toEqual(['k3']);
  });
});

describe('a run with a prior-year correction (defect: corrections emitted for_year/applied_in/applies/affects, the schema required fiscal_year/audit_reference)', () => {
  it('validates against the committed schema and carries the year corrected, the year applied, the audit reference and the changes', async () => {
    const r = await minimalResult();
    expect(validateResult(json(r))).toEqual([]);
    expect(r.prior_year_adjustments).toEqual([
      {
        district: '0161119',
        fiscal_year: '2018-19',
        applied_in: '2019-20',
        audit_reference: 'Audit finding 2018-003',
        enrollment_change: -2,
        unduplicated_change: 1,
        ada_change: '-0.35',
        applies: true,
        affects: expect.stringMatching(/^LCFF only/),
        rule: 'prior_year_correction.net_change_becomes_prior_year_adjustment',
        cite: 'FAQ Q16',
      },
    ]);
  });

  it('rejects what the contract forbids, all at once: unfixed decimals, a UPP above 100%, unknown keys and enum values, a missing field', async () => {
    const bad = json(await minimalResult()) as Record<string, any>;
    bad.students[0].ada = '0.9';
    bad.students[0].category = 'district_fundded';
    bad.leas[0].upp.after = '1.2500';
    bad.prior_year_adjustments[0].for_year = '2018-19';
    delete bad.prior_year_adjustments[0].audit_reference;
    delete bad.conservation;
    const errs = validateResult(bad);
    expect(errs).toEqual(
      expect.arrayContaining([
        '/students/0/ada: must match pattern "^\\d+\\.\\d{2}$"',
        expect.stringMatching(/^\/students\/0\/category: must be equal to one of the allowed values \(coe_juvenile_court, .*district_funded/),
        '/leas/0/upp/after: must match pattern "^(0\\.\\d{4}|1\\.0000)$"',
        '/prior_year_adjustments/0: unknown property "for_year"',
        "/prior_year_adjustments/0: must have required property 'audit_reference'",
        "/: must have required property 'conservation'",
      ]),
    );
  });
});

describe('every example', () => {
  // a scenario folder holds scenario.yaml; examples/reforms holds reform folders (test/semantics/reform.test.ts checks them)
  const examples = readdirSync(join(ROOT, 'examples')).filter((d) => statSync(join(ROOT, 'examples', d)).isDirectory() && existsSync(join(ROOT, 'examples', d, 'scenario.yaml'))).sort();

  it('is found', () => expect(examples.length).toBeGreaterThanOrEqual(3));

  it.each(examples)('examples/%s: its real result validates on both evaluators', async (name) => {
    const { scenario, diagnostics } = await loadScenario(join(ROOT, 'examples', name));
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const lib = await bundledLibrary();
    for (const evaluator of ['engine', 'fast'] as const) {
      const { result } = await runScenario(lib, scenario!, { evaluator });
      expect([evaluator, validateResult(json(result))]).toEqual([evaluator, []]);
    }
  });
});

function caseFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => (statSync(join(dir, e)).isDirectory() ? caseFiles(join(dir, e)) : e.endsWith('.yaml') ? [join(dir, e)] : []));
}

/** Each distinct (scenario, year) of test/cases once: cases sharing a scenario by anchor or file need one run. */
async function caseScenarios(): Promise<Array<{ label: string; cases: TestCase[] }>> {
  const byKey = new Map<string, { label: string; cases: TestCase[] }>();
  for (const file of caseFiles(join(ROOT, 'test/cases'))) {
    for (const c of await loadCases(file)) {
      const key = `${c.scenario_file ? resolve(dirname(file), c.scenario_file) : stringify(c.scenario)}|${c.year ?? ''}`;
      const entry = byKey.get(key) ?? { label: `${relative(join(ROOT, 'test/cases'), file)} › ${c.name}`, cases: [] };
      entry.cases.push(c);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

describe('every test/cases scenario', async () => {
  const scenarios = await caseScenarios();

  it('covers every case', () => expect(scenarios.reduce((n, s) => n + s.cases.length, 0)).toBeGreaterThanOrEqual(70));

  it.each(scenarios.map((s) => [s.label, s] as const))('%s: its real result validates', async (_label, { cases }) => {
    const c = cases[0];
    const loaded = c.scenario_file ? await loadScenario(resolve(dirname(c.file), c.scenario_file)) : await loadScenarioText(`${c.file}#${c.name}`, stringify(c.scenario));
    if (hasErrors(loaded.diagnostics)) {
      // a case that expects its scenario to be refused at load (an LCFF-S code) has no result to validate
      expect(cases.every((x) => x.expect_error !== undefined && loaded.diagnostics.some((d) => d.code === x.expect_error)), loaded.diagnostics.map(formatDiagnostic).join('\n')).toBe(true);
      return;
    }
    const scenario = loaded.scenario!;
    if (c.year) scenario.fiscal_year = parseFiscalYear(String(c.year))!;
    try {
      const { result } = await runScenario(await bundledLibrary(), scenario);
      expect(validateResult(json(result))).toEqual([]);
    } catch (e) {
      // a fatal run has no result; only a case that expects that error may end so
      if (!(e instanceof RunError)) throw e;
      expect(cases.every((x) => x.expect_error === e.code)).toBe(true);
    }
  });
});
