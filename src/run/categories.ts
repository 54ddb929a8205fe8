/** Students by funding category: every category of the rule library, in its order, with counts and ADA. */
import type { Library } from '../semantics/library.js';
import { fixed, ZERO } from '../runtime/money.js';
import type { CategorySummary } from './result.js';
import type { ClassifiedStudent } from './students.js';
import { enumMembers } from './vocabulary.js';

export function categorySummary(lib: Library, students: ClassifiedStudent[]): CategorySummary[] {
  return enumMembers(lib, 'funding_category').map((m) => {
    let n = 0;
    let census = 0;
    let ada = ZERO;
    for (const s of students) {
      if (s.category !== m.name) continue;
      n += 1;
      if (s.student.census_day) census += 1;
      ada = ada.plus(s.student.ada);
    }
    return { category: m.name, label: m.label, students: n, census_day: census, ada: fixed(ada, 2) };
  });
}
