/** Invariants every fuzzer checks on diagnostics: a stable code, a severity, a message, and a position inside the file. */
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';

const CODE = /^LCFF-[EWSVF]\d{3}$/;

export function expectWellFormed(ds: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  for (const d of ds) {
    const where = `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`;
    expect(d.code, where).toMatch(CODE);
    // LCFF-E039 is lcff failing on a file: a bug the isolation hid, never an acceptable answer
    expect(d.code, where).not.toBe('LCFF-E039');
    expect(['error', 'warning', 'info'], where).toContain(d.severity);
    expect(d.message.length, where).toBeGreaterThan(0);
    const text = texts.get(d.file);
    expect(text, `${where}: diagnostic for a file that was not given`).toBeDefined();
    for (const p of [d.range.start, d.range.end]) {
      expect(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.column) && p.column >= 1, where).toBe(true);
      expect(p.offset >= 0 && p.offset <= text!.length, where).toBe(true);
    }
    expect(d.range.start.offset <= d.range.end.offset, where).toBe(true);
  }
}

/** Tracks the slowest case of a fuzzer (the no-hang invariant: under 5 s each). */
export class Slowest {
  ms = 0;
  time<T>(fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      this.ms = Math.max(this.ms, performance.now() - t);
    }
  }
}

export const HANG_MS = 5000;

/** `bytes` cut at the given points (each taken modulo the length + 1; repeats and empty pieces dropped): a file as a stream may hand it over. */
export function chunksAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) out.push(bytes.subarray(at, p));
    at = Math.max(at, p);
  }
  return out;
}
