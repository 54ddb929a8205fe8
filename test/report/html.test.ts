/** The HTML report: every table and the funding flow, and no input text reaches the page unescaped. */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

describe('HTML report', () => {
  it('shows the funding flow, the LEA credits, transfers, findings and students of the 2019-20 example', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const { result } = await runScenario(lib, scenario!);
    const html = renderHtml(result, 'examples/2019-20-county-charter');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    for (const h of ['Funding flow', 'Credits by LEA', 'Transfers of funds (EC 2576)', 'Alternative Education Grant', 'Accounting entries (SACS)', 'Findings (', 'Students']) expect(html).toContain(h);
    // Hayward's two transfer lines: 6,452.06 (g7_8) + 8,767.94 (g9_12) = 15,220.00
    expect(html).toContain('$15,220.00 transferred');
    expect(html).toContain('Unconfirmed values and rules used');
  });

  it('escapes names that come from the scenario', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const s = { ...scenario!, districts: scenario!.districts.map((d, i) => (i === 0 ? { ...d, name: '<script>alert(1)</script>' } : d)) };
    const html = renderHtml((await runScenario(lib, s)).result, 'x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
