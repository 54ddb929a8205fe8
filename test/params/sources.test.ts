/** The sources register (sources.yaml) and citations that resolve: statute sections, chaptered bills, register ids with locators. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { billUrl, resolveCitation, sessionOf, splitCitations } from '../../src/params/citations.js';
import { loadSources, type SourceRegister } from '../../src/params/sources.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary } from '../helpers/library.js';

const ENTRY = (id: string, extra = ''): string =>
  `${id}:\n  title: "A page"\n  issuer: CDE\n  date: 2024-07-23\n  url: https://www.cde.ca.gov/x.asp\n  establishes: "Something."\n${extra}`;

function register(text: string): SourceRegister {
  const r = loadSources('r/sources.yaml', text);
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  return r.register!;
}

const lines = (text: string): string[] => loadSources('r/sources.yaml', text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);

describe('citations', () => {
  const reg = register(ENTRY('FAQ', '  locators: ["Q1..Q21", "overview"]\n') + ENTRY('CDE-RATES-2024-25'));

  it('reads a statute section and derives its leginfo URL (EDC, WIC)', () => {
    const r = resolveCitation('EC 2574(c)(4)(A)', reg);
    expect(r.ok && r.citation).toMatchObject({ kind: 'statute', title: 'California Education Code section 2574(c)(4)(A)', url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=EDC&sectionNum=2574.' });
    const w = resolveCitation('WIC 602', reg);
    expect(w.ok && w.citation.url).toBe('https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=WIC&sectionNum=602.');
    const d = resolveCitation('EC 42238.02(b)(5)', reg);
    expect(d.ok && d.citation.url).toContain('sectionNum=42238.02.');
  });

  it('reads a chaptered bill and derives its session from the year: 2023 → 2023-24, 2014 → 2013-14', () => {
    expect(sessionOf(2023)).toEqual({ start: 2023, end: 2024 });
    expect(sessionOf(2014)).toEqual({ start: 2013, end: 2014 });
    const r = resolveCitation('SB 114 (Ch. 48, Stats. 2023)', reg);
    expect(r.ok && r.citation).toMatchObject({ kind: 'bill', chapter: 48, year: 2023, url: 'https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202320240SB114' });
    expect(billUrl('SB 859', 2014)).toBe('https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=201320140SB859');
    const s = resolveCitation('AB 1808 (Ch. 32, Stats. 2018) § 145', reg);
    expect(s.ok && s.citation.title).toBe('AB 1808, Chapter 32, Statutes of 2018 (2017-18 session), section 145');
  });

  it('reads a register id with an optional declared locator', () => {
    const r = resolveCitation('FAQ Q13', reg);
    expect(r.ok && r.citation).toMatchObject({ kind: 'source', id: 'FAQ', locator: 'Q13', title: 'A page, question 13', url: 'https://www.cde.ca.gov/x.asp' });
    expect(resolveCitation('FAQ overview', reg).ok).toBe(true);
    expect(resolveCitation('CDE-RATES-2024-25', reg).ok).toBe(true);
  });

  it('refuses what resolves to nothing, saying why', () => {
    const why = (t: string): string => {
      const r = resolveCitation(t, reg);
      return r.ok ? 'ok' : r.message;
    };
    expect(why('FAQ Q22')).toBe("source FAQ has no locator 'Q22' (it declares: Q1..Q21, overview)");
    expect(why('FAQ Q0')).toMatch(/no locator 'Q0'/);
    expect(why('CDE-RATES-2024-25 p. 3')).toBe('source CDE-RATES-2024-25 declares no locators; cite it as "CDE-RATES-2024-25" alone');
    expect(why('CDE-RATES-2024-26')).toBe("'CDE-RATES-2024-26' is not a source id of the register r/sources.yaml (did you mean CDE-RATES-2024-25?)");
    expect(why('EC 2576 (SB 859, Ch. 33, Stats. 2014)')).toMatch(/^a statute section is written as the code/);
    expect(why('SB 114 (2023)')).toBe('a bill is cited with its chapter, e.g. "SB 114 (Ch. 48, Stats. 2023)"');
    expect(why('lcff-facts.md §5.3')).toMatch(/^not a statute section/);
    expect(why('')).toBe('an empty citation');
    expect(resolveCitation('FAQ Q1', undefined).ok).toBe(false);
  });

  it('splits a parameter cite at ";" keeping each part\'s offset', () => {
    expect(splitCitations('EC 2574; CDE-COLA ;;FAQ Q1')).toEqual([
      { text: 'EC 2574', offset: 0 },
      { text: 'CDE-COLA', offset: 9 },
      { text: '', offset: 19 },
      { text: 'FAQ Q1', offset: 20 },
    ]);
  });
});

describe('the register (sources.yaml)', () => {
  it('reports malformed entries at their field (LCFF-E064)', () => {
    const text = [
      'A-1:\n  title: "T"\n  issuer: I\n  url: ftp://example.org/x\n  establishes: "E."\n  date: 2020',
      'B:\n  title: ""\n  issuer: I\n  url: https://example.org\n  establishes: "E."\n  chapter: "Ch. 1"',
      'C:\n  issuer: I\n  url: "https://example .org"\n  establishes: "E."\n  date: x\n  colour: red',
      'bad_id:\n  title: T',
      'EC:\n  title: T',
      'D:\n  title: T\n  issuer: I\n  url: https://example.org\n  establishes: "E."',
      'E:\n  title: T\n  issuer: I\n  url: https://example.org\n  establishes: "E."\n  date: x\n  locators: ["Q5..Q1"]',
      'A-1: {}',
    ].join('\n');
    expect(lines(text)).toEqual([
      "35:1 LCFF-E064 duplicate source id key 'A-1'",
      '4:8 LCFF-E064 the url of source A-1 uses ftp: (expected https: or http:): "ftp://example.org/x"',
      "8:10 LCFF-E064 'title' of source B must be a non-empty text",
      '18:3 LCFF-E064 unknown key "colour" in source C (expected one of: title, issuer, date, chapter, url, mirror, establishes, note, locators)',
      "13:1 LCFF-E064 source C needs 'title'",
      '15:8 LCFF-E064 the url of source C contains a space: "https://example .org"',
      '19:1 LCFF-E064 source id "bad_id" must be capital letters and digits in groups separated by - or . (e.g. CDE-RATES-2024-25, CALPADS-RPT-1.19)',
      "21:1 LCFF-E064 source id 'EC' would read as a statute code or bill prefix; choose another id",
      "23:1 LCFF-E064 source D needs 'date' (publication, revision or review date) or 'chapter'",
      '34:14 LCFF-E064 locator range "Q5..Q1" of source E must run up with one prefix, e.g. Q1..Q21',
    ]);
  });

  it('reports a register that does not parse or is not a mapping (LCFF-E065)', () => {
    expect(lines('FAQ: [unclosed')[0]).toMatch(/^1:\d+ LCFF-E065 YAML: /);
    expect(lines('- a\n- b\n')).toEqual(['1:1 LCFF-E065 sources.yaml is a mapping of source ids to entries (title, issuer, date or chapter, url, establishes)']);
  });

  it('reports a bad citation at its own line and column, in a rule file and in each ";" part of a parameter cite (LCFF-E063)', () => {
    const lib = buildLibrary([
      { file: 'r/sources.yaml', text: ENTRY('FAQ', '  locators: ["Q1..Q21"]\n') + 'BROKEN:\n  title: T\n' },
      { file: 'r/a.lcff', text: 'enum k\n  a\nend\ndecision d for s\n  output o : k\n  rule r\n    cite "EC 1", "FAQ Q22"\n    effective 2015-16 onward\n    then o = a\nend\n' },
      { file: 'r/p.yaml', text: 'x:\n  description: d\n  unit: count\n  cite: "EC 2574; FAQ Q9;  NOPE; BROKEN"\n  status: confirmed\n  values:\n    2015-16: { value: 1, cite: "lcff-facts.md §7" }\n' },
    ]);
    expect(lib.diagnostics.filter((d) => /LCFF-E06[345]/.test(d.code)).map(formatDiagnostic)).toEqual([
      'r/a.lcff:7:19 LCFF-E063 error: citation "FAQ Q22" resolves to nothing: source FAQ has no locator \'Q22\' (it declares: Q1..Q21)',
      'r/p.yaml:4:28 LCFF-E063 error: citation "NOPE" resolves to nothing: \'NOPE\' is not a source id of the register r/sources.yaml',
      'r/p.yaml:7:33 LCFF-E063 error: citation "lcff-facts.md §7" resolves to nothing: not a statute section ("EC 2574(c)"), a chaptered bill ("SB 114 (Ch. 48, Stats. 2023)") or a source id of the register (rules/sources.yaml)',
      "r/sources.yaml:8:1 LCFF-E064 error: source BROKEN needs 'issuer', 'url', 'establishes'",
      "r/sources.yaml:8:1 LCFF-E064 error: source BROKEN needs 'date' (publication, revision or review date) or 'chapter'",
    ]);
  });

  it('checks the manifest cite too', () => {
    const lib = buildLibrary([{ file: 'r/library.yaml', text: 'name: t\nfirst_year: 2014-15\nlast_year: 2016-17\ncite: "EC 2574; 2025-26 Budget Act"\n' }]);
    expect(lib.diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^r\/library\.yaml:4:17 LCFF-E063 error: citation "2025-26 Budget Act" resolves to nothing/)]);
  });

  it('the bundled library: every citation resolves, and the register is well formed', async () => {
    const lib = await bundledLibrary();
    expect(lib.diagnostics.filter((d) => /LCFF-E06[345]/.test(d.code)).map(formatDiagnostic)).toEqual([]);
    expect(lib.register?.entries.size).toBeGreaterThan(30);
    for (const e of lib.register!.entries.values()) expect(e.url).toMatch(/^https?:\/\/[a-z0-9.-]+\.[a-z]+\//i);
  });
});
