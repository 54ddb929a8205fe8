/**
 * The rule library against the CDE FAQ "LCFF for County Programs": every
 * YAML case under test/cases/ (one case or a list of cases per file, see
 * src/testing/cases.ts) runs through the real library and must match its
 * expectations exactly. Cases that fail because the rules or the runner are
 * wrong would live under test/cases-pending/ (not run) with a `# BLOCKED:` note.
 *
 * Scenario files shared by several cases end in `.scenario.yml` so the case
 * glob (`*.yaml`) never mistakes them for cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { loadCases, runCase, type TestCase } from '../src/testing/cases.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import { citeOccurrences } from '../src/semantics/citations.js';
import { resolveCitation } from '../src/params/citations.js';
import type { Library } from '../src/semantics/library.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const casesDir = join(here, 'cases');
const rulesDir = join(root, 'rules');

/**
 * FAQ questions that state a rule of the law: each must be cited by some rule
 * of the library and named by some case's `faq:`. The FAQ numbers its 21
 * questions through the document (Q1-Q16 county-served, Q17-Q21 charters);
 * Q6, Q15 and Q21 only point to other documents (the CALPADS FAQ, the
 * apportionment exhibits), so they state no rule.
 */
const RULE_QUESTIONS = [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20];
const POINTER_QUESTIONS = [6, 15, 21];

function caseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...caseFiles(p));
    else if (entry.endsWith('.yaml')) out.push(p);
  }
  return out;
}

// Cases are read at collection time so that each becomes its own `it`.
const files = caseFiles(casesDir);
const loaded: Array<{ file: string; cases: TestCase[] }> = await Promise.all(files.map(async (file) => ({ file, cases: await loadCases(file) })));

let lib: Library;

beforeAll(async () => {
  lib = await loadLibrary([rulesDir], root);
});

describe('rule library', () => {
  it('loads without error diagnostics', () => {
    const errors = lib.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(formatDiagnostic)).toEqual([]);
  });
});

/** Case files on law the FAQ does not cover (each case names its statute in a comment). */
const OUTSIDE_FAQ = ['entitlement/operations-grant.yaml'];

describe('FAQ coverage', () => {
  it('shows the arithmetic of every case in a comment (its own, or its file header)', () => {
    const bare: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const blocks = text.split(/\n(?=- name:)/);
      const header = blocks[0].startsWith('- name:') ? '' : blocks[0];
      for (const b of blocks.filter((x) => x.startsWith('- name:'))) {
        if (!/#[^\n]*\d/.test(b) && !/#[^\n]*\d/.test(header)) bare.push(`${relative(casesDir, file)} › ${b.split('\n')[0]}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('finds case files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('names every FAQ question that states a rule in some case', () => {
    const named = new Set<number>();
    for (const { cases } of loaded) {
      for (const c of cases) {
        for (const q of c.faq) {
          const m = /^Q?(\d+)$/i.exec(q.trim());
          if (m) named.add(Number(m[1]));
        }
      }
    }
    expect(RULE_QUESTIONS.filter((q) => !named.has(q)).map((q) => `Q${q}`)).toEqual([]);
  });

  it('gives every case at least one FAQ question, each one the FAQ has (the register declares Q1..Q21)', () => {
    const bad: string[] = [];
    for (const { file, cases } of loaded) {
      for (const c of cases) {
        // the COE operations grant (EC 2574(a)) is law the county-programs FAQ does not cover: its cases cite the statute in their comments
        if (c.faq.length === 0 && !OUTSIDE_FAQ.includes(relative(casesDir, file))) bad.push(`${relative(casesDir, file)} › ${c.name}: no faq`);
        for (const q of c.faq) if (!resolveCitation(`FAQ ${q}`, lib.register).ok) bad.push(`${relative(casesDir, file)} › ${c.name}: faq "${q}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("the register declares the FAQ's 21 questions, and every question is either rule-stating or a pointer", () => {
    const faq = lib.register?.entries.get('FAQ');
    expect(faq?.locators.map((l) => l.text)).toEqual(['Q1..Q21']);
    expect([...RULE_QUESTIONS, ...POINTER_QUESTIONS].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(resolveCitation('FAQ Q22', lib.register).ok).toBe(false);
    expect(resolveCitation('FAQ Q0', lib.register).ok).toBe(false);
  });

  it('cites only FAQ questions that exist, and cites every rule-stating question in some rule', () => {
    const cited = new Set<number>();
    const bad: string[] = [];
    for (const c of citeOccurrences(lib)) {
      if (!c.text.startsWith('FAQ')) continue;
      if (!c.result.ok) bad.push(`${c.file}:${c.range.start.line} ${c.text}`);
      else if (c.result.citation.kind === 'source' && c.result.citation.locator) cited.add(Number(c.result.citation.locator.slice(1)));
    }
    expect(bad).toEqual([]);
    const inRules = new Set<number>();
    for (const f of lib.files) for (const d of f.declarations) if (d.kind === 'decision') for (const r of d.rules) for (const c of r.cites) { const m = /^FAQ Q(\d+)$/.exec(c.text); if (m) inRules.add(Number(m[1])); }
    expect(RULE_QUESTIONS.filter((q) => !inRules.has(q)).map((q) => `Q${q}`)).toEqual([]);
    expect([...cited].filter((q) => q < 1 || q > 21)).toEqual([]);
  });

  it('has no two cases with the same name in one file', () => {
    const dupes: string[] = [];
    for (const { file, cases } of loaded) {
      const seen = new Set<string>();
      for (const c of cases) {
        if (seen.has(c.name)) dupes.push(`${relative(casesDir, file)} › ${c.name}`);
        seen.add(c.name);
      }
    }
    expect(dupes).toEqual([]);
  });
});

for (const { file, cases } of loaded) {
  const rel = relative(casesDir, file);
  describe(rel, () => {
    for (const c of cases) {
      it(`${rel} › ${c.name} [${c.faq.join(', ')}]`, async () => {
        // the cases' root is test/cases (test/cases/aeg/*.yaml read ../crediting/county.scenario.yml);
        // accounting/sacs.yaml runs an example: examples/ is allowed as --data-dir would allow it
        const { failures } = await runCase(lib, c, { roots: [casesDir], dataDir: join(root, 'examples') });
        if (failures.length > 0) console.error(`${rel} › ${c.name}\n  ${failures.join('\n  ')}`);
        expect(failures, failures.join('\n')).toEqual([]);
      });
    }
  });
}
