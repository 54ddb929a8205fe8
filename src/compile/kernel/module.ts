/**
 * The generated module of a compiled kernel: JavaScript source built from the
 * checked AST, and the constants it refers to.
 *
 * No user text ever becomes code. The only things written into the source
 * are: identifiers the generator makes itself (a letter and a counter:
 * `c12`, `F3`), JavaScript keywords and operators, integers and bit masks it
 * computes, and string literals written by `str` (JSON.stringify, with the two
 * line separators escaped as well). Everything else (AST nodes, Decimals,
 * compiled rules, the runtime) is an element of the constants array `K`,
 * referred to by a generated constant bound to it (`const k7 = K[7];`). A rule file's names and texts are therefore data of
 * the module, never part of its syntax (test/compile/kernel-injection.test.ts).
 */

/** A JS string literal for any text: JSON.stringify, plus U+2028/U+2029 escaped (valid in ES2019 strings, but kept out of the source). */
export function str(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The temporaries of one generated function (stack discipline: nested chains get deeper ones). */
export class FnState {
  private depth = 0;
  private max = 0;
  acquire(): string {
    const t = `t${this.depth++}`;
    if (this.depth > this.max) this.max = this.depth;
    return t;
  }
  release(): void {
    this.depth--;
  }
  /** `let t0, t1;` for the temporaries used, or nothing. */
  declarations(): string {
    return this.max === 0 ? '' : `let ${Array.from({ length: this.max }, (_, i) => `t${i}`).join(', ')};`;
  }
}

export class Module {
  readonly consts: unknown[] = [];
  private readonly constIndex = new Map<unknown, number>();
  /** module-level declarations, in order */
  readonly lines: string[] = [];
  private counter = 0;

  /**
   * The module-level constant holding a value (`const kN = K[N];`, one per
   * distinct value): code reads it as a variable the optimiser may treat as
   * a constant, not as an element of the mutable array K.
   */
  k(value: unknown): string {
    let i = this.constIndex.get(value);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(value);
      this.constIndex.set(value, i);
      this.lines.push(`const k${i} = K[${i}];`);
    }
    return `k${i}`;
  }

  /** A fresh generated identifier: a fixed prefix of letters and a counter. */
  id(prefix: 'c' | 'g' | 'L' | 'F' | 'O' | 'f' | 'r' | 'p' | 'D' | 'M' | 'Q' | 'x'): string {
    return `${prefix}${this.counter++}`;
  }

  add(line: string): void {
    this.lines.push(line);
  }
}
