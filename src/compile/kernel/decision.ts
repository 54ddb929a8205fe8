/**
 * One decision → one generated function `(facts) => Firing[]`, with the
 * closures' semantics (runtime/decide.ts, decideFast): rules tried in order,
 * a rule tried only while it is open (first mode: no rule above fired; an
 * otherwise rule: none fired), a rule's outputs computed as it fires, errors
 * tagged with the rule that was running.
 *
 * Per subject it allocates only the outputs: the firings array, a firing and
 * its outputs object (a generated constructor whose prototype has no
 * prototype, so an output may be called `constructor`). A rule whose outputs
 * read no fact fires one shared, frozen firing (computed on first use, its
 * parameter reads replayed). A decision whose selection depends on few
 * values (analysis.ts, memoKey) looks its selection up by them.
 */
import type { CompiledDecision, CompiledRule } from '../program.js';
import { factFree, memoKey } from './analysis.js';
import type { DecisionState, ExprEmitter, Scope } from './expr.js';
import { groupRead } from './facts.js';
import { FnState, str } from './module.js';

/** Most selections a decision remembers (the memory of a memo stays bounded whatever the input). */
export const MEMO_CAPACITY = 4096;

export interface DecisionOptions {
  memo: boolean;
}

/** Emits the decision's functions; returns the name of its entry function. */
export function emitDecision(x: ExprEmitter, d: CompiledDecision, opts: DecisionOptions): string {
  const m = x.m;
  const st: DecisionState = { groups: new Map(), caches: new Map(), resets: [], lets: new Map(), shapes: new Map() };
  const rules = m.k(d.rules);
  const fires = d.rules.map((r) => emitFiring(x, st, r));
  const first = d.mode === 'first';
  const ones = first ? d.rules.map((r, i) => emitOne(x, r, fires[i])) : [];

  const key = opts.memo ? memoKey(x.lib, x.facts, d) : undefined;
  const fn = new FnState();
  const sc: Scope = { fn, decision: st };
  const body: string[] = [];
  d.rules.forEach((r, i) => {
    const conds: string[] = [];
    if (r.otherwise && !first) conds.push('out.length === 0');
    if (r.when) conds.push(`(${x.emit(r.when, sc)}) === true`);
    const test = conds.length === 0 ? 'true' : conds.join(' && ');
    const note = key ? (first ? ` sel = ${i + 1};` : ` sel |= ${2 ** i};`) : '';
    const fire = first ? `out = ${ones[i]}();${note} break done;` : `out = PUSH(out, ${fires[i]}());${note}`;
    body.push(`ri = ${i}; if (${test}) { ${fire} }`);
  });

  let lookup = '';
  let store = '';
  if (key) {
    const memo = m.k(new Map<number, number>());
    const q = m.id('Q');
    // each probe also fills the read's cache, so the rules and outputs do not read the fact again
    const steps = key.map((f, i) => {
      const g = x.groupVar(st, f.group);
      const acc = i === 0 ? 'k = ' : `k = k * ${f.states} + `;
      if (f.enc === 'enum' || f.enc === 'mask') {
        const c = x.cacheVar(st, f.group, f.path, f.enc === 'enum' ? 'i' : 'm');
        return `x = ${x.facts.probe(f.group, f.path, f.enc)}(${g}); if (x < 0) return -1; ${c} = x - 1; ${acc}x;`;
      }
      const c = x.cacheVar(st, f.group, f.path, 'v');
      const code = f.enc === 'presence' ? 'v === undefined ? 0 : 1' : 'v === undefined ? 0 : v === false ? 1 : 2';
      return `v = ${x.facts.probe(f.group, f.path, 'value')}(${g}); if (v === U) return -1; ${c} = v; ${acc}(${code});`;
    });
    m.add(`function ${q}() { let k = 0, x, v; ${steps.join(' ')} return k; }`);
    // a switch of direct calls (inlinable), not a call through an array of functions
    const cases = (fns: string[]): string => fns.map((f, i) => `case ${i}: return ${f}();`).join(' ');
    let replay: string;
    if (first) {
      const one = m.id('x');
      m.add(`function ${one}(i) { switch (i) { ${cases(ones)} } }`);
      replay = `if (hit === 0) { FLUSH(reads, calls); return EMPTY; } ri = hit - 1; out = ${one}(ri); FLUSH(reads, calls); return out;`;
    } else {
      const fire = m.id('x');
      m.add(`function ${fire}(i) { switch (i) { ${cases(fires)} } }`);
      replay = `for (let i = 0; i < ${d.rules.length}; i++) if ((hit & (1 << i)) !== 0) { ri = i; out = PUSH(out, ${fire}(i)); } FLUSH(reads, calls); return out;`;
    }
    lookup = `key = ${q}(); if (key >= 0) { const hit = ${memo}.get(key); if (hit !== undefined) { ${replay} } }`;
    store = `if (key >= 0 && ${memo}.size < ${MEMO_CAPACITY}) ${memo}.set(key, sel);`;
  }

  const name = m.id('D');
  const groups = [...st.groups].map(([g, v]) => groupRead(v, 'facts', g)).join(' ');
  m.add(
    `function ${name}(facts, reads, calls) { RN = 0; CN = 0; ${x.factsInFormulas ? 'FACTS = facts;' : ''} ${groups} ${st.resets.join(' ')} ` +
      `let ri = 0, out = EMPTY, sel = 0, key = -1; ${fn.declarations()} ` +
      `try { ${lookup} done: { ${body.join('\n')} } } catch (err) { FLUSH(reads, calls); throw TAG(err, ${rules}[ri]); } ${store} FLUSH(reads, calls); return out; }`,
  );
  return name;
}

/** `function f() → Firing` for a rule: a new firing, or the rule's one shared firing when its outputs read no fact. */
function emitFiring(x: ExprEmitter, st: DecisionState, r: CompiledRule): string {
  const m = x.m;
  const ctor = outputsConstructor(x, st, r);
  const fn = new FnState();
  const sc: Scope = { fn, decision: st };
  const args = r.assignments.map((a) => x.emit(a.value, sc)).join(', ');
  const rule = m.k(r);
  const name = m.id('f');
  const constant = r.assignments.every((a) => factFree(x.lib, x.year, a.value));
  if (!constant) {
    m.add(`function ${name}() { ${fn.declarations()} return { rule: ${rule}, outputs: new ${ctor}(${args}) }; }`);
    return name;
  }
  // computed once: the firing frozen and shared, the reads and calls of its outputs replayed on every later use (the first use records them as it computes; a failure records none, as before)
  const cache = m.id('c');
  m.add(`var ${cache} = null;`);
  m.add(
    `function ${name}() { if (${cache} !== null) { if (${cache}.n !== 0) REPLAY(${cache}); return ${cache}.firing; } ` +
      `const r0 = RN, c0 = CN; let firing; ` +
      `try { ${fn.declarations()} firing = { rule: ${rule}, outputs: new ${ctor}(${args}) }; } catch (err) { RN = r0; CN = c0; throw err; } ` +
      `FREEZE(firing.outputs); Object.freeze(firing); const reads = RB.slice(r0, RN), calls = CB.slice(c0, CN); ${cache} = { firing, reads, calls, n: reads.length + calls.length }; return firing; }`,
  );
  return name;
}

/**
 * The constructor of a rule's outputs object: one per sequence of output
 * names in a decision, so consumers reading the outputs of its rules see one
 * object shape. Its prototype has no prototype: no inherited names.
 */
function outputsConstructor(x: ExprEmitter, st: DecisionState, r: CompiledRule): string {
  const names = r.assignments.map((a) => a.output);
  const key = JSON.stringify(names);
  let ctor = st.shapes.get(key);
  if (!ctor) {
    ctor = x.m.id('O');
    st.shapes.set(key, ctor);
    const outs = names.map((n, i) => `this[${str(n)}] = a${i};`).join(' ');
    x.m.add(`function ${ctor}(${names.map((_, i) => `a${i}`).join(', ')}) { ${outs} } ${ctor}.prototype = Object.create(null);`);
  }
  return ctor;
}

/** First mode: `function f() → Firing[]` of one firing (the shared array of a shared firing). */
function emitOne(x: ExprEmitter, r: CompiledRule, fire: string): string {
  const name = x.m.id('f');
  const constant = r.assignments.every((a) => factFree(x.lib, x.year, a.value));
  x.m.add(constant ? `var ${name}_one = null; function ${name}() { const f = ${fire}(); return ${name}_one !== null && ${name}_one[0] === f ? ${name}_one : (${name}_one = Object.freeze([f])); }` : `function ${name}() { return [${fire}()]; }`);
  return name;
}
