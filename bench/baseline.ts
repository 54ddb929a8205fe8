/**
 * The hand-written baseline of the scale benchmark: what a careful engineer
 * would write for one county without the rule library — stream the student
 * CSV line by line, classify each student with if/else (EC 2574(c)(4),
 * EC 2576), check the reported CALPADS transfer code and district of
 * residence (the student findings a run reports: LCFF-V010, V011, V012,
 * V013, V014), and sum ADA (integer hundredths), census-day enrollment and
 * unduplicated counts per credited LEA and category. Its time is the
 * denominator of every ratio in the throughput table; `npm run bench` checks
 * that its findings and category totals equal those of `lcff run --json`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CHARTERS, COE_CDS, SCHOOLS } from './generate.js';

const AEG_BASES = new Set(['wic_300', 'wic_601', 'wic_602', 'wic_654', 'probation_not_in_school', 'parole_not_in_school', 'expelled_48915_a', 'expelled_48915_c']);
const DISTRICT_CODES = new Set(['1', '2', '3', '4', '6']);

export interface BaselineTotals {
  rows: number;
  findings: number;
  /** credited LEA|category → [ADA hundredths, census-day enrollment, unduplicated, students] */
  totals: Map<string, [number, number, number, number]>;
}

function hundredths(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return Number(text) * 100;
  const frac = text.slice(dot + 1);
  return Number(text.slice(0, dot)) * 100 + Number(frac.length === 1 ? `${frac}0` : frac);
}

export async function baseline(csvPath: string): Promise<BaselineTotals> {
  const schools = new Map(SCHOOLS.map((s) => [s.code, s]));
  const charters = new Set(CHARTERS);
  const totals = new Map<string, [number, number, number, number]>();
  let rows = 0;
  let findings = 0;
  const lines = createInterface({ input: createReadStream(csvPath), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) { header = false; continue; }
    if (line === '') continue;
    const f = line.split(',');
    const school = schools.get(f[1]);
    if (!school) throw new Error(`unknown school ${f[1]}`);
    const bases = f[3].split(';');
    const residence = f[4];
    const charter = school.operator.startsWith('charter:') ? school.operator.slice(8) : undefined;
    if (charter && !charters.has(charter)) throw new Error(`unknown charter ${charter}`);
    const aegBasis = bases.some((b) => AEG_BASES.has(b));
    let category: string;
    let credited: string;
    if (school.kind === 'juvenile_court') { category = charter ? 'charter_coe_funded' : 'coe_juvenile_court'; credited = COE_CDS; }
    else if (!charter && aegBasis) { category = 'coe_non_juvenile_court'; credited = COE_CDS; }
    else if (charter && aegBasis) { category = 'charter_coe_funded'; credited = COE_CDS; }
    else if (charter) { category = 'charter_funded'; credited = charter; }
    else if (residence === '') { category = 'district_funded'; credited = COE_CDS; }
    else { category = 'district_funded'; credited = residence; }
    const code = f[8];
    const reportedResidence = f[9];
    // a transfer code is expected of County Funded and District Funded students (not juvenile court, not charter funded)
    const expectsCode = category === 'coe_non_juvenile_court' || category === 'district_funded' || (category === 'charter_coe_funded' && school.kind !== 'juvenile_court');
    if (expectsCode) {
      if (code === '') findings++; // V010
      else if (category === 'district_funded' ? !DISTRICT_CODES.has(code) : code !== '5') findings++; // V011
      if (reportedResidence === '') findings++; // V012
    } else if (category === 'charter_funded' && code !== '') findings++; // V011 (charter)
    if (category === 'district_funded') {
      if (residence === '') findings++; // V014
      else if (reportedResidence !== '' && reportedResidence !== residence) findings++; // V013
    }
    const key = `${credited}|${category}`;
    let t = totals.get(key);
    if (!t) { t = [0, 0, 0, 0]; totals.set(key, t); }
    t[0] += hundredths(f[7]);
    t[3] += 1;
    if (f[6] === 'true') { t[1] += 1; if (f[5] === 'true') t[2] += 1; }
    rows++;
  }
  return { rows, findings, totals };
}

/** What the baseline prints: rows, findings, and per category the students, census-day students and ADA (hundredths), as `lcff run --json` states them. */
export interface BaselineSummary {
  rows: number;
  findings: number;
  groups: number;
  categories: Record<string, { students: number; census_day: number; ada_hundredths: number }>;
}

export function baselineSummary(r: BaselineTotals): BaselineSummary {
  const categories: BaselineSummary['categories'] = {};
  for (const [key, t] of r.totals) {
    const c = (categories[key.slice(key.indexOf('|') + 1)] ??= { students: 0, census_day: 0, ada_hundredths: 0 });
    c.students += t[3];
    c.census_day += t[1];
    c.ada_hundredths += t[0];
  }
  return { rows: r.rows, findings: r.findings, groups: r.totals.size, categories };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const csv = process.argv[2];
  if (!csv) {
    process.stderr.write('usage: node dist/bench/baseline.js <students.csv>\n');
    process.exit(2);
  }
  const r = await baseline(csv);
  process.stdout.write(`${JSON.stringify(baselineSummary(r))}\n`);
}
