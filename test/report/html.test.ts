/** The HTML report: plain words from the rules, percents, totals, the banner of unconfirmed and user-supplied values, findings by code, provenance, and no input text unescaped. */
import { describe, expect, it } from 'vitest';
import { renderHtml, type HtmlInput } from '../../src/report/html.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/model.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary, bundledSources, ROOT } from '../helpers/library.js';
import { testProvenance } from '../helpers/provenance.js';

async function input(example: string, edit: (s: Scenario) => Scenario = (s) => s): Promise<HtmlInput> {
  const lib = await bundledLibrary();
  const { scenario } = await loadScenario(`${ROOT}examples/${example}`);
  const s = edit(scenario!);
  const { result } = await runScenario(lib, s);
  return { result: { ...result, provenance: testProvenance(lib, { version: '9.8.7', unconfirmed: result.unconfirmed.length }) }, scenario: s, lib, source: `examples/${example}` };
}

/** The text a reader sees: tags, identifiers shown as code and the style sheet left out. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('HTML report', () => {
  it('speaks plain words from the rules: no internal identifiers in the visible text of the 2019-20 report', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    const text = visibleText(html);
    for (const id of ['coe_juvenile_court', 'district_funded', 'charter_coe_funded', 'g9_12', 'g7_8', 'g4_6', 'payer', 'payee']) expect(text).not.toContain(id);
    // enum labels (enums.lcff) and the label table (labels.yaml)
    expect(text).toContain('COE juvenile court school (Alternative Education Grant)');
    expect(text).toContain('Grades 9 through 12');
    expect(text).toContain('School district of residence');
    expect(text).toContain('Transfers from districts of residence to the county office');
  });

  it('shows UPP as a percent only, never as a fraction', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    const text = visibleText(html);
    // the COE's rolling UPP after adjustments: 0.7917 in the result
    expect(text).toContain('79.17%');
    expect(text).not.toMatch(/\b0\.\d{4}\b/);
  });

  it('has totals rows with the run figures: ADA 8.71 in and credited, transfers $24,533.93, AEG $73,560.34', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    const totals = [...html.matchAll(/<tr class="total">(.*?)<\/tr>/g)].map((m) => visibleText(m[1]).trim());
    // credits by LEA: ADA 6.83+0+0+0+1.88 = 8.71 reported; 4.40+1.00+1.50+0.85+0.96 = 8.71 credited
    expect(totals).toContain('Total 8.71 8.71 91,128 91,128 47,846 47,846 $24,533.93 $24,533.93');
    // transfers: 0.40+0.60+0.70+0.80+0.85 = 3.35 ADA; 3,283.56+6,030.37+6,452.06+8,767.94+0.00 = 24,533.93
    expect(totals).toContain('Total 3.35 $24,533.93');
    // AEG: 53,336.80 + 14,778.74 + 5,444.80 = 73,560.34
    expect(totals).toContain('Total $73,560.34');
    expect(html).toContain('$15,220.00 transferred');
  });

  it('puts the header and the banner of unconfirmed and user-supplied values before every section', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    const header = visibleText(html.slice(html.indexOf('<header>'), html.indexOf('</header>')));
    expect(header).toContain('Alameda (01)');
    expect(header).toContain('2019-20');
    expect(header).toContain('examples/2019-20-county-charter');
    expect(header).toContain('9.8.7');
    expect(header).toContain('Rule library rules (bundled) — lcff-rules county programs');
    // which law: the library's content hash, no reform, no overrides
    expect(header).toMatch(/Rule library hash sha256:[0-9a-f]{64} \(\d+ files\)/);
    expect(header).toContain('Reform applied none');
    expect(header).toContain('Overrides (--set) none');
    expect(header).toContain('2026-01-02 03:04:05 UTC');
    const banner = html.indexOf('class="banner warn"');
    expect(banner).toBeGreaterThan(html.indexOf('</header>'));
    expect(banner).toBeLessThan(html.indexOf('<main>'));
    const b = visibleText(html.slice(banner, html.indexOf('<main>')));
    // 19: the 18 of the transfer, AEG and CALPADS figures, and the EC 2575.1 years of the COE entitlement
    expect(b).toContain('Check these values before relying on the dollars (19)');
    // the AEG's base per ADA, unconfirmed, feeds the AEG total
    expect(b).toMatch(/COE Alternative Education Grant base per unit of AEG ADA.*12122.*County office Alternative Education Grant: \$73,560.34/);
    // Fremont's alternative rate the district did not concur with: the statutory transfer lines 3,283.56 and 6,030.37
    expect(b).toContain('Agreement with a district: Fremont Unified');
    expect(b).toContain('alternative rate per ADA $8,000.00; district did not concur');
    expect(b).toContain('Grades 4 through 6 $3,283.56');
  });

  it('groups findings by code with counts and expandable detail', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    const groups = [...html.matchAll(/<details class="finding (\w+)"><summary>(.*?)<\/summary>/g)].map((m) => `${m[1]} ${m[2].replace(/<[^>]+>/g, '').trim()}`);
    expect(groups).toEqual([
      'error errors LCFF-V010 1 · no Student School Transfer Code reported; this student needs one of the expected codes',
      'error errors LCFF-V011 2 · the reported Student School Transfer Code is not one this student may carry',
      'warning warnings LCFF-V022 1 · the COE reported an alternative per-ADA rate, but the district did not concur: the statutory rate applies',
      'info notes LCFF-V031 1 · the COE entitlement is incomplete: missing coe.school_districts: the operations grant is not computed; coe.countywide_ada: the operations grant is not computed; every other figure is computed',
    ]);
  });

  it('shows the COE entitlement component by component, and ends with the provenance', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    const start = html.indexOf('<section id="coe-entitlement">');
    expect(start).toBeGreaterThan(0);
    const part = html.slice(start, html.indexOf('</section>', start));
    expect(part).not.toContain('placeholder');
    // headers from rules/labels.yaml
    for (const h of ['Component', 'Amount', 'Inputs', 'Rate', 'How it is computed', 'Authority']) expect(part).toContain(`<th scope="col">${h}</th>`);
    // the example gives no operations-grant inputs: those components say so, the AEG is computed, the total is marked incomplete
    expect(part).toContain('Operations grant: per COE');
    expect(part).toContain('not computed');
    expect(part).toContain('Alternative Education Grant');
    expect(part).toContain('EC 2574(a)');
    expect(part).toContain('Total (incomplete)');
    expect(part).toContain('What the run could not compute');
    expect(part).toContain('<li>coe.school_districts: the operations grant is not computed</li>');
    expect(part).toContain('Not modelled');
    expect(part).toContain('County LCFF Floor, hold harmless and minimum guarantee (EC 2575)');
    expect(html.lastIndexOf('<section')).toBe(html.indexOf('<section id="provenance">'));
  });

  it('is self-contained: no scripts, no external references', async () => {
    const html = renderHtml(await input('2019-20-county-charter'));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#head-)|src=|href=/i);
  });

  it('escapes every text from the scenario, the paths and the rule library', async () => {
    const evil = '<script>alert(1)</script>"\'&';
    const base = await input('2019-20-county-charter', (s) => ({ ...s, county: { ...s.county, name: evil }, districts: s.districts.map((d, i) => (i === 0 ? { ...d, name: evil } : d)), students: s.students.map((st, i) => (i === 0 ? { ...st, id: evil } : st)) }));
    const html = renderHtml({ ...base, source: evil, result: { ...base.result, provenance: { ...base.result.provenance, library: { ...base.result.provenance.library, path: evil }, overrides: [evil] } } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });

  it('falls back to identifiers when the rules carry no label table', async () => {
    const lib = buildLibrary((await bundledSources()).filter((s) => !s.file.endsWith('labels.yaml')));
    expect(lib.labels).toBeUndefined();
    const i = await input('2019-20-county-charter');
    const html = renderHtml({ ...i, lib, result: { ...(await runScenario(lib, i.scenario)).result, provenance: i.result.provenance } });
    expect(html).toContain('<h2>transfers</h2>');
    expect(html).toContain('Grades 9 through 12');
  });

  it('lists prior-year corrections with their years, and says when the AEG is not computed (2023-24)', async () => {
    const i = await input('2023-24-csv-students', (s) => ({ ...s, corrections: [{ district: '1964733', fiscal_year: 2022, enrollment_change: -3, unduplicated_change: 2, audit_reference: 'Audit 2022-23 #1', source: { file: 'x', line: 1 } }] }));
    const html = renderHtml(i);
    const prior = visibleText(html.slice(html.indexOf('<section id="prior-year">'), html.indexOf('</section>', html.indexOf('<section id="prior-year">'))));
    expect(prior).toContain('Los Angeles Unified 2022-23 2023-24 -3 2 ✓');
    const aeg = visibleText(html.slice(html.indexOf('<section id="aeg">'), html.indexOf('</section>', html.indexOf('<section id="aeg">'))));
    expect(aeg).toContain('not computed: parameter aeg_base_per_ada has no value in 2023-24');
    expect(aeg).not.toContain('Total');
  });
});
