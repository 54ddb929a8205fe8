/**
 * Fuzzing projections: random COLAs and growth rates (as a user could write
 * them) over two projected years of examples/2025-26-projection, on the
 * fast path. Invariants: the run either succeeds or refuses the growth as
 * a usage error (ProjectionInputError) — never a conservation failure or
 * another exception; the K-3 base grant of each projected year is the prior
 * year's × (1 + COLA) rounded half up to the dollar; every later year is
 * marked projected; ADA never goes negative.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dec, HUNDRED, ONE, roundTo } from '../../src/runtime/money.js';
import { runProjection } from '../../src/project/project.js';
import { ProjectionInputError } from '../../src/project/roll-forward.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { vocabulariesOf } from '../../src/scenario/schema.js';
import type { AssumedPercent, Assumptions } from '../../src/scenario/model.js';
import { ROOT, bundledLibrary } from '../helpers/library.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(6);
const EXAMPLE = `${ROOT}examples/2025-26-projection/scenario.yaml`;

/** A percent as a user writes it: up to two decimals, within a range. */
const percent = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}%`);
const item = (year: number, text: string): AssumedPercent => ({ year, text, value: dec(text.slice(0, -1)).div(HUNDRED), file: 'fuzz.yaml', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, field: `fuzz.${year}` });
const maybe = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: undefined });

describe('projection fuzz', () => {
  it('random assumptions: the law derives by the COLA, the run conserves or the growth is refused', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenarioText(EXAMPLE, readFileSync(EXAMPLE, 'utf8'), { vocabularies: vocabulariesOf(lib) });
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(percent(0, 15), percent(0, 15)),
        fc.tuple(maybe(percent(-60, 60)), maybe(percent(-60, 60)), maybe(percent(-60, 60))),
        async ([c1, c2], [ada, enr, upc]) => {
          const years = [2026, 2027];
          const assumptions: Assumptions = {
            file: 'fuzz.yaml',
            cola: [item(2026, c1), item(2027, c2)],
            ada_growth: ada ? years.map((y) => item(y, ada)) : [],
            enrollment_growth: enr ? years.map((y) => item(y, enr)) : [],
            upc_growth: upc ? years.map((y) => item(y, upc)) : [],
          };
          let out;
          try {
            out = await runProjection({ lib, scenario: scenario!, through: 2027, assumptions, evaluator: 'fast' });
          } catch (e) {
            expect(e).toBeInstanceOf(ProjectionInputError);
            return;
          }
          const k3 = out.result.projection.law.find((x) => x.parameter === 'base_grant_per_ada' && x.member === 'k3')!.years.map((y) => y.value);
          const y1 = roundTo(dec(10256).times(ONE.plus(dec(c1.slice(0, -1)).div(HUNDRED))), 'dollar');
          const y2 = roundTo(y1.times(ONE.plus(dec(c2.slice(0, -1)).div(HUNDRED))), 'dollar');
          expect(k3).toEqual(['10256', y1.toString(), y2.toString()]);
          expect(out.result.totals.map((t) => t.projected)).toEqual([false, true, true]);
          for (const r of out.runs) expect(r.conservation.transfers_net).toBe('0.00');
          for (const r of out.runs) for (const s of r.students) expect(dec(s.ada).gte(0)).toBe(true);
        },
      ),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  }, cfg.long ? 0 : 120_000); // a long run (npm run fuzz) takes as long as its count needs
});
