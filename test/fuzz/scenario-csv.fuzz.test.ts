/**
 * Fuzzing the student CSV reader: valid rows whose cells are replaced by
 * hostile texts (quotes, separators, line breaks, control characters,
 * prototype words, decimal commas, huge cells), headers shuffled, damaged
 * or missing columns, a BOM, CRLF, text cut short. Invariant as for YAML
 * (test/helpers/scenario-fuzz.ts); and the loader's reading of rows without
 * a problem (csv-plain-rows.ts) gives what the generic check of every row
 * gives, students and diagnostics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioText } from '../../src/scenario/load.js';
import { applyEdits, hostileText, newFuzzStats, PROTOTYPE_WORDS, statsLine, textEdit, timedLoad, validScenario } from '../helpers/scenario-fuzz.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(50);

const COLUMNS = ['id', 'school', 'grade', 'basis', 'district_of_residence', 'unduplicated', 'census_day', 'ada', 'reported_transfer_code', 'reported_district_of_residence'];
const ROW = ['S1', '0130019', '10', 'wic_602', '0161119', 'true', 'true', '0.92', '5', '0161119'];

const scenarioText = (() => {
  const s = validScenario();
  s.students = { file: 'kids.csv' };
  return stringify(s);
})();

/** A cell as a CSV writer would quote it, or raw (possibly breaking the record). */
function cell(text: string, quote: boolean): string {
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

const REQUIRED = ['id', 'school', 'grade', 'basis', 'unduplicated', 'census_day', 'ada'];
const OPTIONAL = COLUMNS.filter((c) => !REQUIRED.includes(c));

const csvArb = fc.record({
  // mostly every required column (so rows are read), in any order; sometimes one dropped
  header: fc
    .tuple(fc.subarray(OPTIONAL), fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...REQUIRED) }))
    .chain(([optional, dropped]) => fc.shuffledSubarray([...REQUIRED.filter((c) => c !== dropped), ...optional], { minLength: REQUIRED.length - (dropped ? 1 : 0) + optional.length })),
  extraColumn: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...PROTOTYPE_WORDS), hostileText) }),
  rows: fc.array(fc.array(fc.record({ column: fc.nat(), text: fc.oneof(hostileText, fc.constantFrom('0161119', '0130021', '0169999', 'TK', '12', '13', 'none', 'wic_602;none', 'y', 'N', '0.925', '1.00', 'S0')), quote: fc.boolean() }), { maxLength: 3 }), { maxLength: 6 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  edits: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }) }),
});

describe('scenario loader: student CSV', () => {
  it(`${cfg.numRuns} mutated student files load soundly`, async () => {
    const stats = newFuzzStats();
    await fc.assert(
      fc.asyncProperty(csvArb, async ({ header, extraColumn, rows, crlf, bom, edits }) => {
        const columns = extraColumn === undefined ? header : [...header, extraColumn];
        const nl = crlf ? '\r\n' : '\n';
        const lines = [columns.map((c) => cell(c, /[",\r\n]/.test(c))).join(',')];
        rows.forEach((changes, r) => {
          const cells = columns.map((c) => ROW[COLUMNS.indexOf(c)] ?? '').map((v, i) => (columns[i] === 'id' ? `S${r}` : v));
          for (const ch of changes) cells[ch.column % cells.length] = cell(ch.text, ch.quote);
          lines.push(cells.join(','));
        });
        const csv = applyEdits(`${bom ? '\ufeff' : ''}${lines.join(nl)}${nl}`, edits);
        let loaded: unknown;
        await timedLoad(csv, async () => (loaded = await loadScenarioText('/fuzz/scenario.yaml', scenarioText, { openCsv: async () => csv })) as Awaited<ReturnType<typeof loadScenarioText>>, stats);
        // rows without a problem are read without the generic check (csv-plain-rows.ts): the same students, the same diagnostics
        const generic = await loadScenarioText('/fuzz/scenario.yaml', scenarioText, { openCsv: async () => csv, genericCsvRows: true });
        expect(loaded).toEqual(generic);
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed, timeout: 5000, markInterruptAsFailure: true },
    );
    if (cfg.long) console.log(statsLine('scenario loader, CSV', stats, cfg.seed));
    expect(stats.cases).toBe(cfg.numRuns);
  });
});
