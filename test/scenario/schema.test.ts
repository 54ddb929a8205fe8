import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateScenarioJson } from '../../src/scenario/schema-check.js';

const fx = (name: string) => join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', name);

// The result contract is tested in test/run/result-contract.test.ts, on real results.

describe('scenario schema', () => {
  it('accepts the fixtures the loader accepts', () => {
    for (const name of ['valid.yaml', 'with-csv.yaml']) {
      expect([name, validateScenarioJson(parse(readFileSync(fx(name), 'utf8')))]).toEqual([name, []]);
    }
    expect(validateScenarioJson(JSON.parse(readFileSync(fx('valid.json'), 'utf8')))).toEqual([]);
  });

  it('rejects what the loader rejects by shape', () => {
    const errs = validateScenarioJson(parse(readFileSync(fx('malformed.yaml'), 'utf8')));
    expect(errs.some((e) => e.includes('unknown property "colour"'))).toBe(true);
    expect(errs.some((e) => e.startsWith('/students/0/ada'))).toBe(true);
  });
});
