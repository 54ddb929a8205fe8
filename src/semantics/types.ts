/**
 * The types and units of the rule language, and the arithmetic of units:
 * Money × Percent is Money, Rate × ADA is Money, Money + ADA is an error.
 */
export type UnitName = 'Money' | 'Rate' | 'Percent' | 'ADA' | 'Count' | 'Number';
export type ScalarName = UnitName | 'Bool' | 'Text' | 'FiscalYear';

export type Type =
  | { k: 'scalar'; name: ScalarName }
  | { k: 'enum'; name: string }
  | { k: 'list'; element: Type }
  | { k: 'unknown' }; // an error was already reported; never report twice

export const SCALAR_NAMES: readonly ScalarName[] = ['Money', 'Rate', 'Percent', 'ADA', 'Count', 'Number', 'Bool', 'Text', 'FiscalYear'];

export const T = {
  money: { k: 'scalar', name: 'Money' } as Type,
  rate: { k: 'scalar', name: 'Rate' } as Type,
  percent: { k: 'scalar', name: 'Percent' } as Type,
  ada: { k: 'scalar', name: 'ADA' } as Type,
  count: { k: 'scalar', name: 'Count' } as Type,
  number: { k: 'scalar', name: 'Number' } as Type,
  bool: { k: 'scalar', name: 'Bool' } as Type,
  text: { k: 'scalar', name: 'Text' } as Type,
  year: { k: 'scalar', name: 'FiscalYear' } as Type,
  unknown: { k: 'unknown' } as Type,
};

export function scalar(name: ScalarName): Type {
  return { k: 'scalar', name };
}

export function typeText(t: Type): string {
  switch (t.k) {
    case 'scalar':
      return t.name;
    case 'enum':
      return t.name;
    case 'list':
      return `list of ${typeText(t.element)}`;
    default:
      return '?';
  }
}

export function isUnknown(t: Type): boolean {
  return t.k === 'unknown' || (t.k === 'list' && t.element.k === 'unknown');
}

export function isNumeric(t: Type): t is { k: 'scalar'; name: UnitName } {
  return t.k === 'scalar' && ['Money', 'Rate', 'Percent', 'ADA', 'Count', 'Number'].includes(t.name);
}

function unitOf(t: Type): UnitName | undefined {
  return isNumeric(t) ? t.name : undefined;
}

/** Dimensionless units combine freely with each other. */
function dimensionless(u: UnitName): boolean {
  return u === 'Number' || u === 'Percent';
}

export function sameType(a: Type, b: Type): boolean {
  if (isUnknown(a) || isUnknown(b)) return true;
  if (a.k === 'scalar' && b.k === 'scalar') {
    if (a.name === b.name) return true;
    const ua = unitOf(a);
    const ub = unitOf(b);
    if (ua === undefined || ub === undefined) return false;
    // a plain number (a literal such as 0 or 3) compares with any unit
    return (dimensionless(ua) && dimensionless(ub)) || ua === 'Number' || ub === 'Number';
  }
  if (a.k === 'enum' && b.k === 'enum') return a.name === b.name;
  if (a.k === 'list' && b.k === 'list') return sameType(a.element, b.element);
  return false;
}

/** Result of `a op b` for + - * /, or undefined when the units do not combine. */
export function arithmetic(op: '+' | '-' | '*' | '/', a: Type, b: Type): Type | undefined {
  if (isUnknown(a) || isUnknown(b)) return T.unknown;
  const ua = unitOf(a);
  const ub = unitOf(b);
  if (!ua || !ub) return undefined;
  if (op === '+' || op === '-') {
    if (ua === ub) return scalar(ua);
    if (dimensionless(ua) && dimensionless(ub)) return T.percent;
    return undefined;
  }
  if (op === '*') {
    if (dimensionless(ub)) return dimensionless(ua) ? (ua === 'Percent' || ub === 'Percent' ? T.percent : T.number) : scalar(ua);
    if (dimensionless(ua)) return scalar(ub);
    if ((ua === 'Rate' && ub === 'ADA') || (ua === 'ADA' && ub === 'Rate')) return T.money;
    return undefined;
  }
  // division
  if (dimensionless(ub)) return dimensionless(ua) ? T.percent : scalar(ua);
  if (ua === ub) return T.percent;
  if (ua === 'Money' && ub === 'ADA') return T.rate;
  if (ua === 'Money' && ub === 'Rate') return T.ada;
  return undefined;
}
