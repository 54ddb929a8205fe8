/**
 * A student finding in the parts its text is made of, each made once per
 * run: the head its rule's firing decides (code, severity, the rule's name
 * and citation, the rule's message, the SENR field) and what the student's
 * record says (the reported code and residence, the expected codes). A
 * student's findings are recognised by those four parts (finding-rows.ts
 * interns them), and a finding's text is made once per distinct finding,
 * never per student.
 */
import { valueText, type Value } from '../compile/values.js';
import type { CompiledRule } from '../compile/program.js';
import type { Firing } from '../runtime/decide.js';
import { Dec, fixed } from '../runtime/money.js';
import type { FindingText } from './finding-rows.js';
import type { FindingResult } from './result.js';
import { Interned } from './student-rows.js';

/** What a firing of decision student_findings says, whoever the student. */
export interface FindingHead {
  readonly code: string;
  readonly severity: FindingResult['severity'];
  readonly rule: string;
  readonly cite: string;
  readonly said: string;
  readonly field: string;
}

/** The parts of a student finding's text: its head, the reported code, the reported residence, the expected codes (a list from `FindingHeads.codes`). */
export type FindingParts = [head: FindingHead, reportedCode: string | undefined, reportedResidence: string | undefined, expectedCodes: readonly string[]];

/** `fixed(d, 2)` of a decision's decimal output, remembered per decimal (a rule's constant is one decimal for every student). */
const FIELD_TEXTS = new WeakMap<Dec, string>();

function fieldText(d: Dec): string {
  let t = FIELD_TEXTS.get(d);
  if (t === undefined) FIELD_TEXTS.set(d, (t = fixed(d, 2)));
  return t;
}

/** A rule's `decision.name` and its citations joined, made once per rule. */
const RULE_TEXTS = new WeakMap<CompiledRule, { rule: string; cite: string }>();

export function ruleTexts(prefix: string, rule: CompiledRule): { rule: string; cite: string } {
  let t = RULE_TEXTS.get(rule);
  if (t === undefined) RULE_TEXTS.set(rule, (t = { rule: `${prefix}.${rule.name}`, cite: rule.cites.join('; ') }));
  return t;
}

/** The finding's text (without its subject) from its parts. */
export function findingText(parts: FindingParts): FindingText {
  const [h, reportedCode, reportedResidence, codes] = parts;
  return {
    code: h.code,
    severity: h.severity,
    message: `${h.said} (SENR field ${h.field}; reported code ${reportedCode ?? 'none'}, residence ${reportedResidence ?? 'none'}; expected code ${codes.length ? codes.join('/') : 'none'})`,
    rule: h.rule,
    cite: h.cite,
  };
}

/**
 * The heads and expected-code lists of one run, each distinct one a single
 * object: a firing the kernel shares between students (a rule whose outputs
 * read no fact: frozen) finds its head by identity; any other by its texts.
 */
export class FindingHeads {
  private readonly byFiring = new WeakMap<Firing, FindingHead>();
  private readonly heads = new Interned<FindingHead>();
  private readonly lists = new Interned<readonly string[]>();
  private readonly byList = new WeakMap<readonly Value[], readonly string[]>();

  head(f: Firing): FindingHead {
    const known = this.byFiring.get(f);
    if (known !== undefined) return known;
    const field = f.outputs.senr_field instanceof Dec ? fieldText(f.outputs.senr_field) : valueText(f.outputs.senr_field);
    const texts = ruleTexts('student_findings', f.rule);
    const parts = [String(f.outputs.code), String(f.outputs.level), texts.rule, texts.cite, String(f.outputs.message), field] as const;
    const h = this.heads.values[this.heads.ofParts(parts, ([code, severity, rule, cite, said, fieldOf]) => Object.freeze({ code, severity: severity as FindingHead['severity'], rule, cite, said, field: fieldOf }))];
    if (Object.isFrozen(f)) this.byFiring.set(f, h);
    return h;
  }

  /** A decision's list of codes as texts, one frozen list per distinct list (a rule's constant list is found by identity). */
  codes(list: readonly Value[]): readonly string[] {
    const known = this.byList.get(list);
    if (known !== undefined) return known;
    const texts = list.map((v) => String(v));
    const canonical = this.lists.values[this.lists.ofParts(texts, () => Object.freeze(texts))];
    if (Object.isFrozen(list)) this.byList.set(list, canonical);
    return canonical;
  }
}
