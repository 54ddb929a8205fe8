/**
 * Tables fit the terminal: narrowed to its width when standard output is a
 * terminal (checked in a real pseudo-terminal with util-linux `script`), never
 * with --wide; the width arithmetic and the colour policy on their own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/cli/color-policy.js';
import { fittedWidths, naturalWidths } from '../../src/report/table-width.js';
import { ROOT } from '../helpers/library.js';

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The lines a command prints in a terminal `cols` wide, colour codes removed. */
function inTerminal(cols: number, args: string): string[] {
  const clean = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete clean[k];
  const r = spawnSync('script', ['-qec', `stty cols ${cols}; ${JSON.stringify(process.execPath)} dist/src/cli/main.js ${args}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...clean, TERM: 'xterm' } });
  return r.stdout.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').replace(/\r$/, ''));
}

const tableLines = (lines: string[]) => lines.filter((l) => /^[│┌└├]/.test(l));

describe.skipIf(!hasScript)('in a terminal', () => {
  it('every table of lcff run and lcff report fits 90 columns, with colour', () => {
    for (const args of ['run examples/2019-20-county-charter', 'report calpads-1.20 examples/2019-20-county-charter']) {
      const lines = tableLines(inTerminal(90, args));
      expect(lines.length, args).toBeGreaterThan(10);
      expect(Math.max(...lines.map((l) => [...l].length)), args).toBeLessThanOrEqual(90);
    }
    expect(inTerminal(90, 'report calpads-1.20 examples/2019-20-county-charter')).toContain("(narrowed to the terminal's 90 columns; --wide for the full table)");
  });
  it('--wide keeps the natural width', () => {
    const lines = tableLines(inTerminal(90, '--wide report calpads-1.20 examples/2019-20-county-charter'));
    expect(Math.max(...lines.map((l) => [...l].length))).toBeGreaterThan(200);
  });
});

describe('table widths', () => {
  it('natural widths are the longest line plus padding, colour codes not counted', () => {
    expect(naturalWidths(['id', 'name'], [['\u001b[31mS001\u001b[39m', 'a\nlonger line']])).toEqual([6, 13]);
    expect(naturalWidths(['a'], [{ k: 'v' }])).toBeUndefined();
  });
  it('the widest column narrows first until the table fits; a table that fits is left alone', () => {
    // 10 + 30 + 20 + 4 borders = 64 → limit 50 takes 14 from the widest: 30 → 20, then 20 and 20 alternate
    expect(fittedWidths([10, 30, 20], 50)).toEqual([10, 18, 18]);
    expect(fittedWidths([10, 30, 20], 64)).toBeUndefined();
    // never below 5 characters
    expect(fittedWidths([20, 20], 10)).toEqual([5, 5]);
  });
});

describe('colour policy', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ CI: 'true' }, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, true, false],
    [{ TERM: 'dumb' }, true, false],
  ])('%o, terminal %s → colour %s', (env, tty, want) => {
    expect(colourWanted(env as NodeJS.ProcessEnv, tty)).toBe(want);
  });
});
