/**
 * The law lives in rules/ (ARCHITECTURE.md, "What is law and what is
 * machinery"): src/ gathers facts, aggregates and calls decisions. This test
 * reads every literal of src/**.ts with the TypeScript parser (comments are
 * not literals, so doc comments may speak of the law) and fails on a new
 * literal that is law:
 *
 * - a validation finding code (`LCFF-V…`): findings are rule outputs;
 * - a CALPADS Student School Transfer Code (`'1'` … `'6'`) or SENR/SINF field
 *   number (`'1.30'`): rules/county-programs/transfer-codes.lcff, reporting.lcff;
 * - a fiscal year, as a number (`2013`) or a text (`'2019-20'`): rules'
 *   `effective` clauses, parameter years and rules/library.yaml;
 * - a member of an enum that carries law — funding categories, enrollment
 *   bases, school kinds, grade spans, transfer bases — read from the library.
 *
 * What remains is listed in ALLOWED below, each with why it is machinery.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundledLibrary, ROOT } from '../helpers/library.js';

/** The enums whose members are law. operator_kind (coe, charter) and severity (error, warning, info) are the scenario's and the findings' structure. */
const LAW_ENUMS = ['funding_category', 'enrollment_basis', 'school_kind', 'grade_span', 'transfer_basis'];

/**
 * Members that are also plain English words in messages ("expected code none") and in
 * other formats (a parameter's `round: none`); a runner testing `basis === 'none'` would
 * slip past, which is the price of not listing every message.
 */
const ENGLISH_WORDS = new Set(['none', 'other']);

/** file (relative to src/) → literal texts allowed there, each with its reason. Keep it short; add only machinery. */
const ALLOWED: Record<string, Record<string, string>> = {
  // '1' is a spelling of true in the student CSV (with 'yes', 'y', 'true'), not a transfer code
  'scenario/csv-plain-rows.ts': { '1': 'CSV boolean word' },
  // juvenile_court is a key of the scenario's padc.attendance_coe section (the PADC screen's line), the input contract
  'scenario/sections.ts': { juvenile_court: 'scenario input field name' },
  // '1' is the value of the FORCE_COLOR / NO_COLOR environment variables, not a transfer code
  'cli/color-policy.ts': { '1': 'environment variable value' },
  // CALPADS Report 1.19 lays out section C as the juvenile court schools (by the CDS school kind): the report's layout, not who is funded
  'report/cde/calpads.ts': { juvenile_court: 'CALPADS report section layout' },
  // "0.00": the fixed-place text of a zero amount when the AEG is not computed (money, not a field number)
  'run/aeg.ts': { '0.00': 'zero amount text' },
};

interface Literal {
  file: string;
  line: number;
  text: string;
  numeric: boolean;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function literals(path: string): Literal[] {
  const file = relative(join(ROOT, 'src'), path);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Literal[] = [];
  const visit = (n: ts.Node): void => {
    const line = (): number => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) out.push({ file, line: line(), text: n.text, numeric: false });
    else if (ts.isNumericLiteral(n)) out.push({ file, line: line(), text: n.text, numeric: true });
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** Why a literal is law, or undefined. */
function lawIn(l: Literal, members: Set<string>): string | undefined {
  if (l.numeric) return /^(19[89]\d|20\d\d)$/.test(l.text) ? 'a fiscal year' : undefined;
  if (/LCFF-V\d/.test(l.text)) return 'a validation finding code';
  if (/^[1-6]$/.test(l.text)) return 'a CALPADS transfer code';
  if (/^\d\.\d\d$/.test(l.text)) return 'a CALPADS field number';
  if (/^(19|20)\d\d(-\d\d)?$/.test(l.text.trim())) return 'a fiscal year';
  if (members.has(l.text)) return 'a member of an enum of the law';
  return undefined;
}

async function lawMembers(): Promise<Set<string>> {
  const lib = await bundledLibrary();
  const out = new Set<string>();
  for (const name of LAW_ENUMS) {
    const e = lib.enums.get(name);
    expect(e, `enum ${name}`).toBeDefined();
    for (const m of e!.decl.members) if (!ENGLISH_WORDS.has(m.name.text)) out.add(m.name.text);
  }
  return out;
}

let cached: Literal[] | undefined;
/** Every literal of src/, read once for the three tests. */
function allLiterals(): Literal[] {
  cached ??= tsFiles(join(ROOT, 'src')).flatMap(literals);
  return cached;
}

function violations(members: Set<string>): string[] {
  const out: string[] = [];
  for (const l of allLiterals()) {
    const why = lawIn(l, members);
    if (why && ALLOWED[l.file]?.[l.text] === undefined) out.push(`src/${l.file}:${l.line} ${JSON.stringify(l.text)}: ${why}`);
  }
  return out;
}

describe('no law in src/', () => {
  it('finds no finding code, transfer code, field number, fiscal year or law enum member among the literals of src/', async () => {
    expect(violations(await lawMembers())).toEqual([]);
  });

  it('every allow-list entry is still needed (a stale one hides nothing)', async () => {
    const members = await lawMembers();
    const seen = new Set<string>();
    for (const l of allLiterals()) if (lawIn(l, members) && ALLOWED[l.file]?.[l.text] !== undefined) seen.add(`${l.file} ${l.text}`);
    const listed = Object.entries(ALLOWED).flatMap(([f, texts]) => Object.keys(texts).map((t) => `${f} ${t}`));
    expect(listed.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('catches each kind of law it looks for (the detector itself)', async () => {
    const members = await lawMembers();
    const law = (text: string, numeric = false): string | undefined => lawIn({ file: 'run/x.ts', line: 1, text, numeric }, members);
    expect([law('LCFF-V029'), law('5'), law('1.30'), law('2019', true), law('2019-20'), law('district_funded'), law('wic_602'), law('g9_12'), law('statutory'), law('juvenile_court')]).toEqual([
      'a validation finding code',
      'a CALPADS transfer code',
      'a CALPADS field number',
      'a fiscal year',
      'a fiscal year',
      'a member of an enum of the law',
      'a member of an enum of the law',
      'a member of an enum of the law',
      'a member of an enum of the law',
      'a member of an enum of the law',
    ]);
    // machinery passes: the scenario's structure, severities, a year in an example of a message
    expect([law('coe'), law('charter'), law('warning'), law('7'), law('100', true), law('a fiscal year like 2019-20')]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
