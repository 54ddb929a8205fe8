/** The language server on the real rule library (rules/), driven over stdio by a real LSP client. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, SemanticTokens, SymbolInformation, TextEdit, WorkspaceEdit, DocumentHighlight, CodeAction } from 'vscode-languageserver-protocol';
import { markers, ROOT, TestClient, uri } from './client.js';

let client: TestClient;
const read = (p: string): string => readFileSync(`${ROOT}/${p}`, 'utf8');
/** The file's real text with a marker put in at the first occurrence of `needle` (`needle` itself contains the marker). */
function marked(path: string, plain: string, withMarker: string): ReturnType<typeof markers> {
  const text = read(path);
  expect(text).toContain(plain);
  return markers(text.replace(plain, withMarker));
}
const pos = (p: string, m: ReturnType<typeof markers>, i = 0) => ({ textDocument: { uri: uri(p) }, position: m.cursors[i] });

beforeAll(async () => {
  client = await TestClient.start(ROOT, { fiscalYear: '2019-20' });
});
afterAll(async () => client.stop());

describe('diagnostics', () => {
  it('publishes the compiler diagnostics of the real library on open, with no errors', async () => {
    const d = client.nextDiagnostics(uri('rules/rates.lcff'));
    await client.open(uri('rules/rates.lcff'), read('rules/rates.lcff'));
    expect((await d).filter((x) => x.severity === 1)).toEqual([]);
  });
});

describe('hover', () => {
  it('shows a base grant parameter per fiscal year with its citation: 2019-20 → 7,702 (k3)', async () => {
    const m = marked('rules/rates.lcff', '= base_grant_per_ada[span]', '= base_gr<|>ant_per_ada[span]');
    const h = await client.request<Hover>('textDocument/hover', pos('rules/rates.lcff', m));
    const md = (h.contents as { value: string }).value;
    const row = md.split('\n').find((l) => l.startsWith('| 2019-20 |'));
    expect(row).toContain('7,702 (k3)');
    expect(row).toContain('EC 42238.02(d)');
    expect(row).toContain('⚠ unconfirmed');
    expect(md).toMatch(/\| 2013-14 \| 6,952 \(k3\).* \| confirmed \|/);
  });

  it("shows a rule's citation, effective years and doc comment", async () => {
    const m = marked('rules/county-programs/classification.lcff', 'rule juvenile_court_school', 'rule juvenile_<|>court_school');
    const h = await client.request<Hover>('textDocument/hover', pos('rules/county-programs/classification.lcff', m));
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('EC 2574(c)(4)(B); FAQ Q1; FAQ Q7');
    expect(md).toContain('Effective: 2013-14 onward');
    expect(md).toContain('Juvenile court schools are identified by school ownership');
  });

  it('shows the source of a cite string: a register id with its locator, title, issuer, date and URL', async () => {
    const path = 'rules/county-programs/corrections.lcff';
    const m = marked(path, 'cite "FAQ Q16", "FAQ Q14"', 'cite "FAQ Q16", "FAQ <|>Q14"');
    const h = await client.request<Hover>('textDocument/hover', pos(path, m));
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('**Local Control Funding Formula for County Programs (Frequently Asked Questions), question 14**');
    expect(md).toContain('<https://www.cde.ca.gov/fg/aa/pa/sdfundcoeservfaq.asp>');
    expect(md).toContain('California Department of Education, Principal Apportionment Section · 2024-07-23');
    // the citation FAQ Q14 inside its quotes: 4 characters before the cursor to 3 after
    expect(h.range).toEqual({ start: { line: m.cursors[0].line, character: m.cursors[0].character - 4 }, end: { line: m.cursors[0].line, character: m.cursors[0].character + 3 } });
  });

  it('shows the derived leginfo URL of a statute section cited in a rule file', async () => {
    const path = 'rules/county-programs/classification.lcff';
    const m = marked(path, 'cite "EC 2574(c)(4)(B)", "FAQ Q1", "FAQ Q7"', 'cite "EC 25<|>74(c)(4)(B)", "FAQ Q1", "FAQ Q7"');
    const h = await client.request<Hover>('textDocument/hover', pos(path, m));
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('**California Education Code section 2574(c)(4)(B)**');
    expect(md).toContain('<https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=EDC&sectionNum=2574.>');
  });

  it('shows the source of one ";"-separated part of a parameter file cite', async () => {
    const path = 'rules/params/cola.yaml';
    const m = marked(path, 'cite: "CDE-COLA; CDE-RATES-2015-16"', 'cite: "CDE-COLA; CDE-RATES-20<|>15-16"');
    const h = await client.request<Hover>('textDocument/hover', pos(path, m));
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('**Funding Rates and Information, Fiscal Year 2015-16**');
    expect(md).toContain('<https://www.cde.ca.gov/fg/aa/pa/pa1516rates.asp>');
    expect(md).not.toContain('lcffcola');
  });

  it("shows a fact's type and unit", async () => {
    const m = marked('rules/county-programs/aeg.lcff', 'coe.aeg_ada', 'coe.aeg_a<|>da');
    const h = await client.request<Hover>('textDocument/hover', pos('rules/county-programs/aeg.lcff', m));
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('`coe.aeg_ada` : `ADA`');
    expect(md).toContain('Unit: average daily attendance');
  });
});

describe('completion', () => {
  const file = 'rules/county-programs/classification.lcff';
  const complete = async (m: ReturnType<typeof markers>): Promise<string[]> => {
    await client.change(uri(file), m.text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', pos(file, m));
    return items.map((i) => i.label);
  };
  beforeAll(async () => client.open(uri(file), read(file)));

  it('offers the enrollment bases after `student.basis in [`', async () => {
    const labels = await complete(marked(file, 'student.basis in county_funded_bases', 'student.basis in [<|>wic_300, wic_601]'));
    expect(labels).toEqual(expect.arrayContaining(['wic_300', 'expelled_48915_a', 'voluntary', 'none']));
    expect(labels).not.toContain('k3');
  });

  it('offers the sets of enrollment bases after `student.basis in`, and no set of another enum', async () => {
    const labels = await complete(marked(file, 'student.basis in county_funded_bases', 'student.basis in <|>county_funded_bases'));
    expect(labels).toContain('county_funded_bases');
    expect(labels).toContain('[');
    const other = await complete(marked(file, 'school.operator is coe and student.basis', 'school.operator in <|>'));
    expect(other).not.toContain('county_funded_bases');
  });

  it('offers fact paths after `student.` and members after `is`', async () => {
    const facts = await complete(marked(file, 'when student.district_of_residence is missing', 'when student.<|>district_of_residence is missing'));
    expect(facts).toEqual(expect.arrayContaining(['basis', 'ada', 'district_of_residence', 'reported']));
    const members = await complete(marked(file, 'when school.kind is juvenile_court and school.operator is coe', 'when school.kind is <|>juvenile_court and school.operator is coe'));
    expect(members).toEqual(expect.arrayContaining(['juvenile_court', 'county_community', 'present', 'missing']));
    expect(members).not.toContain('wic_300');
  });

  it('offers fiscal years after `effective`, citations in `cite "` and rule keywords at a line start', async () => {
    expect(await complete(marked(file, 'effective 2013-14 onward', 'effective <|>2013-14 onward'))).toEqual(expect.arrayContaining(['2013-14', '2019-20', '2026-27']));
    const cites = await complete(marked(file, 'cite "EC 2574(c)(4)(B)", "FAQ Q1", "FAQ Q7"', 'cite "<|>EC 2574(c)(4)(B)", "FAQ Q1", "FAQ Q7"'));
    // citations in use (a parameter cite's ";" parts each on its own) and every register id, never a ";"-joined text
    expect(cites).toEqual(expect.arrayContaining(['EC 2576(a)', 'EC 42238.02(d)', 'CDE-RATES-2015-16', 'CALPADS-FLASH-281', 'FAQ', 'FAQ Q16']));
    expect(cites.filter((c) => c.includes(';'))).toEqual([]);
    const kws = await complete(marked(file, '  otherwise rule district_funded', '  <|>\n  otherwise rule district_funded'));
    expect(kws).toEqual(expect.arrayContaining(['rule', 'otherwise rule', 'when', 'then', 'cite', 'end']));
  });

  it('offers rule, formula and parameter names in expressions', async () => {
    const names = await complete(marked(file, 'then category = coe_juvenile_court, credited_to = coe.cds', 'then category = <|>coe_juvenile_court, credited_to = coe.cds'));
    expect(names).toEqual(expect.arrayContaining(['district_rate_per_ada', 'base_grant_per_ada', 'coe_juvenile_court', 'student', 'if']));
  });
});

describe('lets and sets', () => {
  const transfer = 'rules/county-programs/transfer.lcff';
  const classification = 'rules/county-programs/classification.lcff';

  it("hover on a let's use shows its expression and type", async () => {
    const m = marked(transfer, 'rate_per_ada = agreed_rate', 'rate_per_ada = agreed<|>_rate');
    const md = ((await client.request<Hover>('textDocument/hover', pos(transfer, m))).contents as { value: string }).value;
    expect(md).toContain('let agreed_rate : Rate = if transfer_line.alternative_rate is present and transfer_line.concurred then transfer_line.alternative_rate else district_rate_per_ada(');
  });

  it("hover on a set's use shows its members and doc comment", async () => {
    const m = marked(classification, 'student.basis in county_funded_bases', 'student.basis in county_<|>funded_bases');
    const md = ((await client.request<Hover>('textDocument/hover', pos(classification, m))).contents as { value: string }).value;
    expect(md).toContain('set county_funded_bases : enrollment_basis = [wic_300, wic_601, wic_602, wic_654, probation_not_in_school, parole_not_in_school, expelled_48915_a, expelled_48915_c]');
    expect(md).toContain('referred by probation');
  });

  it('goes from a let to its definition, and finds its uses only in its rule', async () => {
    const m = marked(transfer, 'rate_per_ada = district_rate,', 'rate_per_ada = district<|>_rate,');
    const defs = await client.request<Location[]>('textDocument/definition', pos(transfer, m));
    const letLine = read(transfer).split('\n').findIndex((l) => l.includes('let district_rate ='));
    expect(defs).toEqual([{ uri: uri(transfer), range: { start: { line: letLine, character: 8 }, end: { line: letLine, character: 21 } } }]);
    const refs = await client.request<Location[]>('textDocument/references', { ...pos(transfer, m), context: { includeDeclaration: true } });
    expect(refs.map((r) => r.range.start.line).sort((a, b) => a - b)).toEqual([letLine, letLine + 2, letLine + 3]);
  });

  it('renames a let within its rule, and a set at its declaration and every use', async () => {
    const l = marked(transfer, 'amount = transfer_amount(transfer_line.ada, agreed_rate', 'amount = transfer_amount(transfer_line.ada, agreed<|>_rate');
    const le = await client.request<WorkspaceEdit>('textDocument/rename', { ...pos(transfer, l), newName: 'rate_agreed' });
    expect(Object.keys(le.changes!)).toEqual([uri(transfer)]);
    expect(le.changes![uri(transfer)]).toHaveLength(3);
    const s = marked(classification, 'set county_funded_bases', 'set county<|>_funded_bases');
    const se = await client.request<WorkspaceEdit>('textDocument/rename', { ...pos(classification, s), newName: 'aeg_bases' });
    expect(se.changes![uri(classification)]).toHaveLength(3);
    for (const e of se.changes![uri(classification)]) expect(e.newText).toBe('aeg_bases');
  });

  it("offers a rule's lets in its `then`", async () => {
    await client.open(uri(transfer), read(transfer));
    const m = marked(transfer, 'rate_per_ada = agreed_rate', 'rate_per_ada = <|>agreed_rate');
    await client.change(uri(transfer), m.text);
    const labels = (await client.request<CompletionItem[]>('textDocument/completion', pos(transfer, m))).map((i) => i.label);
    expect(labels).toContain('agreed_rate');
    expect(labels).not.toContain('district_rate');
    await client.change(uri(transfer), read(transfer));
  });
});

describe('formula wheres', () => {
  const rates = 'rules/rates.lcff';

  it("hover on a where's use shows its expression and type", async () => {
    const m = marked(rates, '= base + round(base *', '= base + round(ba<|>se *');
    const md = ((await client.request<Hover>('textDocument/hover', pos(rates, m))).contents as { value: string }).value;
    expect(md).toContain('where base : Rate = base_grant_per_ada[span]');
  });

  it('goes from a where to its definition, finds its uses only in its formula, and renames them', async () => {
    const m = marked(rates, '= base + round(base *', '= ba<|>se + round(base *');
    const defs = await client.request<Location[]>('textDocument/definition', pos(rates, m));
    const whereLine = read(rates).split('\n').findIndex((l) => l.includes('where base = '));
    expect(defs).toEqual([{ uri: uri(rates), range: { start: { line: whereLine, character: 8 }, end: { line: whereLine, character: 12 } } }]);
    const refs = await client.request<Location[]>('textDocument/references', { ...pos(rates, m), context: { includeDeclaration: true } });
    expect(refs.map((r) => `${r.range.start.line}:${r.range.start.character}`).sort()).toEqual([`${whereLine - 1}:4`, `${whereLine - 1}:17`, `${whereLine}:8`].sort());
    const e = await client.request<WorkspaceEdit>('textDocument/rename', { ...pos(rates, m), newName: 'grant' });
    expect(Object.keys(e.changes!)).toEqual([uri(rates)]);
    expect(e.changes![uri(rates)].map((x) => x.newText)).toEqual(['grant', 'grant', 'grant']);
  });

  it("offers a formula's wheres in its body", async () => {
    await client.open(uri(rates), read(rates));
    const m = marked(rates, '= base + round(base *', '= base + round(<|>base *');
    await client.change(uri(rates), m.text);
    const labels = (await client.request<CompletionItem[]>('textDocument/completion', pos(rates, m))).map((i) => i.label);
    expect(labels).toContain('base');
    expect(labels).toContain('span');
    await client.change(uri(rates), read(rates));
  });
});

describe('navigation and rename', () => {
  it('goes to the definition of a formula in another file and finds every reference', async () => {
    const m = marked('rules/county-programs/transfer.lcff', '= district_rate_per_ada(', '= district_rate_<|>per_ada(');
    const defs = await client.request<Location[]>('textDocument/definition', pos('rules/county-programs/transfer.lcff', m));
    const declLine = read('rules/rates.lcff').split('\n').findIndex((l) => l.startsWith('formula district_rate_per_ada('));
    expect(defs).toEqual([{ uri: uri('rules/rates.lcff'), range: { start: { line: declLine, character: 8 }, end: { line: declLine, character: 29 } } }]);
    const refs = await client.request<Location[]>('textDocument/references', { ...pos('rules/county-programs/transfer.lcff', m), context: { includeDeclaration: true } });
    expect(new Set(refs.map((r) => r.uri))).toEqual(new Set([uri('rules/rates.lcff'), uri('rules/county-programs/transfer.lcff')]));
    expect(refs.length).toBe(1 + (read('rules/county-programs/transfer.lcff').match(/district_rate_per_ada/g) ?? []).length);
  });

  it('renames a formula at every use in every file', async () => {
    const m = marked('rules/rates.lcff', 'formula district_rate_per_ada', 'formula district_<|>rate_per_ada');
    const prep = await client.request<{ placeholder: string }>('textDocument/prepareRename', pos('rules/rates.lcff', m));
    expect(prep.placeholder).toBe('district_rate_per_ada');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...pos('rules/rates.lcff', m), newName: 'lcff_rate_per_ada' });
    const count = (p: string): number => (read(p).match(/\bdistrict_rate_per_ada\b/g) ?? []).length;
    expect(edit.changes![uri('rules/rates.lcff')]).toHaveLength(count('rules/rates.lcff'));
    expect(edit.changes![uri('rules/county-programs/transfer.lcff')]).toHaveLength(count('rules/county-programs/transfer.lcff'));
    for (const edits of Object.values(edit.changes!)) for (const e of edits) expect(e.newText).toBe('lcff_rate_per_ada');
  });

  it('renames a parameter in the rules and its YAML key', async () => {
    const m = marked('rules/rates.lcff', '* supplemental_pct', '* supplemental<|>_pct');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...pos('rules/rates.lcff', m), newName: 'supplemental_share' });
    expect(Object.keys(edit.changes!)).toEqual(expect.arrayContaining([uri('rules/rates.lcff'), uri('rules/params/supplemental-concentration.yaml')]));
  });

  it('highlights the uses of a name in the file', async () => {
    const m = marked('rules/rates.lcff', '= adjusted_base(span) * supplemental_pct', '= adjusted<|>_base(span) * supplemental_pct');
    const hs = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', pos('rules/rates.lcff', m));
    expect(hs.length).toBe((read('rules/rates.lcff').match(/\badjusted_base\b/g) ?? []).length);
    expect(hs.filter((h) => h.kind === 3)).toHaveLength(1);
  });
});

describe('symbols, folding, semantic tokens, formatting, inlay hints, code actions', () => {
  it('outlines a decision with its outputs and rules, and finds workspace symbols', async () => {
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('rules/county-programs/classification.lcff') } });
    const decision = syms.find((s) => s.name === 'funding_category')!;
    expect(decision.children!.map((c) => c.name)).toEqual(expect.arrayContaining(['category', 'credited_to', 'juvenile_court_school', 'district_funded']));
    const ws = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'base_grant' });
    expect(ws.map((s) => s.name)).toContain('base_grant_per_ada');
  });

  it('folds declarations and rules', async () => {
    const f = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri('rules/enums.lcff') } });
    expect(f.some((r) => r.startLine === read('rules/enums.lcff').split('\n').findIndex((l) => l.startsWith('enum grade_span')))).toBe(true);
  });

  it('colours names by what they resolve to', async () => {
    const t = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uri('rules/rates.lcff') } });
    expect(t.data.length % 5).toBe(0);
    expect(t.data.length / 5).toBeGreaterThan(100);
  });

  it('leaves every file of the real library unchanged (it is in canonical layout)', async () => {
    for (const p of ['rules/rates.lcff', 'rules/enums.lcff', 'rules/facts.lcff', 'rules/county-programs/transfer.lcff', 'rules/county-programs/classification.lcff']) {
      const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uri(p) }, options: { tabSize: 2, insertSpaces: true } });
      expect(edits, p).toEqual([]);
    }
  });

  it('shows parameter values in the chosen fiscal year as inlay hints', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: uri('rules/rates.lcff') }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    const labels = hints.map((h) => String(h.label));
    expect(labels).toContain('= 7,702 (k3), 7,818 (g4_6), 8,050 (g7_8), 9,329 (g9_12) (unconfirmed)');
    expect(labels.some((l) => l.startsWith('= 20%'))).toBe(true);
  });

  it('offers to split a rule at the chosen fiscal year', async () => {
    const file = 'rules/county-programs/aeg.lcff';
    const text = read(file);
    const line = text.split('\n').findIndex((l) => /^\s+rule /.test(l));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: { start: { line, character: 8 }, end: { line, character: 8 } }, context: { diagnostics: [] } });
    const split = actions.find((a) => a.title.includes('at 2019-20'));
    expect(split?.title).toMatch(/^Split rule \w+ at 2019-20 \(2013-14\.\.2018-19 \/ 2019-20/);
    const edits = split!.edit!.changes![uri(file)];
    expect(edits[0].newText).toBe('effective 2013-14..2018-19');
    expect(edits[1].newText).toContain('effective 2019-20');
  });
});

describe('parameter YAML', () => {
  it('hovers a parameter name and a fiscal-year entry', async () => {
    const file = 'rules/params/base-grants.yaml';
    const m = marked(file, 'base_grant_per_ada:', 'base_grant<|>_per_ada:');
    const h = await client.request<Hover>('textDocument/hover', pos(file, m));
    expect((h.contents as { value: string }).value).toContain('| 2019-20 | 7,702 (k3)');
    const m2 = marked(file, '    2019-20:', '    2019<|>-20:');
    const h2 = await client.request<Hover>('textDocument/hover', pos(file, m2));
    expect((h2.contents as { value: string }).value).toContain('Value: 7,702 (k3)');
  });
});
