/**
 * Which student key each column of a student CSV holds, and which must
 * have a value, as the reading of plain rows (csv-plain-rows.ts) needs it:
 * worked out once from the schema's student definition and the header.
 * A definition this reading does not understand (a keyword that ties
 * properties together, other keys) gives none: every row goes the generic
 * way.
 */
import type { CsvColumn } from './csv-students.js';

/** The keywords of an object definition this reading understands; any other leaves every row to the generic check. */
const OBJECT_KEYWORDS = new Set(['type', 'additionalProperties', 'required', 'properties', 'description', 'title', '$comment', 'x-lcff']);

/** An object definition of the schema as this reading understands it: its keys, the required ones, its nested records. */
export interface ObjectDef {
  keys: Set<string>;
  required: string[];
  nested: Map<string, ObjectDef>;
}

/** `def` as an ObjectDef, or undefined when it is beyond this reading. */
export function objectDef(def: Record<string, unknown> | undefined): ObjectDef | undefined {
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

/** The keys csv-plain-rows.ts makes a student of, as students.ts `assembleStudent` reads them: a definition with others is read the generic way. */
const STUDENT_KEYS = ['id', 'school', 'grade', 'basis', 'district_of_residence', 'unduplicated', 'census_day', 'ada', 'reported'];
const REPORTED_KEYS = ['transfer_code', 'district_of_residence'];

/** Whether a student definition has exactly the keys csv-plain-rows.ts makes a student of. */
export function sameKeys(def: ObjectDef): boolean {
  const reported = def.nested.get('reported');
  const same = (keys: Set<string>, known: string[]): boolean => keys.size === known.length && known.every((k) => keys.has(k));
  return same(def.keys, STUDENT_KEYS) && def.nested.size === 1 && reported !== undefined && same(reported.keys, REPORTED_KEYS);
}


/** Where each key of a student is in a row (-1: no such column), and what must have a value. */
export interface Layout {
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
  /** columns that must have a value besides those `student` cannot do without: groups of which at least one must (a required record: any of its keys) */
  required: number[][];
  /** a nested record's columns, and the groups it requires when any of them has a value (a record that requires none left out) */
  nested: Array<{ columns: number[]; required: number[][] }>;
}

/** The required groups of a definition: a key's column, or a required record's columns. */
function requiredGroups(def: ObjectDef, column: (key: string) => number, prefix: string): number[][] {
  return def.required.map((key) => {
    const nested = def.nested.get(key);
    return nested ? [...nested.keys].map((k) => column(`${prefix}${key}.${k}`)) : [column(`${prefix}${key}`)];
  });
}

export function layoutOf(header: Array<CsvColumn | undefined>, def: ObjectDef): Layout {
  const at = new Map<string, number>();
  header.forEach((c, i) => c && at.set(c.path.join('.'), i));
  const column = (key: string): number => at.get(key) ?? -1;
  const L = {
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
  };
  // a group of one of these columns is met exactly when `student` finds that column's value
  const own = new Set([L.id, L.school, L.grade, L.basis, L.unduplicated, L.census, L.ada]);
  return {
    ...L,
    required: requiredGroups(def, column, '').filter((g) => !(g.length === 1 && own.has(g[0]))),
    nested: [...def.nested]
      .map(([key, inner]) => ({ columns: [...inner.keys].map((k) => column(`${key}.${k}`)), required: requiredGroups(inner, column, `${key}.`) }))
      .filter((n) => n.required.length > 0),
  };
}
