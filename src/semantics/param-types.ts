/** The rule-language type of each parameter unit. */
import type { ParamUnit } from '../params/index.js';
import { T, type Type } from './types.js';

const BY_UNIT: Record<ParamUnit, Type> = {
  USD: T.money,
  'USD/ADA': T.rate,
  percent: T.percent,
  ADA: T.ada,
  count: T.count,
  number: T.number,
};

export function paramType(unit: ParamUnit): Type {
  return BY_UNIT[unit] ?? T.unknown;
}
