/** The streamed outputs on the command line: --ndjson, --findings, --json into a file, and their errors (exit 2, one line). */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const EXAMPLE = `${ROOT}examples/2023-24-csv-students`;

describe('lcff run --ndjson and --findings', () => {
  it('--ndjson - prints one line per student: the --json result\'s student entries, in order', () => {
    const json = lcff(['run', EXAMPLE, '--json']);
    const nd = lcff(['run', EXAMPLE, '--ndjson', '-']);
    expect(nd.code).toBe(0);
    const lines = nd.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const students = JSON.parse(json.stdout).students;
    expect(students.length).toBeGreaterThan(10);
    expect(lines.map((l) => JSON.parse(l))).toEqual(students);
  }, 120_000);

  it('refuses --json with --ndjson -, and a --findings that is neither a number nor "all"', () => {
    const both = lcff(['run', EXAMPLE, '--json', '--ndjson', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toBe('--json and --ndjson - both write to standard output: give --ndjson a file');
    const bad = lcff(['run', EXAMPLE, '--findings', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('--findings: expected a number of findings per code or "all"; got "many"');
  }, 120_000);
});

describe('lcff run --json into a file', () => {
  /** Runs lcff with standard output opened on `path` (as `> path` would), returning exit code and stderr. */
  function toFile(args: string[], path: string): { code: number; stderr: string } {
    const fd = openSync(path, 'w');
    try {
      const r = spawnSync(process.execPath, [`${ROOT}dist/src/cli/main.js`, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' } });
      return { code: r.status ?? -1, stderr: r.stderr };
    } finally {
      closeSync(fd);
    }
  }

  it('writes to a regular file (through the file stream of cli/stdout-file.ts) exactly the bytes it writes to a pipe, --json and --ndjson -', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-stdout-'));
    try {
      for (const args of [['run', EXAMPLE, '--json'], ['run', EXAMPLE, '--ndjson', '-']]) {
        const piped = lcff(args, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
        const file = join(dir, 'out');
        const r = toFile(args, file);
        expect(r.code).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
        expect(piped.stdout.length).toBeGreaterThan(10_000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.runIf(existsSync('/dev/full'))('says in one line, exit 2, when standard output cannot be written (a full disk)', () => {
    const r = toFile(['run', EXAMPLE, '--json'], '/dev/full');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lcff: cannot write to standard output: ENOSPC: no space left on device, write\n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
