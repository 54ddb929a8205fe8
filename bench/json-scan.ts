/**
 * A streaming JSON checker for the benchmark: reads a document of any size in
 * chunks (a 1M-student `lcff run --json` is larger than the longest string
 * V8 holds, so JSON.parse cannot read it), tells whether it is one valid JSON
 * value (RFC 8259 grammar; UTF-8 well-formedness is not checked), counts the
 * elements of each array at the top level of an object, and hands over the
 * text of chosen top-level values and of the elements of chosen top-level
 * arrays, so the benchmark compares a run's figures without keeping the
 * document.
 */
import { createReadStream } from 'node:fs';

export interface ScanOptions {
  /** top-level keys whose whole value is kept as text (small values only) */
  values?: ReadonlySet<string>;
  /** top-level arrays whose elements are handed to onElement, one by one */
  elements?: ReadonlySet<string>;
  onElement?: (key: string, text: string) => void;
}

export interface ScanResult {
  valid: boolean;
  /** where and why it is not valid */
  error?: string;
  /** top-level key → number of elements, for the arrays at the top level of an object */
  counts: Map<string, number>;
  values: Map<string, string>;
}

const enum S { Value, ArrayFirst, ObjectFirst, Key, Colon, After, Str, Num, Lit, End }
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const LITERALS = new Set(['true', 'false', 'null']);
const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isNumChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** A push parser: `write` chunks, then `end`. */
export class JsonScanner {
  private state = S.Value;
  private readonly stack: number[] = []; // 0x7b '{' or 0x5b '['
  private strIsKey = false;
  private escape = 0; // 0 none; 1 after '\'; 2..5 hex digits of \u expected
  private token = ''; // a number's or literal's characters
  private key = ''; // the top-level key being read or last read
  private readonly topKeyChars: number[] = [];
  private capture: { kind: 'value' | 'element'; key: string; parts: Buffer[]; start: number } | undefined;
  private offset = 0;
  private error: string | undefined;
  readonly counts = new Map<string, number>();
  readonly values = new Map<string, string>();

  constructor(private readonly opts: ScanOptions = {}) {}

  write(chunk: Buffer): void {
    if (this.error) return;
    for (let i = 0; i < chunk.length; i++) {
      if (!this.step(chunk, i)) {
        this.error ??= `byte ${this.offset + i}: unexpected ${JSON.stringify(String.fromCharCode(chunk[i]))}`;
        return;
      }
    }
    if (this.capture) {
      this.capture.parts.push(chunk.subarray(this.capture.start));
      this.capture.start = 0;
    }
    this.offset += chunk.length;
  }

  end(): ScanResult {
    if (!this.error && (this.state === S.Num || this.state === S.Lit)) {
      if (!this.finishToken()) this.error = `byte ${this.offset}: bad token ${JSON.stringify(this.token)}`;
      else this.valueDone(Buffer.alloc(0), 0);
    }
    if (!this.error && this.state !== S.End) this.error = `byte ${this.offset}: the document ends inside a value`;
    return { valid: !this.error, ...(this.error ? { error: this.error } : {}), counts: this.counts, values: this.values };
  }

  private step(b: Buffer, i: number): boolean {
    const c = b[i];
    switch (this.state) {
      case S.Str:
        if (this.escape === 1) {
          if (c === 0x75) this.escape = 2;
          else if ('"\\/bfnrt'.includes(String.fromCharCode(c))) this.escape = 0;
          else return false;
        } else if (this.escape >= 2) {
          if (!isHex(c)) return false;
          this.escape = this.escape === 5 ? 0 : this.escape + 1;
        } else if (c === 0x5c) this.escape = 1;
        else if (c === 0x22) {
          if (this.strIsKey) {
            if (this.stack.length === 1) this.key = Buffer.from(this.topKeyChars).toString();
            this.state = S.Colon;
          } else this.valueDone(b, i + 1);
        } else if (c < 0x20) return false;
        else if (this.strIsKey && this.stack.length === 1) this.topKeyChars.push(c);
        return true;
      case S.Num:
      case S.Lit:
        if (this.state === S.Num ? isNumChar(c) : c >= 0x61 && c <= 0x7a) {
          this.token += String.fromCharCode(c);
          return true;
        }
        if (!this.finishToken()) return false;
        this.valueDone(b, i);
        return this.step(b, i);
      default:
        if (isWs(c)) return true;
    }
    switch (this.state) {
      case S.Value:
      case S.ArrayFirst:
        if (this.state === S.ArrayFirst && c === 0x5d) return this.close(b, i, 0x5b);
        this.valueStarts(b, i);
        if (c === 0x7b || c === 0x5b) {
          this.stack.push(c);
          this.state = c === 0x7b ? S.ObjectFirst : S.ArrayFirst;
        } else if (c === 0x22) {
          this.state = S.Str;
          this.strIsKey = false;
        } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          this.state = S.Num;
          this.token = String.fromCharCode(c);
        } else if (c >= 0x61 && c <= 0x7a) {
          this.state = S.Lit;
          this.token = String.fromCharCode(c);
        } else return false;
        return true;
      case S.ObjectFirst:
      case S.Key:
        if (this.state === S.ObjectFirst && c === 0x7d) return this.close(b, i, 0x7b);
        if (c !== 0x22) return false;
        this.state = S.Str;
        this.strIsKey = true;
        this.topKeyChars.length = 0;
        return true;
      case S.Colon:
        if (c !== 0x3a) return false;
        this.state = S.Value;
        return true;
      case S.After: {
        const top = this.stack[this.stack.length - 1];
        if (c === 0x2c && top !== undefined) {
          this.state = top === 0x7b ? S.Key : S.Value;
          return true;
        }
        if (c === 0x7d || c === 0x5d) return this.close(b, i, c === 0x7d ? 0x7b : 0x5b);
        return false;
      }
      default:
        return false; // S.End: only white space may follow the value
    }
  }

  private finishToken(): boolean {
    return this.state === S.Num ? NUMBER.test(this.token) : LITERALS.has(this.token);
  }

  /** A value begins at b[i], at the current depth. */
  private valueStarts(b: Buffer, i: number): void {
    const depth = this.stack.length;
    if (depth === 2 && this.stack[0] === 0x7b && this.stack[1] === 0x5b) {
      this.counts.set(this.key, (this.counts.get(this.key) ?? 0) + 1);
      if (this.opts.elements?.has(this.key)) this.capture = { kind: 'element', key: this.key, parts: [], start: i };
    } else if (depth === 1 && this.stack[0] === 0x7b) {
      if (this.stack[0] === 0x7b && this.opts.values?.has(this.key)) this.capture = { kind: 'value', key: this.key, parts: [], start: i };
    }
  }

  /** A value ended just before b[end]; the depth is back to where it began. */
  private valueDone(b: Buffer, end: number): void {
    const depth = this.stack.length;
    this.state = depth === 0 ? S.End : S.After;
    const cap = this.capture;
    if (!cap || depth !== (cap.kind === 'element' ? 2 : 1)) return;
    cap.parts.push(b.subarray(cap.start, end));
    const text = Buffer.concat(cap.parts).toString();
    this.capture = undefined;
    if (cap.kind === 'value') this.values.set(cap.key, text);
    else this.opts.onElement?.(cap.key, text);
  }

  private close(b: Buffer, i: number, open: number): boolean {
    if (this.stack.pop() !== open) return false;
    if (open === 0x5b && this.stack.length === 1 && this.stack[0] === 0x7b && !this.counts.has(this.key)) this.counts.set(this.key, 0);
    this.valueDone(b, i + 1);
    return true;
  }
}

/** Scans a file (see JsonScanner). */
export async function scanJsonFile(path: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const scanner = new JsonScanner(opts);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) scanner.write(chunk as Buffer);
  return scanner.end();
}
