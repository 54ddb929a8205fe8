import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CellTable, hashOf, REMEMBERED } from '../../src/scenario/csv-cells.js';
import { csvScenario } from './helpers.js';
import { loadScenarioText } from '../../src/scenario/load.js';

describe('cell tables (csv-cells.ts)', () => {
  it('tells apart texts of the same hash, and gives each text its meaning once', () => {
    expect(hashOf('Aa')).toBe(hashOf('BB'));
    const asked: string[] = [];
    const table = new CellTable((raw) => {
      asked.push(raw);
      return `<${raw}>`;
    });
    const line = Buffer.from('Aa,BB,Aa,BB');
    const cells = [[0, 2], [3, 5], [6, 8], [9, 11]].map(([a, b]) => table.findBytes(line, a, b, hashOf(line.toString('latin1', a, b))!));
    expect(cells).toEqual(['<Aa>', '<BB>', '<Aa>', '<BB>']);
    // a text csv-parse read finds the same entries
    expect(table.findText('BB')).toBe('<BB>');
    expect(asked).toEqual(['Aa', 'BB']);
    // a cell that is a prefix of a remembered text of the same hash is not that text
    expect(table.findBytes(Buffer.from('A'), 0, 1, hashOf('Aa')!)).toBe('<A>');
    expect(table.findText('A')).toBe('<A>');
  });

  it('reads a cell of multi-byte characters by its bytes, and a text of them each time', () => {
    const asked: string[] = [];
    const table = new CellTable((raw) => {
      asked.push(raw);
      return raw.length;
    });
    const line = Buffer.from('é,é,e');
    const hash = (a: number, b: number) => line.subarray(a, b).reduce((h, c) => (Math.imul(h, 31) + c) | 0, 0);
    expect([table.findBytes(line, 0, 2, hash(0, 2)), table.findBytes(line, 3, 5, hash(3, 5)), table.findBytes(line, 6, 7, hash(6, 7))]).toEqual([1, 1, 1]);
    expect(hashOf('é')).toBeUndefined();
    expect(table.findText('é')).toBe(1);
    expect(table.findText('é')).toBe(1);
    expect(asked).toEqual(['é', 'e', 'é', 'é']);
  });

  it('gives the right meaning past the texts it remembers', () => {
    const table = new CellTable((raw) => raw.length);
    const texts = Array.from({ length: REMEMBERED + 500 }, (_, i) => 'x'.repeat(i % 7) + String(i));
    for (let round = 0; round < 2; round++)
      for (const t of texts) {
        const b = Buffer.from(t);
        expect(table.findBytes(b, 0, b.length, hashOf(t)!)).toBe(t.length);
        expect(table.findText(t)).toBe(t.length);
      }
  });
});

const SCENARIO = csvScenario();
const HEADER = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada,reported_transfer_code\n';

/** A file read in chunks of `size` bytes (multi-byte characters cut), through the reading of plain lines and through the generic check of every row. */
async function both(csv: string, size: number) {
  const bytes = Buffer.from(csv);
  const chunks = (): Readable => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
  const fast = await loadScenarioText('/data/scenario.yaml', SCENARIO, { openCsv: async () => chunks() });
  const generic = await loadScenarioText('/data/scenario.yaml', SCENARIO, { openCsv: async () => chunks(), genericCsvRows: true });
  return { fast, generic };
}

describe('plain lines read in place equal the generic check', () => {
  const good = (i: number, extra = '') => `S${String(i).padStart(4, '0')}${extra},0130019,${i % 13},${i % 2 ? 'wic_602' : 'wic_602;expelled_other'},0161119,${i % 2 ? 'Y' : 'false'},true,0.${i % 10}5,${i % 3 ? '' : '4'}\n`;
  const rows = Array.from({ length: 300 }, (_, i) => good(i));
  rows[17] = ' S0017 , 0130019 ,K, none ,,yes,no,1,\n'; // cells with spaces, an absent district
  rows[40] = 'S0040é,0130019,9,wic_602,0161119,true,true,0.50,\n'; // a multi-byte character (cut across chunks)
  rows[41] = 'S0041,0130019,13,wic_602,0161119,true,true,0.50,\n'; // a bad grade
  rows[60] = '\n\n' + good(60); // blank lines
  rows[61] = good(59); // a duplicate id
  rows[90] = 'S0090,0130019,9,wic_602,0161119,true,true,0.505,\n'; // three decimals
  rows[91] = 'S0091,0139999,9,wic_602,0161119,true,true,0.50,\n'; // an undeclared school
  rows[92] = 'S0092,0130019,9,wic_602,0161119,true,true,0.50\n'; // a cell missing
  rows[93] = 'S0093,0130019,9,wic_602,0161119,true,true,0.50,,\n'; // a cell too many
  rows[94] = 'S0094,0130019,9,;,0161119,true,true,0.50,\n'; // an empty basis
  rows[95] = 'S0095,0130019,9,constructor,0161119,true,true,0.5,\n'; // a prototype word
  rows[96] = 'S0096,0130019,9,wic_602,0161119,maybe,true,0.5,\n'; // not a boolean word
  rows[97] = 'S0097,0130019,9,wic_602,0161119,true,true,"0,95",\n'; // a quote: csv-parse from here on

  it.each([7, 64, 1000, 1 << 20])('in chunks of %i bytes: the same students and diagnostics', async (size) => {
    const { fast, generic } = await both(HEADER + rows.join(''), size);
    expect(fast).toEqual(generic);
    // each bad row's line (two blank lines before row 60) and cell
    expect(fast.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      '43:15 LCFF-S028',
      '65:1 LCFF-S043',
      '94:43 LCFF-S026',
      '95:7 LCFF-S040',
      '96:1 LCFF-S063',
      '97:1 LCFF-S063',
      '98:17 LCFF-S029',
      '99:17 LCFF-S029',
      '100:33 LCFF-S036',
      '101:43 LCFF-S024',
    ]);
  });

  it.each([7, 64, 1 << 20])('a file with "\\r\\n" line breaks, in chunks of %i bytes: read in place, the same students and lines as with "\\n"', async (size) => {
    // up to row 96: row 97's quote hands the rest to csv-parse
    const lf = HEADER + rows.slice(0, 97).join('');
    const crlf = lf.replace(/\n/g, '\r\n');
    const { fast, generic } = await both(crlf, size);
    expect(fast).toEqual(generic);
    const byLf = (await both(lf, size)).fast;
    expect(fast.diagnostics.map((d) => `${d.range.start.line} ${d.code}`)).toEqual(byLf.diagnostics.map((d) => `${d.range.start.line} ${d.code}`));
    const good = HEADER + rows.slice(0, 17).join('') + '\n\n' + rows.slice(18, 40).join('');
    const read = await both(good.replace(/\n/g, '\r\n'), size);
    expect(read.fast).toEqual(read.generic);
    expect(read.fast.scenario!.students).toHaveLength(39);
    expect(read.fast.scenario!.students).toEqual((await both(good, size)).fast.scenario!.students);
  });

  it('a good file gives its students, the last line without a line break', async () => {
    const text = HEADER + rows.slice(0, 17).join('') + good(999).trimEnd();
    const { fast, generic } = await both(text, 50);
    expect(fast).toEqual(generic);
    expect(fast.diagnostics).toEqual([]);
    expect(fast.scenario!.students.map((s) => s.id)).toEqual([...rows.slice(0, 17), good(999)].map((r) => r.split(',')[0]));
    expect(fast.scenario!.students[16]).toMatchObject({ id: 'S0016', grade: 3, basis: ['wic_602', 'expelled_other'], unduplicated: false, census_day: true, source: { file: '/data/kids.csv', line: 18 } });
    expect(fast.scenario!.students[16].ada.toFixed(2)).toBe('0.65');
  });
});
