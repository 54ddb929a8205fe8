/** Students by funding category: every category of the rule library, in its order, with counts and ADA. */
import type { Library } from '../semantics/library.js';
import { fixed, ZERO } from '../runtime/money.js';
import type { CategorySummary } from './result.js';
import type { StudentGroup } from './students.js';
import { enumMembers } from './vocabulary.js';

export function categorySummary(lib: Library, groups: readonly StudentGroup[]): CategorySummary[] {
  return enumMembers(lib, 'funding_category').map((m) => {
    let n = 0;
    let census = 0;
    let ada = ZERO;
    for (const g of groups) {
      if (g.category !== m.name) continue;
      n += g.students;
      if (g.census_day) census += g.students;
      ada = ada.plus(g.ada);
    }
    return { category: m.name, label: m.label, students: n, census_day: census, ada: fixed(ada, 2) };
  });
}
