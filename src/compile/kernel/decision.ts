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
 *
 * The per-evaluation state (group objects, fact caches, lets) is local to the
 * decision's function and firings are built inline in it: a subject's facts
 * are fresh objects, and storing them in module-level variables costs a
 * write barrier per store. A decision with lets also allocates their nested
 * functions (closures over its locals) per evaluation.
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

/** Emits the decision's function; returns its name. */
export function emitDecision(x: ExprEmitter, d: CompiledDecision, opts: DecisionOptions): string {
  const m = x.m;
  const st: DecisionState = { groups: new Map(), caches: new Map(), locals: [], lets: new Map(), inner: [], shapes: new Map() };
  const fn = new FnState();
  const sc: Scope = { fn, decision: st };
  const rules = m.k(d.rules);
  const first = d.mode === 'first';
  const shared = d.rules.map((r) => emitShared(x, st, r, first));
  // a rule's firing (first mode: the array of it), built inline where it fires: its outputs read the decision's locals
  const fire = (i: number): string => (shared[i] ? `${shared[i]}()` : firing(x, st, sc, d.rules[i]));
  const one = (i: number): string => (first ? (shared[i] ? `${shared[i]}()` : `[${firing(x, st, sc, d.rules[i])}]`) : fire(i));

  const key = opts.memo ? memoKey(x.lib, x.facts, d) : undefined;
  const body: string[] = [];
  d.rules.forEach((r, i) => {
    const conds: string[] = [];
    if (r.otherwise && !first) conds.push('out.length === 0');
    if (r.when) conds.push(`(${x.emit(r.when, sc)}) === true`);
    const test = conds.length === 0 ? 'true' : conds.join(' && ');
    const note = key ? (first ? ` sel = ${i + 1};` : ` sel |= ${2 ** i};`) : '';
    const act = first ? `out = ${one(i)};${note} break done;` : `out = PUSH(out, ${fire(i)});${note}`;
    body.push(`ri = ${i}; if (${test}) { ${act} }`);
  });

  let lookup = '';
  let store = '';
  if (key) {
    const memo = m.k(new Map<number, number>());
    // each probe also fills the read's cache, so the rules and outputs do not read the fact again; a probe that would fail leaves the key -1
    const steps = key.map((f, i) => {
      const g = x.groupVar(st, f.group);
      const acc = i === 0 ? 'k = ' : `k = k * ${f.states} + `;
      if (f.enc === 'enum' || f.enc === 'mask') {
        const c = x.cacheVar(st, f.group, f.path, f.enc === 'enum' ? 'i' : 'm');
        return `x = ${x.facts.probe(f.group, f.path, f.enc)}(${g}); if (x < 0) break probe; ${c} = x - 1; ${acc}x;`;
      }
      const c = x.cacheVar(st, f.group, f.path, 'v');
      const code = f.enc === 'presence' ? 'v === undefined ? 0 : 1' : 'v === undefined ? 0 : v === false ? 1 : 2';
      return `v = ${x.facts.probe(f.group, f.path, 'value')}(${g}); if (v === U) break probe; ${c} = v; ${acc}(${code});`;
    });
    const cases = (act: (i: number) => string): string => d.rules.map((_, i) => `case ${i}: ${act(i)} break;`).join(' ');
    const replay = first
      ? `if (hit === 0) { FLUSH(reads, calls); return EMPTY; } ri = hit - 1; switch (ri) { ${cases((i) => `out = ${one(i)};`)} } FLUSH(reads, calls); return out;`
      : `for (let i = 0; i < ${d.rules.length}; i++) if ((hit & (1 << i)) !== 0) { ri = i; switch (i) { ${cases((i) => `out = PUSH(out, ${fire(i)});`)} } } FLUSH(reads, calls); return out;`;
    lookup = `probe: { let k = 0, x, v; ${steps.join(' ')} key = k; } if (key >= 0) { const hit = ${memo}.get(key); if (hit !== undefined) { ${replay} } }`;
    store = `if (key >= 0 && ${memo}.size < ${MEMO_CAPACITY}) ${memo}.set(key, sel);`;
  }

  const name = m.id('D');
  const groups = [...st.groups].map(([g, v]) => groupRead(v, 'facts', g)).join(' ');
  const locals = st.locals.length === 0 ? '' : `let ${st.locals.join(', ')};`;
  m.add(
    `function ${name}(facts, reads, calls) { RN = 0; CN = 0; ${x.factsInFormulas ? 'FACTS = facts;' : ''} ${locals} ${groups} ${st.inner.join(' ')} ` +
      `let ri = 0, out = EMPTY, sel = 0, key = -1; ${fn.declarations()} ` +
      `try { ${lookup} done: { ${body.join('\n')} } } catch (err) { FLUSH(reads, calls); throw TAG(err, ${rules}[ri]); } ${store} FLUSH(reads, calls); return out; }`,
  );
  return name;
}

/** A new firing of a rule whose outputs read facts or lets, as an expression in the decision's function. */
function firing(x: ExprEmitter, st: DecisionState, sc: Scope, r: CompiledRule): string {
  const ctor = outputsConstructor(x, st, r);
  const args = r.assignments.map((a) => x.emit(a.value, sc)).join(', ');
  return `{ rule: ${x.m.k(r)}, outputs: new ${ctor}(${args}) }`;
}

/**
 * A rule whose outputs read no fact has one firing: computed once, frozen and
 * shared, the reads and calls of its outputs replayed on every later use (the
 * first use records them as it computes; a failure records none, as before).
 * Returns the name of `function f() → Firing` (first mode: `→ Firing[]`, the
 * shared array of the shared firing), or undefined for any other rule.
 */
function emitShared(x: ExprEmitter, st: DecisionState, r: CompiledRule, first: boolean): string | undefined {
  if (!r.assignments.every((a) => factFree(x.lib, x.year, a.value))) return undefined;
  const m = x.m;
  const ctor = outputsConstructor(x, st, r);
  const fn = new FnState();
  const sc: Scope = { fn };
  const args = r.assignments.map((a) => x.emit(a.value, sc)).join(', ');
  const cache = m.id('c');
  const name = m.id('f');
  m.add(`var ${cache} = null;`);
  m.add(
    `function ${name}() { if (${cache} !== null) { if (${cache}.n !== 0) REPLAY(${cache}); return ${cache}.firing; } ` +
      `const r0 = RN, c0 = CN; let firing; ` +
      `try { ${fn.declarations()} firing = { rule: ${m.k(r)}, outputs: new ${ctor}(${args}) }; } catch (err) { RN = r0; CN = c0; throw err; } ` +
      `FREEZE(firing.outputs); Object.freeze(firing); const reads = RB.slice(r0, RN), calls = CB.slice(c0, CN); ${cache} = { firing, reads, calls, n: reads.length + calls.length }; return firing; }`,
  );
  if (!first) return name;
  const one = m.id('f');
  m.add(`var ${one}_one = null; function ${one}() { const f = ${name}(); return ${one}_one !== null && ${one}_one[0] === f ? ${one}_one : (${one}_one = Object.freeze([f])); }`);
  return one;
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
