/**
 * `--html`: a standalone report for a county office's CFO — one
 * self-contained file (no scripts, no network), every input text escaped.
 * Plain words come from the rules (enum labels, labels.yaml); the sections
 * live in ./html/, the funding-flow picture in flow-svg.ts.
 */
import { flowSvg } from './flow-svg.js';
import { banner } from './html/banner.js';
import { findings, students } from './html/findings.js';
import { header, provenance } from './html/header.js';
import type { HtmlInput } from './html/input.js';
import { esc, section } from './html/markup.js';
import { accounting, aeg, coeEntitlement, credits, priorYear, summary, transfers } from './html/sections.js';
import { htmlPage } from './html/page.js';
import { Words } from './html/words.js';
import { userSuppliedLine } from './user-supplied.js';

export type { HtmlInput } from './html/input.js';

export function renderHtml(input: HtmlInput): string {
  const r = input.result;
  const words = new Words(input.lib, input);
  const title = `${words.label('report', 'title')} — ${r.county.name}, ${r.fiscal_year}`;
  const sections = [
    summary(r, words),
    section('flow', words.section('flow'), words.optional('section_note', 'flow'), flowSvg(r, words)),
    aeg(r, words),
    coeEntitlement(r, words),
    transfers(r, words),
    accounting(r, words),
    credits(r, words),
    priorYear(r, words),
    findings(r, words),
    students(r, words),
    provenance(input, words),
  ].filter((s) => s !== '');
  const supplied = userSuppliedLine(r.user_supplied);
  const body = `${header(input, words, title)}
${banner(input, words)}
${supplied ? `<p class="warning user-supplied">${esc(supplied)}</p>` : ''}
<main>
${sections.join('\n')}
</main>`;
  return htmlPage({ title, generator: `${r.provenance.package.name} ${r.provenance.package.version}`, libraryHash: r.provenance.library.hash, body });
}
