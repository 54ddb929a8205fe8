/** `--columns <file>`: a county's own export runs as the bundled CSV example does, on run, explain and report; a bad mapping is a usage error. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lcff } from '../helpers/cli.js';

const EX = 'examples/2023-24-csv-students';
const HEADERS = ['SSID', 'School Code', 'Grade Level', 'Enrollment Basis', 'District of Residence', 'Unduplicated', 'Census Day', 'ADA', 'Transfer Code', 'Reported DOR'];
const MAP = `id: SSID
school: School Code
grade: Grade Level
basis: Enrollment Basis
district_of_residence: District of Residence
unduplicated: Unduplicated
census_day: Census Day
ada: ADA
reported_transfer_code: Transfer Code
reported_district_of_residence: Reported DOR
`;

/** The example's students under an SIS's headers, with a name column in front and a date of birth behind. */
function sisCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-columns-'));
  cpSync(EX, dir, { recursive: true });
  const [, ...rows] = readFileSync(join(EX, 'students.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'sis.csv'), [['Last Name', ...HEADERS, 'Birth Date'].join(','), ...rows.map((r) => `Doe,${r},2010-01-01`)].join('\n') + '\n');
  writeFileSync(join(dir, 'scenario.yaml'), readFileSync(join(EX, 'scenario.yaml'), 'utf8').replace('students: { file: students.csv }', 'students: { file: sis.csv }'));
  writeFileSync(join(dir, 'map.yaml'), MAP);
  return dir;
}

describe('lcff run --columns', () => {
  it('gives the same result as the canonical file, and says once which columns it ignored', () => {
    const dir = sisCopy();
    const canonical = lcff(['run', EX, '--json']);
    const mapped = lcff(['run', dir, '--columns', join(dir, 'map.yaml'), '--json']);
    expect(mapped.code).toBe(0);
    // the same figures (the provenance differs only in its time)
    const { provenance: _m, ...figuresMapped } = JSON.parse(mapped.stdout);
    const { provenance: _c, ...figuresCanonical } = JSON.parse(canonical.stdout);
    expect(figuresMapped).toEqual(figuresCanonical);
    expect(mapped.stderr.trim().split('\n')).toEqual([`${join(dir, 'sis.csv')}:1:1 LCFF-S066 warning: 2 columns are not a student column and ignored: "Last Name", "Birth Date"`]);
    const at = { env: { SOURCE_DATE_EPOCH: '1764400000' } };
    const report = lcff(['report', 'transfers', dir, '--columns', join(dir, 'map.yaml')], at);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe(lcff(['report', 'transfers', EX], at).stdout);
    expect(lcff(['explain', dir, 'S001', '--columns', join(dir, 'map.yaml')]).code).toBe(0);
  }, 180_000);

  it('without the mapping the export is refused, naming what to map (exit 2)', () => {
    const dir = sisCopy();
    const r = lcff(['run', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LCFF-S061 error: missing required column "id" (name a header id, or map the file\'s header to it with columns:)');
  });

  it('a mapping file with an unknown column is a usage error at its line and column', () => {
    const dir = sisCopy();
    writeFileSync(join(dir, 'map.yaml'), MAP.replace('grade:', 'grades:'));
    const r = lcff(['run', dir, '--columns', join(dir, 'map.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'map.yaml')}:3:1 LCFF-S067 error: "grades" is not a student column (did you mean grade?)`);
  });
});
