/** Cache entries (src/cache/store.ts) in process: a round trip, and every way an entry is refused. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCache } from '../helpers/temp-cache.js';
import { isCheckSummary, type CheckSummary } from '../../src/cache/check-summary.js';
import { cacheDir, MAX_ENTRIES, readEntry, writeEntry } from '../../src/cache/store.js';

const dir = useTempCache('lcff-store-');

const summary: CheckSummary = {
  diagnostics: [{ severity: 'error', text: 'a.lcff:1:1 LCFF-E002 error: expected end' }],
  unconfirmed: [{ what: 'cola 2024-25', at: 'params/cola.yaml:3' }, { what: 'rule x.y', note: 'why', at: 'x.lcff:2' }],
  files: 2,
  decisions: 1,
  formulas: 0,
  parameters: 1,
  horizon: { first: 2013, last: 2025, file: 'library.yaml' },
};

describe('cache entries', () => {
  it('reads back what was written', () => {
    writeEntry('check', 'k1', summary);
    expect(readEntry('check', 'k1', isCheckSummary)).toEqual(summary);
    expect(readEntry('check', 'k2', isCheckSummary)).toBeUndefined();
    expect(readdirSync(dir())).toEqual(['check-k1.json']);
  });

  it('refuses an entry whose shape is not the summary', () => {
    for (const bad of [{ ...summary, files: '2' }, { ...summary, extra: true }, { ...summary, diagnostics: [{ severity: 'fatal', text: 'x' }] }, { ...summary, horizon: { first: 2013 } }, [summary], null]) {
      writeEntry('check', 'k', bad);
      expect(readEntry('check', 'k', isCheckSummary)).toBeUndefined();
    }
  });

  it('refuses a file that is not an entry', () => {
    for (const text of ['', 'lcff-cache 1 \n{}', `lcff-cache 1 ${'0'.repeat(64)}\n${JSON.stringify(summary)}`, JSON.stringify(summary)]) {
      writeFileSync(join(dir(), 'check-k.json'), text);
      expect(readEntry('check', 'k', isCheckSummary)).toBeUndefined();
    }
  });

  it('is off with LCFF_NO_CACHE (but not with LCFF_NO_CACHE=0), and keeps at most MAX_ENTRIES entries', () => {
    process.env.LCFF_NO_CACHE = '1';
    expect(cacheDir()).toBeUndefined();
    writeEntry('check', 'k', summary);
    expect(readdirSync(dir())).toEqual([]);
    process.env.LCFF_NO_CACHE = '0';
    expect(cacheDir()).toBe(dir());
    for (let i = 0; i < MAX_ENTRIES + 5; i++) writeEntry('check', `k${i}`, summary);
    expect(readdirSync(dir())).toHaveLength(MAX_ENTRIES);
  });
});
