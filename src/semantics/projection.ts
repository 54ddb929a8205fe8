/** A checked library extended past its horizon for one projection run (src/params/projection.ts): its parameter table re-resolved, its horizon moved to the last projected year. */
import type { FiscalYear } from '../core/fiscal-year.js';
import { projectParameters, type AssumedCola, type ParameterProjection } from '../params/index.js';
import type { Library } from './library.js';

export function withProjection(lib: Library, years: readonly FiscalYear[], cola: readonly AssumedCola[]): { lib: Library; projection: Omit<ParameterProjection, 'params' | 'table'> } {
  const enumMembers = new Map([...lib.enums].map(([name, e]) => [name, e.decl.members.map((m) => m.name.text)]));
  const { params, table, ...projection } = projectParameters(lib.paramList, lib.horizon, years, cola, enumMembers);
  return { lib: { ...lib, params: table, paramList: params, horizon: projection.horizon }, projection };
}
