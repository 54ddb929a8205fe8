/**
 * Provenance on every output (docs/outputs.md, "Provenance"): the rule
 * library's content hash, the reform and overrides, lcff-rules' version and
 * revision, the evaluator and the time — in the JSON, each CSV folder, the
 * HTML report, the workbook, the terminal tables, --explain, `lcff rates`
 * and `lcff report`. Two outputs of different law are never alike.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateResult } from '../../src/run/result-schema.js';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const EX = 'examples/2019-20-county-charter';
const EPOCH = { SOURCE_DATE_EPOCH: '1767323045' };
const AT = '2026-01-02T03:04:05Z';
const SET = ['--set', 'supplemental_pct@2019-20=25%'];

function json(args: string[]): { provenance: Record<string, any> } & Record<string, any> {
  const r = lcff(args, { env: EPOCH });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** A copy of the bundled rules/ with its files touched to another time, and `edit` applied. */
function rulesCopy(edit?: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lcff-prov-')), 'law');
  cpSync(`${ROOT}rules`, dir, { recursive: true });
  const touch = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) touch(join(d, e.name));
      else utimesSync(join(d, e.name), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
    }
  };
  touch(dir);
  edit?.(dir);
  return dir;
}

describe('the rule library hash', () => {
  const bundled = json(['rates', '-y', '2022-23', '--json']).provenance.library;

  it('is the same for a copy of the library in another folder with other modification times', () => {
    const copy = rulesCopy();
    const p = json(['rates', '-y', '2022-23', '--json', '--rules', copy]).provenance.library;
    expect(p.hash).toBe(bundled.hash);
    expect(p.files).toBe(bundled.files);
    expect([p.path, p.bundled, bundled.path, bundled.bundled]).toEqual([copy, false, 'rules', true]);
  });

  it('changes when one parameter value changes (concentration 65% → 70% from 2021-22), and so does every output of that law', () => {
    const copy = rulesCopy((dir) => {
      const file = join(dir, 'params/supplemental-concentration.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('2021-22: { value: 65%');
      writeFileSync(file, text.replace('2021-22: { value: 65%', '2021-22: { value: 70%'));
    });
    const rates = json(['rates', '-y', '2022-23', '--json', '--rules', copy]);
    expect(rates.parameters.find((r: { name: string }) => r.name === 'concentration_pct').value).toBe('70%');
    expect(rates.provenance.library.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rates.provenance.library.hash).not.toBe(bundled.hash);
    // a 2019-20 run, whose figures the change does not touch, still says which law produced it
    const reform = json(['run', EX, '--json', '--rules', copy]);
    const law = json(['run', EX, '--json']);
    const { provenance: _a, ...figuresReform } = reform;
    const { provenance: _b, ...figuresLaw } = law;
    expect(figuresReform).toEqual(figuresLaw);
    expect(reform.provenance.library.hash).not.toBe(law.provenance.library.hash);
    expect(law.provenance.library.hash).toBe(bundled.hash);
  }, 120_000);
});

describe('every output carries the provenance', () => {
  it('JSON: validated, with the hash, the overrides, the version and revision, the evaluator and SOURCE_DATE_EPOCH\'s time', () => {
    const r = json(['run', EX, '--json', ...SET]);
    expect(validateResult(r)).toEqual([]);
    const p = r.provenance;
    expect(Object.keys(r)[0]).toBe('provenance');
    expect(p.overrides).toEqual(['supplemental_pct@2019-20=25%']);
    expect(p.reform).toBeNull();
    expect(p.unconfirmed).toBe(r.unconfirmed.length);
    expect(p.package.version).toBe(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version);
    // a clone has .git; an npm tarball has not (then null)
    expect(p.package.git_revision).toMatch(existsSync(`${ROOT}.git`) ? /^[0-9a-f]{40}$/ : /^$/);
    expect([p.evaluator, p.ran_at, p.ran_at_from]).toEqual(['engine', AT, 'SOURCE_DATE_EPOCH']);
    expect(json(['run', EX, '--json', '--fast']).provenance.evaluator).toBe('kernel');
  }, 120_000);

  it('without SOURCE_DATE_EPOCH the time is the clock\'s, to the second', () => {
    const before = Date.now() - 1000;
    const r = lcff(['run', EX, '--json']);
    const p = JSON.parse(r.stdout).provenance;
    expect(p.ran_at_from).toBe('clock');
    expect(p.ran_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(p.ran_at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(p.ran_at)).toBeLessThanOrEqual(Date.now());
  });

  it('CSV, HTML and the workbook of one run: provenance.csv beside the tables, the header of the report, the About sheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-prov-out-'));
    const r = lcff(['run', EX, '--json', '--csv', join(dir, 'csv'), '--html', join(dir, 'r.html'), '--xlsx', join(dir, 'r.xlsx'), ...SET], { env: EPOCH });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout).provenance;
    const csv = readFileSync(join(dir, 'csv', 'provenance.csv'), 'utf8');
    expect(csv).toBe(
      [
        'key,value',
        `library_hash,${p.library.hash}`,
        `library_files,${p.library.files}`,
        'library_path,rules',
        'library_bundled,true',
        'library_name,lcff-rules county programs',
        'library_first_year,2013-14',
        'library_last_year,2025-26',
        'reform,',
        'package_name,lcff-rules',
        `package_version,${p.package.version}`,
        `package_git_revision,${p.package.git_revision ?? ''}`,
        'overrides,supplemental_pct@2019-20=25%',
        `unconfirmed,${p.unconfirmed}`,
        'evaluator,engine',
        `ran_at,${AT}`,
        'ran_at_from,SOURCE_DATE_EPOCH',
        '',
      ].join('\n'),
    );
    // the data tables stay plain tables: a header line first, no comment lines
    for (const f of readdirSync(join(dir, 'csv'))) expect(readFileSync(join(dir, 'csv', f), 'utf8')).not.toMatch(/^#/m);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const header = html.slice(html.indexOf('<header>'), html.indexOf('</header>'));
    for (const text of [p.library.hash, 'supplemental_pct@2019-20=25%', '2026-01-02 03:04:05 UTC (from SOURCE_DATE_EPOCH)']) expect(header).toContain(text);
    expect(html).toContain(`<meta name="lcff-library-hash" content="${p.library.hash}">`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'r.xlsx')));
    const about = new Map<string, unknown>();
    wb.getWorksheet('About')!.eachRow((row) => about.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(about.get('Rule library hash')).toBe(`${p.library.hash} (${p.library.files} files)`);
    expect(about.get('Overrides (--set)')).toBe('supplemental_pct@2019-20=25%');
    expect(about.get('Reform applied')).toBe('none: the law as the library holds it');
    expect(about.get('Unconfirmed values relied on')).toBe(p.unconfirmed);
    expect(about.get('Produced (UTC)')).toBe('2026-01-02 03:04:05 UTC (from SOURCE_DATE_EPOCH)');
    expect(wb.created?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  }, 120_000);

  it('terminal: the tables, --explain, lcff rates and lcff report end with the same two provenance lines', () => {
    const library = json(['rates', '-y', '2019-20', '--json']).provenance.library;
    const hash = library.hash.slice(7, 19);
    const law = `Provenance: rule library rules (bundled) — lcff-rules county programs sha256:${hash} (${library.files} files) · no reform · overrides supplemental_pct@2019-20=25%`;
    const when = '2026-01-02 03:04:05 UTC (from SOURCE_DATE_EPOCH)';
    const outputs = [
      ['run', EX, ...SET],
      ['explain', EX, 'S006', ...SET],
      ['rates', '-y', '2019-20', ...SET],
    ].map((args) => lcff(args, { env: EPOCH }));
    for (const r of outputs) {
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.at(-2)).toBe(law);
      expect(lines.at(-1)).toMatch(new RegExp(`^ {12}lcff-rules \\d+\\.\\d+\\.\\d+\\S*( git [0-9a-f]{12})?( · json-rules-engine)? · ${when.replace(/[()]/g, '\\$&')}$`));
    }
    expect(outputs[0].stdout.trimEnd().split('\n').at(-1)).toContain('· json-rules-engine ·');
    expect(outputs[2].stdout.trimEnd().split('\n').at(-1)).not.toContain('engine');
    const report = lcff(['report', 'transfers', EX], { env: EPOCH });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`Provenance: rule library rules (bundled) — lcff-rules county programs sha256:${hash} (${library.files} files) · no reform · no overrides\n`);
    expect(report.stdout).toContain(`· compiled fast path (generated kernel) · ${when}`);
    // five whole runs of the CLI: a budget for a busy shared machine, not a speed assertion
  }, 180_000);

  it('a malformed SOURCE_DATE_EPOCH is a usage error before anything is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-prov-bad-'));
    const r = lcff(['run', EX, '--csv', join(dir, 'csv')], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('SOURCE_DATE_EPOCH: "yesterday" is not a whole number of seconds since 1970-01-01 00:00:00 UTC (e.g. 1767323045); unset it to use the clock');
    expect(existsSync(join(dir, 'csv'))).toBe(false);
  });
});
