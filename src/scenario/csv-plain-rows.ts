/**
 * Student CSV rows without a problem, read without the generic checks.
 *
 * The schema's student definition is a record of independent properties
 * (type, additionalProperties: false, required, properties): a row is valid
 * exactly when each of its cells is valid for its column and the required
 * columns have a value. So each column gets its own validator, compiled
 * once from the schema's definition of that property (schema.ts
 * `studentProperty`). What a cell text means — the verdict, the value the
 * student holds, whether its school or district is declared — is worked
 * out once per distinct text of a column and found again by the cell's
 * place in its line (csv-cells.ts): only the id is cut out of a plain line.
 * A row whose every cell passes, whose id is new, whose school and district
 * are declared and whose ADA has at most two decimals becomes its student
 * here, exactly as students.ts `assembleStudent` would make it, and no
 * position is computed.
 * Any other row goes the generic way (csv-students.ts `readRow`), which
 * reports its problems: the diagnostics never come from here.
 *
 * When the student definition uses a keyword this reading does not know
 * (one that ties properties together), `PlainRows.for` returns undefined and
 * every row goes the generic way.
 */
import type { ValidateFunction } from 'ajv';
import { dec, type Dec } from '../runtime/money.js';
import type { Ctx } from './context.js';
import type { CsvColumn } from './csv-students.js';
import { CellTable, hashStep } from './csv-cells.js';
import { layoutOf, objectDef, sameKeys, type Layout } from './csv-plain-layout.js';
import type { PlainLines } from './csv-plain-lines.js';
import type { Student } from './model.js';
import type { ScenarioValidators } from './schema.js';
import { splitBasis } from './students.js';
import { gradeText } from './values.js';

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['true', true], ['yes', true], ['y', true], ['1', true],
  ['false', false], ['no', false], ['n', false], ['0', false],
]);

/** A CSV cell as the student record holds it: a boolean word as its boolean (a word that is none stays text), a basis as its list. */
export function cellValue(column: CsvColumn, cell: string): unknown {
  if (column.boolean) return BOOLEAN_WORDS.get(cell.toLowerCase()) ?? cell;
  if (column.path.length === 1 && column.path[0] === 'basis') return cell.trim() === '' ? [] : splitBasis(cell);
  return cell;
}

/** What a cell means: absent (an empty cell), a problem (the row goes the generic way), or its value as the student holds it. */
class Meaning {
  constructor(
    readonly ok: boolean,
    readonly value: unknown,
  ) {}
}
const ABSENT = new Meaning(true, undefined);
const BAD = new Meaning(false, undefined);

function anyPresent(values: unknown[], columns: number[]): boolean {
  for (const i of columns) if (i >= 0 && values[i] !== undefined) return true;
  return false;
}

function groupsMet(values: unknown[], groups: number[][]): boolean {
  for (const g of groups) if (!anyPresent(values, g)) return false;
  return true;
}

const COMMA = 0x2c;

export class PlainRows {
  /** each column's table of meanings (undefined: the id, checked each time, or a column that is no student column) */
  private readonly tables: Array<CellTable<Meaning> | undefined>;
  /** the id column's check */
  private readonly idCheck: ValidateFunction | undefined;
  /** the current row's value of each column (undefined: absent), overwritten row by row */
  private readonly values: unknown[];
  private constructor(
    private readonly ctx: Ctx,
    private readonly file: string,
    private readonly layout: Layout,
    validators: ScenarioValidators,
    header: Array<CsvColumn | undefined>,
  ) {
    this.values = header.map(() => undefined);
    this.tables = header.map((c, i) => {
      if (!c || i === layout.id) return undefined;
      const validate = validators.studentProperty(c.path);
      return new CellTable((raw) => this.meaning(c, i, validate, raw));
    });
    this.idCheck = layout.id >= 0 ? validators.studentProperty(header[layout.id]!.path) : undefined;
  }

  /** A reader for rows under `header`, or undefined when the schema's student definition is beyond it. */
  static for(ctx: Ctx, validators: ScenarioValidators, file: string, header: Array<CsvColumn | undefined>): PlainRows | undefined {
    const defs = validators.schema.$defs as Record<string, Record<string, unknown>> | undefined;
    const def = objectDef(defs?.student);
    if (!def || !sameKeys(def)) return undefined;
    return new PlainRows(ctx, file, layoutOf(header, def), validators, header);
  }

  /** What a cell text means in column `i`: the schema's verdict on its trimmed text, and the value the student holds (a declared school or district, a grade, a shared frozen basis list, a boolean, an ADA of at most two decimals). */
  private meaning(column: CsvColumn, i: number, validate: ValidateFunction, raw: string): Meaning {
    const t = raw.trim();
    if (t === '') return ABSENT;
    if (validate(cellValue(column, t)) !== true) return BAD;
    const L = this.layout;
    let value: unknown = t;
    if (i === L.school) value = this.ctx.schools.has(t) ? t : undefined;
    else if (i === L.dor) value = this.ctx.districts.has(t) ? t : undefined;
    else if (i === L.grade) value = gradeText(t);
    else if (i === L.unduplicated || i === L.census) value = BOOLEAN_WORDS.get(t.toLowerCase());
    else if (i === L.basis) {
      // the basis list is frozen and shared: nothing changes a student's bases
      const b = Object.freeze(splitBasis(t));
      value = b.length === 0 || b.includes('') ? undefined : b;
    } else if (i === L.ada) value = twoDecimals(t);
    return value === undefined ? BAD : new Meaning(true, value);
  }

  /**
   * The student of the current line of `lines` when nothing in it is a
   * problem; undefined sends the row the generic way, which reports.
   * The cells are found and looked up in the line's bytes: no string but
   * the id's.
   */
  readLine(lines: PlainLines): Student | undefined {
    const bytes = lines.bytes;
    const end = lines.end;
    const tables = this.tables;
    const values = this.values;
    const n = tables.length;
    const idAt = this.layout.id;
    let a = lines.start;
    for (let i = 0; i < n; i++) {
      let b = a;
      if (i === idAt) {
        while (b < end && bytes[b] !== COMMA) b++;
        if (b === end && i < n - 1) return undefined; // fewer cells than columns
        if (!this.idOk(lines.ascii !== undefined ? lines.ascii.slice(a, b) : bytes.toString('utf8', a, b))) return undefined;
        a = b + 1;
        continue;
      }
      let h = 0;
      for (; b < end; b++) {
        const c = bytes[b];
        if (c === COMMA) break;
        h = hashStep(h, c);
      }
      if (b === end && i < n - 1) return undefined; // fewer cells than columns
      const table = tables[i];
      if (table !== undefined) {
        const m = table.findBytes(bytes, a, b, h);
        if (!m.ok) return undefined;
        values[i] = m.value;
      } else values[i] = undefined;
      a = b + 1;
    }
    if (a <= end) return undefined; // more cells than columns
    return this.student(lines.line);
  }

  /** As `readLine`, for a row's cells (trimmed) from csv-parse; `line` is the row's first line. */
  read(cells: string[], line: number): Student | undefined {
    const tables = this.tables;
    const values = this.values;
    if (cells.length !== tables.length) return undefined;
    for (let i = 0; i < cells.length; i++) {
      const table = tables[i];
      if (table !== undefined) {
        const m = table.findText(cells[i]);
        if (!m.ok) return undefined;
        values[i] = m.value;
      } else if (i === this.layout.id) {
        if (!this.idOk(cells[i])) return undefined;
      } else values[i] = undefined;
    }
    return this.student(line);
  }

  /** Checks an id cell and keeps its trimmed text (or absent) as the id column's value. */
  private idOk(raw: string): boolean {
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(raw.length - 1);
    const id = first > 32 && first < 127 && last > 32 && last < 127 ? raw : raw.trim();
    if (id === '') {
      this.values[this.layout.id] = undefined;
      return true;
    }
    this.values[this.layout.id] = id;
    return this.idCheck!(id) === true;
  }

  /** The student of the row whose values are read, if it has every value it needs and a new id. */
  private student(line: number): Student | undefined {
    const L = this.layout;
    const values = this.values;
    if (!groupsMet(values, L.required)) return undefined;
    for (const n of L.nested) if (anyPresent(values, n.columns) && !groupsMet(values, n.required)) return undefined;
    const id = valueAt(values, L.id) as string | undefined;
    const school = valueAt(values, L.school) as string | undefined;
    const grade = valueAt(values, L.grade) as number | undefined;
    const basis = valueAt(values, L.basis) as Student['basis'] | undefined;
    const ada = valueAt(values, L.ada) as Dec | undefined;
    const unduplicated = valueAt(values, L.unduplicated) as boolean | undefined;
    const censusDay = valueAt(values, L.census) as boolean | undefined;
    if (id === undefined || school === undefined || grade === undefined || basis === undefined || ada === undefined || unduplicated === undefined || censusDay === undefined) return undefined;
    if (!this.ctx.studentIds.claim(id, line)) return undefined;
    const dor = valueAt(values, L.dor) as string | undefined;
    const transferCode = valueAt(values, L.transferCode) as string | undefined;
    const reportedDistrict = valueAt(values, L.reportedDistrict) as string | undefined;
    const source = { file: this.file, line };
    // keys in assembleStudent's order, absent ones left out; each shape is made whole (one allocation, no property added after)
    const reported =
      transferCode === undefined
        ? reportedDistrict === undefined
          ? undefined
          : { district_of_residence: reportedDistrict }
        : reportedDistrict === undefined
          ? { transfer_code: transferCode }
          : { transfer_code: transferCode, district_of_residence: reportedDistrict };
    if (dor !== undefined) {
      return reported !== undefined
        ? { id, school, grade, basis, district_of_residence: dor, unduplicated, census_day: censusDay, ada, reported, source }
        : { id, school, grade, basis, district_of_residence: dor, unduplicated, census_day: censusDay, ada, source };
    }
    return reported !== undefined
      ? { id, school, grade, basis, unduplicated, census_day: censusDay, ada, reported, source }
      : { id, school, grade, basis, unduplicated, census_day: censusDay, ada, source };
  }
}

function valueAt(values: unknown[], i: number): unknown {
  return i < 0 ? undefined : values[i];
}

/** An ADA text as a decimal when it has at most two decimals; undefined otherwise. */
function twoDecimals(text: string): Dec | undefined {
  let d: Dec;
  try {
    d = dec(text);
  } catch {
    return undefined;
  }
  return d.decimalPlaces() > 2 ? undefined : d;
}
