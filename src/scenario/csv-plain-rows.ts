/**
 * Student CSV rows without a problem, read without the generic checks.
 *
 * The schema's student definition is a record of independent properties
 * (type, additionalProperties: false, required, properties): a row is valid
 * exactly when each of its cells is valid for its column and the required
 * columns have a value. So each column gets its own validator, compiled
 * once from the schema's definition of that property (schema.ts
 * `studentProperty`), and a cell's verdict is remembered for the values a
 * column repeats (schools, bases, codes, booleans). A row whose every cell
 * passes, whose id is new, whose school and district are declared and
 * whose ADA has at most two decimals becomes its student here, exactly as
 * students.ts `assembleStudent` would make it, and no position is computed.
 * Any other row goes the generic way (csv-students.ts `readRow`), which
 * reports its problems: the diagnostics never come from here.
 *
 * When the student definition uses a keyword this reading does not know
 * (one that ties properties together), `plainRows` returns undefined and
 * every row goes the generic way.
 */
import type { ValidateFunction } from 'ajv';
import { dec, type Dec } from '../runtime/money.js';
import type { Ctx } from './context.js';
import type { CsvColumn } from './csv-students.js';
import type { Student } from './model.js';
import type { ScenarioValidators } from './schema.js';
import { splitBasis } from './students.js';
import { gradeText } from './values.js';

/** The keywords of an object definition this reading understands; any other leaves every row to the generic check. */
const OBJECT_KEYWORDS = new Set(['type', 'additionalProperties', 'required', 'properties', 'description', 'title', '$comment', 'x-lcff']);

/** How many distinct values of a column are remembered (verdicts, ADA decimals): the rest are checked each time. */
const REMEMBERED = 4096;

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

/** One column's check: the schema's validator of its property, its verdicts remembered while they are reused. */
class ColumnCheck {
  private seen: Map<string, boolean> | undefined = new Map();
  private hits = 0;
  constructor(
    private readonly column: CsvColumn,
    private readonly validate: ValidateFunction,
  ) {}
  ok(cell: string): boolean {
    const seen = this.seen;
    if (seen) {
      const known = seen.get(cell);
      if (known !== undefined) {
        this.hits++;
        return known;
      }
    }
    const ok = this.validate(cellValue(this.column, cell)) === true;
    if (seen && seen.size < REMEMBERED) seen.set(cell, ok);
    // a column whose values rarely repeat (ids) is checked each time
    else if (seen && this.hits < seen.size) this.seen = undefined;
    return ok;
  }
}

interface ObjectDef {
  keys: Set<string>;
  required: string[];
  nested: Map<string, ObjectDef>;
}

function objectDef(def: Record<string, unknown> | undefined): ObjectDef | undefined {
  if (!def || def.type !== 'object' || def.additionalProperties !== false) return undefined;
  if (Object.keys(def).some((k) => !OBJECT_KEYWORDS.has(k))) return undefined;
  const props = (def.properties ?? {}) as Record<string, Record<string, unknown>>;
  const nested = new Map<string, ObjectDef>();
  for (const [k, p] of Object.entries(props)) {
    if (p.type !== 'object') continue;
    const inner = objectDef(p);
    if (!inner) return undefined;
    nested.set(k, inner);
  }
  return { keys: new Set(Object.keys(props)), required: (def.required as string[] | undefined) ?? [], nested };
}

/** The keys `read` makes a student of, as students.ts `assembleStudent` reads them: a definition with others is read the generic way. */
const STUDENT_KEYS = ['id', 'school', 'grade', 'basis', 'district_of_residence', 'unduplicated', 'census_day', 'ada', 'reported'];
const REPORTED_KEYS = ['transfer_code', 'district_of_residence'];

function sameKeys(def: ObjectDef): boolean {
  const reported = def.nested.get('reported');
  const same = (keys: Set<string>, known: string[]): boolean => keys.size === known.length && known.every((k) => keys.has(k));
  return same(def.keys, STUDENT_KEYS) && def.nested.size === 1 && reported !== undefined && same(reported.keys, REPORTED_KEYS);
}

/** Where each key of a student is in a row (-1: no such column), and what must have a value. */
interface Layout {
  checks: Array<ColumnCheck | undefined>;
  id: number;
  school: number;
  grade: number;
  basis: number;
  dor: number;
  unduplicated: number;
  census: number;
  ada: number;
  transferCode: number;
  reportedDistrict: number;
  /** columns that must have a value: groups of which at least one must (a required record: any of its keys) */
  required: number[][];
  /** a nested record's columns, and the groups it requires when any of them has a value */
  nested: Array<{ columns: number[]; required: number[][] }>;
}

/** The required groups of a definition: a key's column, or a required record's columns. */
function requiredGroups(def: ObjectDef, column: (key: string) => number, prefix: string): number[][] {
  return def.required.map((key) => {
    const nested = def.nested.get(key);
    return nested ? [...nested.keys].map((k) => column(`${prefix}${key}.${k}`)) : [column(`${prefix}${key}`)];
  });
}

function layoutOf(validators: ScenarioValidators, header: Array<CsvColumn | undefined>, def: ObjectDef): Layout {
  const at = new Map<string, number>();
  const checks = header.map((c, i) => {
    if (!c) return undefined;
    at.set(c.path.join('.'), i);
    return new ColumnCheck(c, validators.studentProperty(c.path));
  });
  const column = (key: string): number => at.get(key) ?? -1;
  return {
    checks,
    id: column('id'),
    school: column('school'),
    grade: column('grade'),
    basis: column('basis'),
    dor: column('district_of_residence'),
    unduplicated: column('unduplicated'),
    census: column('census_day'),
    ada: column('ada'),
    transferCode: column('reported.transfer_code'),
    reportedDistrict: column('reported.district_of_residence'),
    required: requiredGroups(def, column, ''),
    nested: [...def.nested].map(([key, inner]) => ({ columns: [...inner.keys].map((k) => column(`${key}.${k}`)), required: requiredGroups(inner, column, `${key}.`) })),
  };
}

/** The cell at a column, undefined when the row has no such column or the cell is empty (an absent value). */
function cellAt(cells: string[], i: number): string | undefined {
  return i < 0 || cells[i] === '' ? undefined : cells[i];
}

function anyPresent(cells: string[], columns: number[]): boolean {
  for (const i of columns) if (i >= 0 && cells[i] !== '') return true;
  return false;
}

function groupsMet(cells: string[], groups: number[][]): boolean {
  for (const g of groups) if (!anyPresent(cells, g)) return false;
  return true;
}

export class PlainRows {
  private readonly decimals = new Map<string, Dec>();
  private readonly bases = new Map<string, readonly string[]>();
  private constructor(
    private readonly ctx: Ctx,
    private readonly file: string,
    private readonly layout: Layout,
  ) {}

  /** A reader for rows under `header`, or undefined when the schema's student definition is beyond it. */
  static for(ctx: Ctx, validators: ScenarioValidators, file: string, header: Array<CsvColumn | undefined>): PlainRows | undefined {
    const defs = validators.schema.$defs as Record<string, Record<string, unknown>> | undefined;
    const def = objectDef(defs?.student);
    if (!def || !sameKeys(def)) return undefined;
    return new PlainRows(ctx, file, layoutOf(validators, header, def));
  }

  private decimal(text: string): Dec | undefined {
    let d = this.decimals.get(text);
    if (d) return d;
    try {
      d = dec(text);
    } catch {
      return undefined;
    }
    if (this.decimals.size < REMEMBERED) this.decimals.set(text, d);
    return d;
  }

  /**
   * The student of a row (its cells trimmed) when nothing in it is a
   * problem; undefined sends the row the generic way, which reports.
   * `line` is the row's first line.
   */
  read(cells: string[], line: number): Student | undefined {
    const L = this.layout;
    const checks = L.checks;
    if (cells.length !== checks.length) return undefined;
    for (let i = 0; i < cells.length; i++) {
      const c = checks[i];
      if (c !== undefined && cells[i] !== '' && !c.ok(cells[i])) return undefined;
    }
    if (!groupsMet(cells, L.required)) return undefined;
    for (const n of L.nested) if (anyPresent(cells, n.columns) && !groupsMet(cells, n.required)) return undefined;
    const ctx = this.ctx;
    const id = cellAt(cells, L.id);
    const school = cellAt(cells, L.school);
    const gradeCell = cellAt(cells, L.grade);
    const basisCell = cellAt(cells, L.basis);
    const adaCell = cellAt(cells, L.ada);
    const undup = cellAt(cells, L.unduplicated);
    const census = cellAt(cells, L.census);
    if (id === undefined || school === undefined || gradeCell === undefined || basisCell === undefined || adaCell === undefined || undup === undefined || census === undefined) return undefined;
    if (ctx.studentIds.lineOf(id) !== undefined || !ctx.schools.has(school)) return undefined;
    const dor = cellAt(cells, L.dor);
    if (dor !== undefined && !ctx.districts.has(dor)) return undefined;
    const grade = gradeText(gradeCell.trim());
    const basis = this.basis(basisCell);
    const ada = this.decimal(adaCell);
    if (grade === undefined || basis.length === 0 || basis.includes('') || !ada || ada.decimalPlaces() > 2) return undefined;
    const unduplicated = BOOLEAN_WORDS.get(undup.toLowerCase());
    const censusDay = BOOLEAN_WORDS.get(census.toLowerCase());
    if (unduplicated === undefined || censusDay === undefined) return undefined;
    const transferCode = cellAt(cells, L.transferCode);
    const reportedDistrict = cellAt(cells, L.reportedDistrict);
    ctx.studentIds.add(id, line);
    // keys in assembleStudent's order, absent ones left out
    // the basis list is frozen and shared: nothing changes a student's bases
    const s: Partial<Student> & Pick<Student, 'id'> = { id, school, grade, basis: basis as Student['basis'] };
    if (dor !== undefined) s.district_of_residence = dor;
    s.unduplicated = unduplicated;
    s.census_day = censusDay;
    s.ada = ada;
    if (transferCode !== undefined || reportedDistrict !== undefined) {
      const reported: NonNullable<Student['reported']> = {};
      if (transferCode !== undefined) reported.transfer_code = transferCode;
      if (reportedDistrict !== undefined) reported.district_of_residence = reportedDistrict;
      s.reported = reported;
    }
    s.source = { file: this.file, line };
    return s as Student;
  }

  /** A basis cell's list, shared (frozen) by the students with the same cell. */
  private basis(cell: string): readonly string[] {
    let b = this.bases.get(cell);
    if (!b) {
      b = Object.freeze(splitBasis(cell));
      if (this.bases.size < REMEMBERED) this.bases.set(cell, b);
    }
    return b;
  }
}
