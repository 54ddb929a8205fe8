/**
 * Fuzzing the scenario loader with YAML: valid scenarios mutated where it
 * matters (wrong types, hostile strings, prototype words, control
 * characters, huge values, decimal commas, deep nesting, missing and extra
 * keys), serialised, sometimes damaged as text. Invariant: no exception, no
 * "internal" diagnostic, every diagnostic positioned with a documented S
 * code and a bounded, visible-safe message, under 5 s per case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioText } from '../../src/scenario/load.js';
import { applyEdits, mutation, mutate, newFuzzStats, statsLine, textEdit, timedLoad } from '../helpers/scenario-fuzz.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(100);

function yamlText(data: unknown, flow: boolean): string {
  try {
    return stringify(data, { collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
  } catch {
    return String(data);
  }
}

describe('scenario loader: YAML', () => {
  it(`${cfg.numRuns} mutated scenarios load soundly`, async () => {
    const stats = newFuzzStats();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }) }), fc.boolean(), async (mutations, edits, flow) => {
        const text = applyEdits(yamlText(mutate(mutations), flow), edits);
        await timedLoad(text, () => loadScenarioText('/fuzz/scenario.yaml', text, { openCsv: async () => 'id\n' }), stats);
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed, timeout: 5000, markInterruptAsFailure: true },
    );
    if (cfg.long) console.log(statsLine('scenario loader, YAML', stats, cfg.seed));
    expect(stats.cases).toBe(cfg.numRuns);
  });

  it('hand-picked YAML features: aliases, merge keys, tags, directives, documents', async () => {
    const base = yamlText(mutate([]), false);
    const texts = [
      `a: &x 1\nb: *x\n${base}`,
      `base: &b { cds: "0161119" }\n${base.replace('districts:', 'districts:\n  - <<: *b\n    name: X\n    enrollment: 1\n    unduplicated: 0')}`,
      `%YAML 1.1\n---\n${base.replace('census_day: true', 'census_day: yes')}`,
      `fiscal_year: !!timestamp 2019-10-10\n${base.replace(/^fiscal_year:.*\n/m, '')}`,
      `${base}\n---\nsecond: document\n`,
      `? [complex, key]\n: 1\n${base}`,
      `${base.replace('grade: 10', `grade: ${'['.repeat(5000)}${']'.repeat(5000)}`)}`,
      '',
      '~',
      '- a list',
      '\u001b[2J: x',
    ];
    for (const text of texts) await timedLoad(text, () => loadScenarioText('/fuzz/scenario.yaml', text));
  });
});
