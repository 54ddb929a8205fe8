/**
 * The hand-written baseline of the scale benchmark: what a careful engineer
 * would write for one county without the rule library — stream the student
 * CSV line by line, classify each student with if/else (EC 2574(c)(4),
 * EC 2576), check the reported transfer code, and sum ADA (integer
 * hundredths), census-day enrollment and unduplicated counts per credited
 * LEA and category. Its time is the denominator of every ratio in the table.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CHARTERS, COE_CDS, SCHOOLS } from './generate.js';

const AEG_BASES = new Set(['wic_300', 'wic_601', 'wic_602', 'wic_654', 'probation_not_in_school', 'parole_not_in_school', 'expelled_48915_a', 'expelled_48915_c']);
const DISTRICT_CODES = new Set(['1', '2', '3', '4', '6']);

export interface BaselineTotals {
  rows: number;
  findings: number;
  /** credited LEA|category → [ADA hundredths, census-day enrollment, unduplicated] */
  totals: Map<string, [number, number, number]>;
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
  const totals = new Map<string, [number, number, number]>();
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
    if (category === 'coe_non_juvenile_court' || (category === 'charter_coe_funded' && school.kind !== 'juvenile_court')) { if (code !== '5') findings++; }
    else if (category === 'district_funded') { if (!DISTRICT_CODES.has(code)) findings++; }
    else if (category === 'charter_funded' && code !== '') findings++;
    const key = `${credited}|${category}`;
    let t = totals.get(key);
    if (!t) { t = [0, 0, 0]; totals.set(key, t); }
    t[0] += hundredths(f[7]);
    if (f[6] === 'true') { t[1] += 1; if (f[5] === 'true') t[2] += 1; }
    rows++;
  }
  return { rows, findings, totals };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const csv = process.argv[2];
  if (!csv) {
    process.stderr.write('usage: node dist/bench/baseline.js <students.csv>\n');
    process.exit(2);
  }
  const r = await baseline(csv);
  let ada = 0;
  for (const t of r.totals.values()) ada += t[0];
  process.stdout.write(`${JSON.stringify({ rows: r.rows, findings: r.findings, ada_hundredths: ada, groups: r.totals.size })}\n`);
}
