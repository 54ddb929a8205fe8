/** The streamed outputs on the command line: --ndjson, --findings, and their usage errors (exit 2, one line). */
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
