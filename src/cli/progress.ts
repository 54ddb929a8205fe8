/**
 * A progress bar on standard error while a run reads its students: rows
 * read, rows per second, and (when the CSV's size is known) the share read
 * and the time left. Drawn only when the stream is a terminal and the run
 * has taken more than a second; erased when the run ends. Silent otherwise:
 * a pipe or a file never receives it.
 */
import { performance } from 'node:perf_hooks';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** the CSV's size in bytes, for the share read and the time left */
  totalBytes?: number;
  /** milliseconds; default performance.now */
  clock?: () => number;
  /** drawn only after this many milliseconds (default 1000) */
  delayMs?: number;
  /** redrawn at most this often (default 100 ms) */
  everyMs?: number;
}

const BAR = 20;

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

export class Progress {
  private readonly clock: () => number;
  private readonly start: number;
  private last = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly opts: ProgressOptions = {},
  ) {
    this.clock = opts.clock ?? (() => performance.now());
    this.start = this.clock();
  }

  get active(): boolean {
    return this.stream.isTTY === true;
  }

  /** `rows` read so far, taking `bytes` of the file. */
  update(rows: number, bytes: number): void {
    if (!this.active) return;
    const now = this.clock();
    const elapsed = now - this.start;
    if (elapsed < (this.opts.delayMs ?? 1000) || now - this.last < (this.opts.everyMs ?? 100)) return;
    this.last = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[K${this.line(rows, bytes, elapsed)}`);
  }

  line(rows: number, bytes: number, elapsed: number): string {
    const rate = elapsed > 0 ? Math.round((rows / elapsed) * 1000) : 0;
    const parts = [`${rows.toLocaleString('en-US')} rows`, `${rate.toLocaleString('en-US')} rows/s`];
    const total = this.opts.totalBytes;
    if (total !== undefined && total > 0 && bytes > 0) {
      const share = Math.min(1, bytes / total);
      const filled = Math.round(share * BAR);
      parts.unshift(`[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${Math.floor(share * 100)}%`);
      parts.push(`ETA ${seconds((elapsed / share) * (1 - share))}`);
    }
    const text = `students: ${parts.join('  ')}`;
    const width = this.stream.columns;
    return typeof width === 'number' && width > 1 && text.length >= width ? text.slice(0, width - 1) : text;
  }

  /** Erases the bar, if one was drawn. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
