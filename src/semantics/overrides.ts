/** A checked library with overrides (`--set`) applied: its parameter table re-resolved, the user-supplied values listed. */
import { applyOverrides, type OverrideSpec, type UserSupplied } from '../params/overrides.js';
import type { Library } from './library.js';

/** Throws OverrideError (a usage error) on a bad override; the library is not changed. */
export function withOverrides(lib: Library, specs: readonly OverrideSpec[]): { lib: Library; supplied: UserSupplied[] } {
  if (specs.length === 0) return { lib, supplied: [] };
  const enumMembers = new Map([...lib.enums].map(([name, e]) => [name, e.decl.members.map((m) => m.name.text)]));
  const { params, table, supplied } = applyOverrides({ params: lib.paramList, table: lib.params, horizon: lib.horizon, enumMembers }, specs);
  return { lib: { ...lib, params: table, paramList: params }, supplied };
}
