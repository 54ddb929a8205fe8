/** The benchmark's county generator (bench/generate.ts) takes the row count and a seed and is deterministic for them. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, generate } from '../../bench/generate.js';

const root = mkdtempSync(join(tmpdir(), 'lcff-generate-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function files(rows: number, seed: number, name: string): Promise<{ csv: string; yaml: string }> {
  const dir = join(root, name);
  await generate(rows, seed, dir);
  return { csv: readFileSync(join(dir, 'students.csv'), 'utf8'), yaml: readFileSync(join(dir, 'scenario.yaml'), 'utf8') };
}

describe('generate', () => {
  it('writes the asked number of students; the same seed gives the same bytes, another seed other students', async () => {
    const a = await files(300, 7, 'a');
    const b = await files(300, 7, 'b');
    const c = await files(300, 8, 'c');
    const lines = a.csv.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(301);
    expect(lines[300].startsWith('S00000300,')).toBe(true);
    expect(b).toEqual(a);
    expect(c.csv).not.toBe(a.csv);
  });
});
