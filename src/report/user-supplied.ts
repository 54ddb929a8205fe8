/** The line every report prints when a run used values the user supplied (`--set`) instead of the library's. */
import type { UserSuppliedResult } from '../run/result.js';

/** "User-supplied values (--set), not the library's: supplemental_pct 2019-20 = 25% (library: 20%)"; undefined when there are none. */
export function userSuppliedLine(supplied: readonly UserSuppliedResult[]): string | undefined {
  if (supplied.length === 0) return undefined;
  const items = supplied.map((u) => `${u.parameter}${u.member ? `.${u.member}` : ''} ${u.year} = ${u.value} (library: ${u.replaced})`);
  return `User-supplied values (--set), not the library's: ${items.join('; ')}`;
}
