/**
 * A generated one-county scenario for benchmarks: a COE, 20 districts, 2
 * county program charters, 8 schools of every kind, and `rows` students in a
 * CSV with random grades, bases, residences, ADA and CALPADS reporting (a
 * share of it wrong, so runs produce findings). Deterministic for a seed.
 *
 *   node dist/bench/generate.js <rows> <seed> <out-folder>
 *
 * The declared counts of each charter are made consistent with its census-day
 * students (a charter's students moving to the COE never exceed what it
 * declared), so the scenario is valid input at any size.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

/** mulberry32: a small, fast, seeded PRNG (not for cryptography). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The codes of one generated county: its COE, 20 districts, 2 charters and 8 schools, all under the two-digit county code. */
export interface CountyLayout {
  county: { code: string; name: string };
  coe: string;
  coeName: string;
  districts: string[];
  charters: string[];
  schools: Array<{ code: string; name: string; operator: string; kind: string }>;
}

/** The layout of a generated county with county code `code` (two digits): the same shape for every county, codes prefixed by it. */
export function countyLayout(code: string, name: string, coeName = `${name} County Office of Education`): CountyLayout {
  const charters = [`${code}00001`, `${code}00002`];
  return {
    county: { code, name },
    coe: `${code}10199`,
    coeName,
    districts: Array.from({ length: 20 }, (_, i) => `${code}${String(64000 + i * 17).padStart(5, '0')}`),
    charters,
    schools: [
      { code: `${code}30015`, name: 'Juvenile Hall School', operator: 'coe', kind: 'juvenile_court' },
      { code: `${code}30023`, name: 'County Community School North', operator: 'coe', kind: 'county_community' },
      { code: `${code}30031`, name: 'County Community School South', operator: 'coe', kind: 'county_community' },
      { code: `${code}30049`, name: 'County Special Education Center', operator: 'coe', kind: 'special_education' },
      { code: `${code}30056`, name: 'County Opportunity Program', operator: 'coe', kind: 'opportunity' },
      { code: `${code}30064`, name: 'County Specialized Secondary', operator: 'coe', kind: 'specialized_secondary' },
      { code: `${code}30072`, name: 'Charter Learning Academy', operator: `charter:${charters[0]}`, kind: 'other' },
      { code: `${code}30080`, name: 'Charter Community Academy', operator: `charter:${charters[1]}`, kind: 'county_community' },
    ],
  };
}

/** The county of the scale benchmark (and of the hand-written baseline). */
export const GENERATED = countyLayout('19', 'Generated County', 'Generated County Office of Education');
export const COUNTY = GENERATED.county;
export const COE_CDS = GENERATED.coe;
export const DISTRICTS = GENERATED.districts;
export const CHARTERS = GENERATED.charters;
export const SCHOOLS = GENERATED.schools;
export const BASES = ['wic_300', 'wic_601', 'wic_602', 'wic_654', 'probation_not_in_school', 'parole_not_in_school', 'expelled_48915_a', 'expelled_48915_b', 'expelled_48915_c', 'expelled_48915_d', 'expelled_other', 'district_referred', 'voluntary', 'homeless_1981d', 'out_of_state', 'none'];
const CODES = ['1', '2', '3', '4', '5', '6'];

export const CSV_HEADER = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada,reported_transfer_code,reported_district_of_residence';

/** Whether a finding's subject is a generated student (ids `S` and at least 8 digits), not an LEA. */
export const isGeneratedStudentId = (id: string): boolean => /^S\d{8,}$/.test(id);

/** One student row, with what the generator needs to keep counts consistent. */
export interface GeneratedRow {
  line: string;
  school: number;
  censusDay: boolean;
  unduplicated: boolean;
}

export function studentRow(rand: () => number, i: number, layout: CountyLayout = GENERATED): GeneratedRow {
  const { schools, districts } = layout;
  const school = Math.floor(rand() * schools.length);
  const grade = Math.floor(rand() * 14) - 1;
  const nb = rand() < 0.8 ? 1 : 2;
  const bases: string[] = [];
  for (let k = 0; k < nb; k++) {
    const b = BASES[Math.floor(rand() * (BASES.length - 1))];
    if (!bases.includes(b)) bases.push(b);
  }
  const residence = rand() < 0.98 ? districts[Math.floor(rand() * districts.length)] : '';
  const unduplicated = rand() < 0.7;
  const censusDay = rand() < 0.9;
  const hundredths = Math.floor(rand() * 100) + 1; // ADA 0.01 .. 1.00, written from whole hundredths
  const ada = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  const r = rand();
  const code = r < 0.55 ? CODES[Math.floor(rand() * CODES.length)] : ''; // many missing or wrong: findings
  const reportedResidence = code && rand() < 0.9 ? residence : '';
  const line = [`S${String(i).padStart(8, '0')}`, schools[school].code, grade === -1 ? 'TK' : String(grade), bases.join(';'), residence, unduplicated, censusDay, ada, code, reportedResidence].join(',');
  return { line, school, censusDay, unduplicated };
}

function yamlScenario(fy: string, charterCounts: Map<string, { enr: number; upc: number }>, layout: CountyLayout): string {
  const { county, coe, districts, charters, schools } = layout;
  const lines = [
    '# Generated by bench/generate.ts: one county for benchmarks (not real data).',
    `fiscal_year: ${fy}`,
    `county: { code: "${county.code}", name: ${JSON.stringify(county.name)} }`,
    'coe:',
    `  cds: "${coe}"`,
    `  name: ${JSON.stringify(layout.coeName)}`,
    'districts:',
  ];
  districts.forEach((cds, i) => {
    const enr = 20_000 + i * 3_000;
    const upc = Math.floor(enr * (0.35 + (i % 10) * 0.05));
    lines.push(`  - cds: "${cds}"`, `    name: District ${i + 1}`, `    enrollment: ${enr}`, `    unduplicated: ${upc}`);
    lines.push('    history:', `      2022-23: { enrollment: ${enr + 200}, unduplicated: ${upc + 100} }`, `      2021-22: { enrollment: ${enr + 400}, unduplicated: ${upc + 200} }`);
  });
  lines.push('charters:');
  for (const cds of charters) {
    const c = charterCounts.get(cds) ?? { enr: 0, upc: 0 };
    // room above the census-day students it serves: moving them to the COE never goes negative
    lines.push(`  - cds: "${cds}"`, `    name: County Program Charter ${cds.slice(-1)}`, '    authorizer: coe', `    enrollment: ${c.enr + 500}`, `    unduplicated: ${c.upc + 250}`);
  }
  lines.push('schools:');
  for (const s of schools) lines.push(`  - { code: "${s.code}", name: ${s.name}, operator: "${s.operator}", kind: ${s.kind} }`);
  lines.push('students: { file: students.csv }');
  lines.push('agreements:', `  - { district: "${districts[1]}", alternative_rate_per_ada: "9000.00", district_concurred: true }`, `  - { district: "${districts[2]}", alternative_rate_per_ada: "0", district_concurred: true }`);
  return `${lines.join('\n')}\n`;
}

/** Writes scenario.yaml and students.csv for `rows` students into `dir`. */
export async function generate(rows: number, seed: number, dir: string, fy = '2023-24', layout: CountyLayout = GENERATED): Promise<void> {
  await mkdir(dir, { recursive: true });
  const rand = prng(seed);
  const out = createWriteStream(join(dir, 'students.csv'));
  const charterCounts = new Map<string, { enr: number; upc: number }>();
  let buf = `${CSV_HEADER}\n`;
  for (let i = 1; i <= rows; i++) {
    const r = studentRow(rand, i, layout);
    const op = layout.schools[r.school].operator;
    if (op.startsWith('charter:') && r.censusDay) {
      const c = charterCounts.get(op.slice(8)) ?? { enr: 0, upc: 0 };
      c.enr += 1;
      if (r.unduplicated) c.upc += 1;
      charterCounts.set(op.slice(8), c);
    }
    buf += `${r.line}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  await writeFile(join(dir, 'scenario.yaml'), yamlScenario(fy, charterCounts, layout));
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [rowsArg, seedArg, dir] = process.argv.slice(2);
  if (!rowsArg || !/^\d+$/.test(rowsArg) || (seedArg !== undefined && !/^\d+$/.test(seedArg)) || !dir) {
    process.stderr.write('usage: node dist/bench/generate.js <rows> <seed> <out-folder>\n');
    process.exit(2);
  }
  await generate(Number(rowsArg), Number(seedArg), dir);
  process.stdout.write(`wrote ${dir}/scenario.yaml and ${dir}/students.csv (${rowsArg} students, seed ${seedArg})\n`);
}
