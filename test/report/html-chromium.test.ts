/**
 * The HTML report in headless Chromium: the 2019-20 example's funding-flow
 * picture has no label crossing a box, another label or a line; the page
 * asks for nothing over the network; screenshots at desktop width and in
 * print emulation (and a PDF) are kept under test-artifacts/html/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowSvg } from '../../src/report/flow-svg.js';
import { STYLE } from '../../src/report/html/style.js';
import { Words } from '../../src/report/html/words.js';
import type { LeaResult, RunResult } from '../../src/run/result.js';
import { fuzzConfig } from '../fuzz/config.js';
import { renderHtml } from '../../src/report/html.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';
import { testProvenance } from '../helpers/provenance.js';
import { measureFlow } from './flow-geometry.js';
import { openChromium } from './html-browser.js';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'html');

async function reportOf(example: string): Promise<string> {
  const lib = await bundledLibrary();
  const { scenario } = await loadScenario(`${ROOT}examples/${example}`);
  const { result } = await runScenario(lib, scenario!);
  return renderHtml({ result: { ...result, provenance: testProvenance(lib) }, scenario: scenario!, lib, source: `examples/${example}` });
}

// one browser for every test of the file
let session: Awaited<ReturnType<typeof openChromium>>;
beforeAll(async () => {
  session = await openChromium();
}, 60_000);
afterAll(async () => {
  await session?.close();
});

describe('HTML report in headless Chromium', () => {
  const open = async (html: string, width = 1280) => {
    const page = await session.browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    // vitest's transform names inner functions with __name(); the page needs it defined to run measureFlow
    await page.evaluate('globalThis.__name = (f) => f');
    return page;
  };

  it('lays out the 2019-20 flow picture with no label over a box, a label or a line, at desktop width and in print', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const page = await open(await reportOf('2019-20-county-charter'));
    const screen = await page.evaluate(measureFlow, 'svg.flow');
    // 5 LEAs; arrows: 3 districts credited ADA, Hayward and Fremont pay, the charter's AEG student to the COE
    expect(screen).toMatchObject({ boxes: 5, labels: 6, collisions: [] });
    expect(screen.segments).toBe(18);
    const desktop = join(ARTIFACTS, 'report-2019-20-desktop.png');
    await page.screenshot({ path: desktop, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(measureFlow, 'svg.flow');
    expect(print.collisions).toEqual([]);
    const printShot = join(ARTIFACTS, 'report-2019-20-print.png');
    await page.screenshot({ path: printShot, fullPage: true });
    const pdf = join(ARTIFACTS, 'report-2019-20.pdf');
    await page.pdf({ path: pdf, format: 'Letter' });
    process.stdout.write(`HTML report screenshots: ${desktop}, ${printShot}, ${pdf}\n`);
    expect(session.requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('the check finds a collision when there is one (a label moved onto a box)', async () => {
    const original = await reportOf('2019-20-county-charter');
    const [, bx, by] = /<g class="node[^>]*><rect x="([\d.]+)" y="([\d.]+)"/.exec(original)!;
    const html = original.replace(/(<g class="edge-label[^>]*><text) x="[\d.]+" y="[\d.]+"/, `$1 x="${Number(bx) + 80}" y="${Number(by) + 30}"`);
    const page = await open(html);
    const shapes = await page.evaluate(measureFlow, 'svg.flow');
    expect(shapes.collisions.length).toBeGreaterThan(0);
    expect(shapes.collisions.join('\n')).toMatch(/label e0 .* overlaps box|is crossed by a line/);
    await page.close();
  }, 60_000);

  it('shows the COE entitlement as a table: one visible row per component, the total, inside the page width', async () => {
    const page = await open(await reportOf('2019-20-county-charter'));
    const t = await page.evaluate(() => {
      const sec = document.querySelector('#coe-entitlement')!;
      const rows = [...sec.querySelectorAll('tbody tr')] as HTMLElement[];
      return {
        names: rows.map((r) => r.querySelector('td')!.textContent),
        heights: rows.map((r) => r.getBoundingClientRect().height),
        total: sec.querySelector('tfoot tr')!.textContent,
        sectionRight: sec.getBoundingClientRect().right,
        width: document.documentElement.clientWidth,
      };
    });
    // the 2019-20 example: three operations-grant parts (not computed: no inputs) and the AEG ($73,560.34)
    expect(t.names).toEqual(['Operations grant: per COE', 'Operations grant: per school district', 'Operations grant: countywide ADA', 'Alternative Education Grant']);
    expect(t.heights.every((h) => h > 0)).toBe(true);
    expect(t.total).toContain('$73,560.34');
    expect(t.sectionRight).toBeLessThanOrEqual(t.width);
    await page.close();
  }, 60_000);

  it('prints the sections on their own pages, with table rows kept whole, and shows the folded details in print', async () => {
    const page = await open(await reportOf('2019-20-county-charter'));
    await page.emulateMedia({ media: 'print' });
    const css = await page.evaluate(() => {
      const sections = [...document.querySelectorAll('main > section')];
      const details = document.querySelector('details.finding') as HTMLDetailsElement;
      const row = details.querySelector('tbody tr') as HTMLElement;
      return {
        breaks: sections.map((s) => getComputedStyle(s).breakBefore),
        rowBreak: getComputedStyle(document.querySelector('tbody tr')!).breakInside,
        closed: !details.open,
        hiddenRowHeight: row.getBoundingClientRect().height,
      };
    });
    expect(css.breaks[0]).toBe('auto');
    expect(css.breaks.slice(1).every((b) => b === 'page')).toBe(true);
    expect(css.rowBreak).toBe('avoid');
    expect(css.closed).toBe(true);
    expect(css.hiddenRowHeight).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});

describe('flow picture layouts in headless Chromium', () => {
  it('keeps every label clear for counties of 1 to 24 districts and 0 to 3 charters, long names and large amounts (fixed-seed sample)', async () => {
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
    const base = (await runScenario(lib, scenario!)).result;
    const words = new Words(lib, { scenario: { ...scenario!, districts: [], charters: [] }, result: base });
    const shapes = fc.sample(
      fc.record({
        districts: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z][a-z]{2,30}( [A-Z][a-z]{2,12}){0,3}$/), ada: fc.integer({ min: 0, max: 99_999 }), paid: fc.integer({ min: 0, max: 99_999_999_999 }) }), { minLength: 1, maxLength: 24 }),
        charters: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z][a-z]{2,20} Charter$/), moved: fc.integer({ min: 0, max: 5_000 }) }), { maxLength: 3 }),
      }),
      { numRuns: fuzzConfig(8).numRuns, seed: fuzzConfig(8).seed },
    );
    const page = await session.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const s of shapes) {
      const coe = base.leas.find((l) => l.kind === 'coe')!;
      const cents = (n: number): string => (n / 100).toFixed(2);
      const result: RunResult = {
        ...base,
        leas: [
          coe,
          ...s.districts.map((d, i): LeaResult => ({ ...base.leas[1], cds: `d${i}`, name: d.name, ada: { before: '0.00', after: cents(d.ada) } })),
          ...s.charters.map((c, i): LeaResult => ({ ...base.leas[base.leas.length - 1], cds: `c${i}`, name: c.name, ada: { before: cents(c.moved + 100), after: '1.00' } })),
        ],
        transfers: s.districts.map((d, i) => ({ ...base.transfers[0], from: `d${i}`, to: coe.cds, amount: cents(d.paid) })),
      };
      await page.setContent(`<!doctype html><html><head><style>${STYLE}</style></head><body>${flowSvg(result, words)}</body></html>`);
      await page.evaluate('globalThis.__name = (f) => f');
      const m = await page.evaluate(measureFlow, 'svg.flow');
      expect(m.boxes).toBe(1 + s.districts.length + s.charters.length);
      expect(m.collisions, `${s.districts.length} districts, ${s.charters.length} charters`).toEqual([]);
    }
    await page.close();
  }, 120_000);
});
