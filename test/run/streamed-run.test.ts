/**
 * A streamed run (issue 9, items 1 and 3): the students of a generated
 * 20,000-row county CSV are decided as they are read, and --json, --ndjson
 * and CSV are written from the streamed result. The JSON is the in-memory
 * run's, byte for byte; NDJSON lines are its student entries; the run keeps
 * no student record.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { compileProgram } from '../../src/compile/program.js';
import { writeJson } from '../../src/report/json-stream.js';
import { writeNdjson } from '../../src/report/ndjson.js';
import { TextOut } from '../../src/report/text-out.js';
import { csvTables } from '../../src/report/csv.js';
import { RunContext } from '../../src/run/context.js';
import { finishRun, materialize, runScenario, type StreamedRun } from '../../src/run/run.js';
import { StudentPass } from '../../src/run/student-pass.js';
import { loadScenario } from '../../src/scenario/load.js';
import { vocabulariesOf } from '../../src/scenario/schema.js';
import type { Library } from '../../src/semantics/library.js';
import type { RunResult } from '../../src/run/result.js';
import { bundledLibrary } from '../helpers/library.js';

/** A writable that keeps what it is given, in small pieces as a pipe would take them. */
class Collect extends Writable {
  readonly chunks: string[] = [];
  writes = 0;
  constructor() {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.chunks.push(chunk.toString());
    this.writes += 1;
    setImmediate(done);
  }
  text(): string {
    return this.chunks.join('');
  }
}

async function streamedRun(lib: Library, dir: string): Promise<{ run: StreamedRun; seen: number }> {
  let pass: StudentPass | undefined;
  let ctx: RunContext | undefined;
  let seen = 0;
  const { scenario, diagnostics } = await loadScenario(dir, {
    vocabularies: vocabulariesOf(lib),
    streamStudents: (head) => {
      ctx = new RunContext(compileProgram(lib, head.fiscal_year), undefined, 'fast');
      pass = new StudentPass(ctx, head.schools, head.coe);
      return { onStudent: (s) => { seen += 1; return pass!.add(s); } };
    },
  });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // the loader kept none of the students it handed over
  expect(scenario!.students).toHaveLength(0);
  const run = await finishRun(lib, ctx!.bind(scenario!), await pass!.finish());
  return { run, seen };
}

const ROWS = 20_000;

describe(`a streamed run of a generated county of ${ROWS.toLocaleString('en-US')} students`, () => {
  let lib: Library;
  let dir: string;
  let streamed: StreamedRun;
  let inMemory: RunResult;
  let seen = 0;

  beforeAll(async () => {
    lib = await bundledLibrary();
    dir = mkdtempSync(join(tmpdir(), 'lcff-streamed-'));
    await generate(ROWS, 11, dir);
    // the same county, read the ordinary way: every student in memory
    const full = await loadScenario(dir, { vocabularies: vocabulariesOf(lib) });
    expect(full.scenario!.students).toHaveLength(ROWS);
    inMemory = (await runScenario(lib, full.scenario!, { evaluator: 'fast' })).result;
    ({ run: streamed, seen } = await streamedRun(lib, dir));
  }, 300_000);

  it('decides every student as it is read', () => {
    expect(seen).toBe(ROWS);
    expect(streamed.result.students.length).toBe(ROWS);
    expect(streamed.result.findings.length).toBe(inMemory.findings.length);
    expect(inMemory.findings.length).toBeGreaterThan(ROWS / 2); // the generator's wrong CALPADS codes
  });

  it('writes --json in pieces that parse to the in-memory result, byte for byte its JSON.stringify', async () => {
    const sink = new Collect();
    await writeJson(new TextOut(sink), streamed.result);
    expect(sink.writes).toBeGreaterThan(10); // written as it goes, never one string
    const text = sink.text();
    expect(JSON.parse(text)).toEqual(inMemory);
    expect(text).toBe(`${JSON.stringify(inMemory, null, 2)}\n`);
  });

  it('writes one NDJSON line per student, each the result\'s student entry, in its order', async () => {
    const sink = new Collect();
    await writeNdjson(new TextOut(sink), streamed.result.students);
    const lines = sink.text().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ROWS);
    expect(lines.map((l) => JSON.parse(l))).toEqual(inMemory.students);
  });

  it('gives the CSV tables of the in-memory result', () => {
    expect(csvTables(streamed.result)).toEqual(csvTables(inMemory));
  });

  it('materializes to the in-memory result', () => {
    expect(materialize(streamed.result)).toEqual(inMemory);
  });

  it('puts students of an unsorted file in id order, as the in-memory run does', async () => {
    const csv = readFileSync(join(dir, 'students.csv'), 'utf8').trimEnd().split('\n');
    const [head, ...rows] = csv;
    const shuffled = join(dir, 'shuffled');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(shuffled);
    writeFileSync(join(shuffled, 'scenario.yaml'), readFileSync(join(dir, 'scenario.yaml')));
    // reversed blocks of 7: far from sorted
    const out: string[] = [];
    for (let i = rows.length; i > 0; i -= 7) out.push(...rows.slice(Math.max(0, i - 7), i));
    writeFileSync(join(shuffled, 'students.csv'), `${[head, ...out].join('\n')}\n`);
    const { run } = await streamedRun(lib, shuffled);
    const sink = new Collect();
    await writeJson(new TextOut(sink), run.result);
    expect(sink.text()).toBe(`${JSON.stringify(inMemory, null, 2)}\n`);
  }, 120_000);
});
