/**
 * Findings on the EC 2576 agreements (decision `agreement_checks`): one
 * evaluation per agreement the scenario reports, PADC data or not. Which
 * combinations are findings, and in which years, is in the rules; this step
 * gathers the facts and adds to each message the district and the rates in
 * question (the alternative rate, and the district's rate per ADA for each
 * grade span of its District Funded ADA).
 */
import { excerpt } from '../core/safe-text.js';
import { fixed } from '../runtime/money.js';
import type { RunContext } from './context.js';
import type { LeaTally } from './leas.js';
import type { FindingResult, TransferResult } from './result.js';
import type { FindingSink } from './finding-rows.js';
import { districtRates } from './transfers.js';
import { enumMembers } from './vocabulary.js';

export async function agreementChecks(ctx: RunContext, leas: Map<string, LeaTally>, transfers: TransferResult[], findings: FindingSink): Promise<void> {
  const spanLabel = new Map(enumMembers(ctx.program.lib, 'grade_span').map((m) => [m.name, m.label]));
  for (const a of [...ctx.scenario.agreements].sort((x, y) => (x.district < y.district ? -1 : 1))) {
    const facts = {
      agreement: {
        district: a.district,
        alternative_rate: a.alternative_rate_per_ada,
        concurred: a.district_concurred,
        transfer_agreed: a.transfer_agreed,
      },
    };
    const firings = await ctx.decide('agreement_checks', `agreement ${a.district}`, facts);
    if (firings.length === 0) continue;
    const details = await agreementDetails(ctx, a.district, a.alternative_rate_per_ada === undefined ? undefined : fixed(a.alternative_rate_per_ada, 2), leas, transfers, spanLabel);
    for (const f of firings) {
      findings.add({
        code: String(f.outputs.code),
        severity: String(f.outputs.level) as FindingResult['severity'],
        subject: a.district,
        message: `${String(f.outputs.message)} (${details})`,
        rule: `agreement_checks.${f.rule.name}`,
        cite: f.rule.cites.join('; '),
      });
    }
  }
}

/** 'district 0161192 "Oakland Unified"; alternative rate 8000.00; district's rate per ADA 10959.94 (Grades 9 through 12)'. */
async function agreementDetails(
  ctx: RunContext,
  district: string,
  alternative: string | undefined,
  leas: Map<string, LeaTally>,
  transfers: TransferResult[],
  spanLabel: Map<string, string>,
): Promise<string> {
  const lea = leas.get(district);
  const parts = [`district ${district}${lea ? ` ${excerpt(lea.name)}` : ''}`, alternative === undefined ? 'no alternative rate' : `alternative rate ${alternative}`];
  const spans = transfers.filter((t) => t.from === district).map((t) => t.grade_span);
  if (!lea || spans.length === 0) parts.push('no District Funded County Program ADA');
  else {
    const rates = await districtRates(ctx, lea);
    parts.push(`district's rate per ADA ${spans.map((s) => `${rates[s].total} (${spanLabel.get(s) ?? s})`).join(', ')}`);
  }
  return parts.join('; ');
}
