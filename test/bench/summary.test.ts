/**
 * The benchmark summary's logic, not its timing: the goals of issue 9
 * evaluated from given figures, the table it prints, its arguments.
 */
import { describe, expect, it } from 'vitest';
import { CONTENDERS, ratioToBaseline, type BenchFigures, type ContenderFigure, type ContenderId, type ThroughputFigures } from '../../bench/figures.js';
import { GOALS, lspGoal, startupGoal, throughputGoal } from '../../bench/goals.js';
import { DEFAULTS, parseSummaryArgs } from '../../bench/options.js';
import { renderSummary, textTable } from '../../bench/summary.js';
import { categoriesOf, sameCategories } from '../../bench/throughput.js';

/** A throughput table of 1,000 rows with the given time (ms) and RSS (MB) per contender; the engine decides a 100-row sample. */
function throughput(ms: Partial<Record<ContenderId, number>>, rss: Partial<Record<ContenderId, number>> = {}, jsonValid = true): ThroughputFigures {
  const contenders: ContenderFigure[] = CONTENDERS.map((c) => ({ id: c.id, name: c.name, rows: c.id === 'engine' ? 100 : 1000, ms: ms[c.id] ?? 100, rssMb: rss[c.id] ?? 100, runs: 3 }));
  return { rows: 1000, seed: 7, contenders, jsonValid, agreement: ['student findings: lcff run --json 10, baseline 10'], agrees: true };
}
const row = (t: ThroughputFigures, id: ContenderId): ContenderFigure => t.contenders.find((c) => c.id === id)!;

describe('throughput goals', () => {
  it('lcff run --json: the ratio is time per row over the baseline, and the goal needs ratio, RSS and valid JSON', () => {
    const t = throughput({ baseline: 1000, 'run-json': 3000 }, { 'run-json': 499 });
    expect(ratioToBaseline(t, row(t, 'run-json'))).toBeCloseTo(3, 10);
    expect(throughputGoal(t, row(t, 'run-json'))).toMatchObject({ met: 'yes', measured: '3.00×, 499 MB, valid' });
    expect(throughputGoal(throughput({ baseline: 1000, 'run-json': 3001 }), row(throughput({ baseline: 1000, 'run-json': 3001 }), 'run-json')).met).toBe('no');
    const heavy = throughput({ baseline: 1000, 'run-json': 1000 }, { 'run-json': GOALS.runRssMb });
    expect(throughputGoal(heavy, row(heavy, 'run-json')).met).toBe('no');
    const invalid = throughput({ baseline: 1000, 'run-json': 1000 }, {}, false);
    expect(throughputGoal(invalid, row(invalid, 'run-json'))).toMatchObject({ met: 'no', measured: '1.00×, 100 MB, INVALID' });
  });

  it('a failed contender or an unchecked output makes the goal unmeasurable, not met or failed', () => {
    const t = throughput({});
    row(t, 'baseline').error = 'exit 3: boom';
    expect(throughputGoal(t, row(t, 'run-json')).met).toBe('—');
    const unchecked = throughput({});
    delete unchecked.jsonValid;
    expect(throughputGoal(unchecked, row(unchecked, 'run-json')).met).toBe('—');
  });

  it('the kernel: speed against the hand loop and json-rules-engine, rows per second (the engine decides a sample)', () => {
    // kernel 1,000 rows in 100 ms = 10,000/s; hand 1,000 in 50 ms = 20,000/s (0.5×); engine 100 rows in 2,000 ms = 50/s (200×)
    const t = throughput({ kernel: 100, hand: 50, engine: 2000 });
    expect(throughputGoal(t, row(t, 'kernel'))).toMatchObject({ met: 'yes', measured: '0.500× hand, 200× engine' });
    const slow = throughput({ kernel: 101, hand: 50, engine: 2000 });
    expect(throughputGoal(slow, row(slow, 'kernel')).met).toBe('no');
    const vsEngine = throughput({ kernel: 100, hand: 10, engine: 1000 });
    expect(throughputGoal(vsEngine, row(vsEngine, 'kernel'))).toMatchObject({ met: 'no', measured: '0.100× hand, 100× engine' });
  });

  it('the terminal report: the same order of time as --json', () => {
    const t = throughput({ 'run-json': 100, 'run-terminal': 1000 });
    expect(throughputGoal(t, row(t, 'run-terminal')).met).toBe('yes');
    const slow = throughput({ 'run-json': 100, 'run-terminal': 1001 });
    expect(throughputGoal(slow, row(slow, 'run-terminal')).met).toBe('no');
  });

  it('rows without a goal have none', () => {
    const t = throughput({});
    for (const id of ['baseline', 'hand', 'closure', 'engine'] as const) expect(throughputGoal(t, row(t, id))).toEqual({ goal: '', met: '—' });
  });
});

describe('start-up and language-server goals', () => {
  const startup = [
    { name: 'node -e 0', runs: 5, ms: 40 },
    { name: 'lcff --version', runs: 5, ms: 400 },
    { name: 'lcff check rules/ (cached)', runs: 5, ms: 120 },
    { name: 'lcff compile --year 2019-20 (no cache)', runs: 5, ms: 121 },
  ];
  it('check and compile against node -e 0; --version has no goal', () => {
    expect(startupGoal(startup, startup[1]).met).toBe('—');
    expect(startupGoal(startup, startup[2])).toEqual({ goal: '≤ 3× node -e 0', met: 'yes' });
    expect(startupGoal(startup, startup[3]).met).toBe('no');
    expect(startupGoal(startup.slice(1), startup[2]).met).toBe('—');
  });

  it('completion and hover p95 under 50 ms; diagnostics p95 under 150 ms on the generated file only', () => {
    expect(lspGoal({ name: 'rule library (transfer.lcff): hover', runs: 40, p50: 1, p95: 49.9 }).met).toBe('yes');
    expect(lspGoal({ name: 'generated 10000 lines: completion', runs: 15, p50: 1, p95: 50 }).met).toBe('no');
    expect(lspGoal({ name: 'generated 10000 lines: change → diagnostics', runs: 15, p50: 100, p95: 149 })).toEqual({ goal: 'p95 < 150 ms', met: 'yes' });
    expect(lspGoal({ name: 'generated 10000 lines: change → diagnostics', runs: 15, p50: 100, p95: 150 }).met).toBe('no');
    expect(lspGoal({ name: 'rule library (transfer.lcff): change → diagnostics', runs: 40, p50: 100, p95: 900 }).met).toBe('—');
  });
});

describe('the printed summary', () => {
  it('aligns columns: left-aligned text, right-aligned figures', () => {
    expect(textTable(['name', 'ms'], [['a', '1'], ['bbb', '100']], new Set([0]))).toBe('name   ms\n----  ---\na       1\nbbb   100');
  });

  it('one document: each size, start-up and language server, with goals counted from the figures', () => {
    const f: BenchFigures = {
      started: '2026-11-29T21:00:00.000Z',
      machine: { cpus: 2, load: [1, 2, 3], node: 'v20.0.0' },
      options: { rows: [1000], seed: 7, repeat: 3, sample: 100 },
      throughput: [throughput({ baseline: 1000, 'run-json': 2000, kernel: 100, hand: 50, engine: 2000 })],
      startup: [
        { name: 'node -e 0', runs: 5, ms: 40 },
        { name: 'lcff check rules/ (cached)', runs: 5, ms: 200 },
      ],
      lsp: [{ name: 'generated 10000 lines: hover', runs: 15, p50: 2, p95: 3 }],
    };
    const text = renderSummary(f);
    expect(text).toContain('Throughput: a generated county of 1,000 students (seed 7)');
    expect(text).toMatch(/lcff run --json > file\s+1,000\s+3\s+2000\s+500\s+2\.00\s+100\s+≤ 3× baseline, RSS < 500 MB, valid JSON\s+yes\s+2\.00×, 100 MB, valid/);
    expect(text).toMatch(/lcff check rules\/ \(cached\)\s+5\s+200\.0\s+5\.00\s+≤ 3× node -e 0\s+no/);
    expect(text).toMatch(/generated 10000 lines: hover\s+15\s+2\.0\s+3\.0\s+p95 < 50 ms\s+yes/);
    // run --json, terminal (100 ms ≤ 10 × 2000 ms), kernel: yes; check: no; hover: yes
    expect(text).toContain('goals met: 4 of 5; agreement checks: all agree');
    expect(text).toContain('agree: student findings: lcff run --json 10, baseline 10');
  });
});

describe('arguments of the summary', () => {
  it('defaults: 100k and 1M rows, seed 7, three repeats, every section', () => {
    expect(parseSummaryArgs([])).toEqual(DEFAULTS);
  });

  it('reads sizes, seed, repeats, sample, sections and the JSON file', () => {
    expect(parseSummaryArgs(['--rows', '1000,20000', '--seed', '0', '--repeat', '1', '--sample', '50', '--only', 'lsp,throughput', '--json', 'out.json'])).toEqual({
      rows: [1000, 20000],
      seed: 0,
      repeat: 1,
      sample: 50,
      sections: ['throughput', 'lsp'],
      json: 'out.json',
    });
  });

  it.each([
    [['--rows', '1e5'], '--rows takes a whole number ≥ 1, not "1e5"'],
    [['--rows', '0'], '--rows takes a whole number ≥ 1, not "0"'],
    [['--rows'], '--rows takes a whole number ≥ 1, not ""'],
    [['--repeat', '0'], '--repeat takes a whole number ≥ 1, not "0"'],
    [['--seed', '-1'], '--seed takes a whole number ≥ 0, not "-1"'],
    [['--only', 'kernel'], '--only takes throughput, startup, lsp (comma-separated), not "kernel"'],
    [['--json'], '--json takes a file name'],
    [['--json', '--rows'], '--json takes a file name'],
    [['--fast'], 'unknown argument "--fast"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSummaryArgs(argv)).toThrow(message);
  });
});

describe('the agreement check of the throughput table', () => {
  it("reads a run's categories as whole hundredths of ADA, and refuses a figure written otherwise", () => {
    const run = JSON.stringify([
      { category: 'district_funded', students: 3, census_day: 2, ada: '1401.99' },
      { category: 'charter_funded', students: 1, census_day: 1, ada: '0.05' },
    ]);
    const got = categoriesOf(run)!;
    expect(got).toEqual({ district_funded: { students: 3, census_day: 2, ada_hundredths: 140199 }, charter_funded: { students: 1, census_day: 1, ada_hundredths: 5 } });
    expect(sameCategories(got, { charter_funded: { students: 1, census_day: 1, ada_hundredths: 5 }, district_funded: { students: 3, census_day: 2, ada_hundredths: 140199 } })).toBe(true);
    expect(sameCategories(got, { charter_funded: { students: 1, census_day: 1, ada_hundredths: 5 }, district_funded: { students: 3, census_day: 2, ada_hundredths: 140198 } })).toBe(false);
    expect(categoriesOf(JSON.stringify([{ category: 'x', students: 1, census_day: 1, ada: '1.5' }]))).toBeUndefined();
  });
});
