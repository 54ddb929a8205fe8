/**
 * The progress bar of a long run (issue 9, item 3): on standard error when
 * it is a terminal and the run has taken more than a second; rows, rows/s,
 * share read and time left; erased at the end; silent on a pipe or a file.
 */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  return { isTTY, ...(columns !== undefined ? { columns } : {}), writes, write: (t: string) => writes.push(t) };
}

function clockAt(times: number[]): { clock: () => number; set: (t: number) => void } {
  let now = times[0];
  return { clock: () => now, set: (t) => (now = t) };
}

describe('the progress bar', () => {
  it('says nothing in the first second, then rows, rows/s, the share read and the time left', () => {
    const stream = fakeStream(true);
    const c = clockAt([0]);
    const p = new Progress(stream, { totalBytes: 1000, clock: c.clock });
    c.set(500);
    p.update(5_000, 100);
    expect(stream.writes).toEqual([]);
    c.set(2_000);
    p.update(20_000, 250);
    expect(stream.writes).toEqual(['\r\u001b[Kstudents: [#####...............] 25%  20,000 rows  10,000 rows/s  ETA 6 s']);
    // at most every 100 ms
    c.set(2_050);
    p.update(20_500, 260);
    expect(stream.writes).toHaveLength(1);
    c.set(4_000);
    p.update(40_000, 500);
    expect(stream.writes[1]).toBe('\r\u001b[Kstudents: [##########..........] 50%  40,000 rows  10,000 rows/s  ETA 4 s');
    p.done();
    expect(stream.writes[2]).toBe('\r\u001b[K');
  });

  it('is silent when standard error is not a terminal, and erases nothing it did not draw', () => {
    const pipe = fakeStream(false);
    const c = clockAt([0]);
    const p = new Progress(pipe, { totalBytes: 1000, clock: c.clock });
    c.set(5_000);
    p.update(50_000, 500);
    p.done();
    expect(pipe.writes).toEqual([]);
    const quick = fakeStream(true);
    const q = new Progress(quick, { clock: clockAt([0]).clock });
    q.update(10, 10);
    q.done();
    expect(quick.writes).toEqual([]);
  });

  it('without the file size: rows and rows/s only; cut to the terminal width', () => {
    const stream = fakeStream(true, 30);
    const c = clockAt([0]);
    const p = new Progress(stream, { clock: c.clock });
    c.set(1_500);
    p.update(3_000, 10);
    expect(stream.writes).toEqual(['\r\u001b[Kstudents: 3,000 rows  2,000 r']);
  });
});
