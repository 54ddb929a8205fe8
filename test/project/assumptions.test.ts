/** Assumptions as a scenario key and as an --assumptions file: checked like every other field, each problem at its line and column with its code. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { loadAssumptionsFile } from '../../src/scenario/assumptions.js';
import { projectionSchemaPath, projectionSchemaText } from '../../src/project/result-schema.js';
import { committedSchema } from '../../src/scenario/schema.js';
import { ASSUMPTION_KINDS } from '../../src/scenario/model.js';
import { ROOT, bundledLibrary } from '../helpers/library.js';

const EXAMPLE = `${ROOT}examples/2025-26-projection/scenario.yaml`;
const text = readFileSync(EXAMPLE, 'utf8');

async function problems(edit: (t: string) => string): Promise<string[]> {
  const { diagnostics } = await loadScenarioText(EXAMPLE, edit(text));
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.severity}: ${d.message}`);
}

const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('assumptions: in a scenario', () => {
  it('are read exactly, in year order, as written', async () => {
    const { scenario } = await loadScenarioText(EXAMPLE, text);
    const a = scenario!.assumptions!;
    expect(a.cola.map((c) => `${c.year} ${c.text} ${c.value.toString()}`)).toEqual(['2026 3.02% 0.0302', '2027 2.90% 0.029', '2028 3.10% 0.031']);
    expect(a.ada_growth.map((c) => c.value.toString())).toEqual(['-0.015', '-0.01']);
    expect(a.upc_growth).toEqual([]);
  });

  it('a percent without % is LCFF-S070 at its value', async () => {
    const out = await problems((t) => t.replace('2026-27: 3.02%', '2026-27: 3.02'));
    expect(out).toEqual([`${line('2026-27: 3.02%')}:14 LCFF-S070 error: assumptions.cola.2026-27: expected a percent written with %, e.g. "3.02%" or "-1.5%"; got 3.02`]);
  });

  it('a change of -100% or less is LCFF-S071', async () => {
    const out = await problems((t) => t.replace('2026-27: -1.5%', '2026-27: -100%'));
    expect(out).toEqual([`${line('2026-27: -1.5%')}:14 LCFF-S071 error: assumptions.ada_growth.2026-27: "-100%" would leave nothing: an assumed change must be above -100%`]);
  });

  it('a year not after the scenario\'s is LCFF-S073 at its key; an unknown kind is LCFF-S010', async () => {
    const out = await problems((t) => t.replace('    2026-27: 3.02%', '    2025-26: 3.02%').replace('  ada_growth:', '  cola_growth: { 2026-27: 1% }\n  ada_growth:'));
    expect(out).toEqual([
      `${line('2026-27: 3.02%')}:5 LCFF-S073 error: assumptions.cola.2025-26: 2025-26 is not after the fiscal year 2025-26: a projection assumes only what comes after the scenario's year`,
      expect.stringMatching(/^\d+:3 LCFF-S010 error: unknown key "cola_growth" in assumptions/),
    ]);
  });
});

describe('assumptions: an --assumptions file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-assume-'));

  it('reads the same keys at the root', async () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'cola:\n  2026-27: 3%\nenrollment_growth: { 2026-27: -2% }\n');
    const { assumptions, diagnostics } = await loadAssumptionsFile(file, 2025);
    expect(diagnostics).toEqual([]);
    expect(assumptions!.cola.map((c) => c.field)).toEqual(['cola.2026-27']);
    expect(assumptions!.enrollment_growth[0].value.toString()).toBe('-0.02');
  });

  it('reports every problem at its line and column, and a missing file without a stack trace', async () => {
    const file = join(dir, 'b.yaml');
    writeFileSync(file, 'cola:\n  2026-27: three\n  2025-26: 3%\nstudents: []\n');
    const { assumptions, diagnostics } = await loadAssumptionsFile(file, 2025);
    expect(assumptions).toBeUndefined();
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['2:12 LCFF-S070', '3:3 LCFF-S073', '4:1 LCFF-S010']);
    const missing = await loadAssumptionsFile(join(dir, 'none.yaml'), 2025);
    expect(missing.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['LCFF-S002 cannot read the assumptions: no such file']);
  });
});

describe('the projection contract', () => {
  it('the kinds of assumption the code reads are those of the scenario schema', () => {
    const defs = committedSchema().$defs as Record<string, { properties: Record<string, unknown> }>;
    expect(Object.keys(defs.assumptions.properties)).toEqual([...ASSUMPTION_KINDS]);
  });

  it('schemas/projection.schema.json is what npm run schemas generates', async () => {
    expect(readFileSync(projectionSchemaPath(), 'utf8')).toBe(projectionSchemaText(await bundledLibrary()));
  });
});
