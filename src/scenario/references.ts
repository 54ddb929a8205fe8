/** Resolves every reference once all declarations are read. */
import { suggest } from '../core/diagnostics.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx, Ref } from './context.js';

export function checkReferences(ctx: Ctx, coeCds: string | undefined): void {
  for (const ref of ctx.refs) checkReference(ctx, ref, coeCds);
}

/** Reports a reference to something the scenario does not declare. */
export function checkReference(ctx: Ctx, ref: Ref, coeCds: string | undefined): void {
  const districtNames = () => [...ctx.districts];
  const charterNames = () => [...ctx.charters];
  const schoolNames = () => [...ctx.schools.keys()];
  if (ref.kind === 'district' && !ctx.districts.has(ref.value)) {
    const what = ref.value === coeCds ? ' (that is the COE; a district of residence is a school district)' : ctx.charters.has(ref.value) ? ' (that is a charter)' : '';
    const did = suggest(ref.value, districtNames());
    ctx.sink.error(
      C.unknownDistrict,
      `${ref.field}: district "${ref.value}" is not declared in districts${what}${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}; the scenario declares every district it references`,
      ref.at(),
      { field: ref.field, suggestions: did },
    );
  } else if (ref.kind === 'charter' && !ctx.charters.has(ref.value)) {
    const did = suggest(ref.value, charterNames());
    ctx.sink.error(
      C.unknownCharter,
      `${ref.field}: charter "${ref.value}" is not declared in charters${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}`,
      ref.at(),
      { field: ref.field, suggestions: did },
    );
  } else if (ref.kind === 'school' && !ctx.schools.has(ref.value)) {
    const did = suggest(ref.value, schoolNames());
    ctx.sink.error(
      C.unknownSchool,
      `${ref.field}: school "${ref.value}" is not declared in schools${did.length ? ` (did you mean ${did.join(' or ')}?)` : ''}`,
      ref.at(),
      { field: ref.field, suggestions: did },
    );
  }
}
