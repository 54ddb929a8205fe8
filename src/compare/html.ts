/**
 * `lcff compare --html <file>`: the comparison as one standalone page (no
 * scripts, no network; every text escaped): the two sides, the law that
 * differs, every changed figure with a and b side by side and its cause, the
 * totals. Built from the report's HTML blocks and style (src/report/html/).
 */
import { esc, section, table, type Cell } from '../report/html/markup.js';
import { htmlPage } from '../report/html/page.js';
import { aFigure, projectedLines } from './render.js';
import type { CompareDelta, CompareResult, CompareSide } from './result.js';

const TITLES: Record<CompareDelta['subject_kind'], string> = { lea: 'LEAs: credits, UPP and rates', transfer: 'Transfers (EC 2576)', coe: 'County office: AEG and entitlement', student: 'Students whose category, crediting or codes changed', finding: 'Findings that appear or go' };

function side(s: CompareSide): string {
  return [s.rules, s.reform !== undefined ? `reform ${s.reform}` : '', s.set.length > 0 ? `--set ${s.set.join(', ')}` : ''].filter(Boolean).join(' + ') + (s.projection ? ' (projected)' : '');
}

const figure = (text: string): Cell => (text === '' ? '—' : /^-?\d+(\.\d+)?$/.test(text) ? { n: text } : text);
/** A figure of side a: marked `*` and shaded when side a ran projected. */
const aCell = (text: string, projected: boolean | undefined): Cell => (projected && text !== '' ? { n: aFigure(text, true), cls: 'projected' } : figure(text));

/** Side a projected: how, the legend of `*`, the COLAs assumed. */
function projection(c: CompareResult): string {
  const p = c.a.projection;
  if (!p) return '';
  const lines = projectedLines(c).map((l) => `<p>${esc(l)}</p>`).join('');
  const rows = p.assumptions.cola.map((a): Cell[] => ['cola', a.fiscal_year, { n: a.value }]);
  return `<div class="banner warn" role="note">${section('projection', 'Side a is projected', undefined, `${lines}${table(['assumption', 'fiscal year', 'value'], rows)}`)}</div>`;
}

export function renderCompareHtml(c: CompareResult, version: string): string {
  const title = `What changes — ${c.scenario}, ${c.fiscal_year}`;
  const sides = `<p>a = ${esc(c.a.label)}: ${esc(side(c.a))}<br>b = ${esc(c.b.label)}: ${esc(side(c.b))}</p>`;
  const lawRows: Cell[][] = [
    ...c.law.values.map((v): Cell[] => [`parameter ${v.name}${v.user_supplied ? ' (--set)' : ''}`, c.a.projection ? { n: aFigure(v.from, true), cls: 'projected' } : v.from, v.to, v.cite]),
    ...c.law.rules.map((r): Cell[] => [`${r.what} ${r.name} (${r.kind})`, r.from ? `${r.from.effective} — ${r.from.source}` : '—', r.to ? `${r.to.effective} — ${r.to.source}` : '—', r.to?.cite.join('; ') ?? '']),
  ];
  const law = lawRows.length > 0 ? table(['law that differs', 'a', 'b', 'citation (b)'], lawRows) : '<p>The law is the same on both sides in this year.</p>';
  const sections = [section('sides', 'The two sides', undefined, sides), projection(c), section('law', 'The law that differs', undefined, law)].filter((x) => x !== '');
  for (const kind of Object.keys(TITLES) as Array<CompareDelta['subject_kind']>) {
    const rows = c.deltas.filter((d) => d.subject_kind === kind);
    if (rows.length === 0) continue;
    const body = rows.map((d): Cell[] => [d.name ? `${d.subject} ${d.name}` : d.subject, d.field, aCell(d.a, d.a_projected), figure(d.b), figure(d.change ?? ''), d.causes.length === 0 ? '(no differing law found)' : d.causes.map((x) => `${x.kind} ${x.name}${x.traced ? '' : ' (used by the run)'}`).join('; ')]);
    sections.push(section(kind, TITLES[kind], undefined, table(['subject', 'figure', 'a', 'b', 'change', 'because of'], body)));
  }
  const totals = table(['total', 'a', 'b', 'change'], [
    ['Transfers', aCell(c.totals.transfers.a, c.totals.transfers.a_projected), { n: c.totals.transfers.b }, { n: c.totals.transfers.change }],
    ['COE entitlement', aCell(c.totals.coe_entitlement.a, c.totals.coe_entitlement.a_projected), { n: c.totals.coe_entitlement.b }, { n: c.totals.coe_entitlement.change }],
  ]);
  sections.push(section('totals', 'Totals', undefined, totals));
  const body = `<header><h1>${esc(title)}</h1></header>
<main>
${sections.join('\n')}
</main>`;
  return htmlPage({ title, generator: `lcff-rules ${version}`, body });
}
