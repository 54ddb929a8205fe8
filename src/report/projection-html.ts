/**
 * `lcff project --html <file>`: the projection as one standalone page (no
 * scripts, no network; every text escaped), built from the report's HTML
 * blocks (src/report/html/): the years side by side — credits, rolling UPP,
 * district rates, transfers, the COE's entitlement by component, the
 * county's totals — every figure of a projected year marked (`*`, and
 * shaded), the assumptions and how the law was extended listed, the
 * provenance in the header and at the end.
 */
import type { ProjectionLea, ProjectionResult } from '../project/result.js';
import type { Provenance } from '../run/result.js';
import type { Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';
import { pageHeader, provenanceSection } from './html/header.js';
import { esc, section, table, type Cell } from './html/markup.js';
import { htmlPage } from './html/page.js';
import { Words } from './html/words.js';
import { assumptionsText, PROJECTED_MARK } from './projection-tables.js';
import { ASSUMPTION_KINDS } from '../scenario/model.js';
import { dec, grouped, percentText } from '../runtime/money.js';
import { userSuppliedLine } from './user-supplied.js';

export interface ProjectionHtmlInput {
  result: ProjectionResult & { provenance: Provenance };
  scenario: Scenario;
  lib: Library;
  /** The scenario path as the user gave it. */
  source: string;
}

type Year = { fiscal_year: string; projected: boolean };

/** A figure of one year: a projected one is marked `*` and shaded (class `projected`). */
function fig(text: string, y: { projected: boolean }): Cell {
  return y.projected ? { n: `${text}${PROJECTED_MARK}`, cls: 'projected' } : { n: text };
}

const money = (s: string): string => `$${grouped(dec(s), 2)}`;
const ada = (s: string): string => grouped(dec(s), 2);
const count = (n: number): string => grouped(dec(n), 0);
const pct = (s: string): string => percentText(dec(s), 2);

function head(first: string[], years: Year[]): string[] {
  return [...first, ...years.map((y) => (y.projected ? `${y.fiscal_year} (projected)` : y.fiscal_year))];
}

/** Rows of one LEA measure: one figure per year, the row left out when the LEA has none. */
function leaRows(leas: ProjectionLea[], measures: Array<[string, (y: ProjectionLea['years'][number]) => string | undefined]>): Cell[][] {
  const rows: Cell[][] = [];
  for (const l of leas) {
    for (const [label, f] of measures) {
      const cells = l.years.map((y) => {
        const v = f(y);
        return v === undefined ? '' : fig(v, y);
      });
      if (cells.some((c) => c !== '')) rows.push([`${l.name} (${l.cds})`, label, ...cells]);
    }
  }
  return rows;
}

function assumptions(r: ProjectionResult, words: Words): string {
  const p = r.projection;
  const rows: Cell[][] = ASSUMPTION_KINDS.flatMap((k) => p.assumptions[k].map((a): Cell[] => [k, a.fiscal_year, { n: a.value }]));
  const legend = `<p class="legend"><span class="mark">${esc(PROJECTED_MARK)}</span> projected: a figure of a year after the scenario's (${esc(p.scenario_year)}), computed from the scenario rolled forward (ADA ${esc(p.rounding.ada)}, counts ${esc(p.rounding.counts)}) and, past ${esc(p.library_last_year)} (the library's last year of enacted law), from the law extended by the assumed COLA — not reported data, not enacted law.</p>`;
  const source = `<p>Assumptions${p.assumptions.source ? ` (${esc(p.assumptions.source)})` : ''}: ${esc(assumptionsText(p.assumptions))}</p>`;
  const supplied = userSuppliedLine(r.user_supplied);
  const body = `${legend}${source}${rows.length ? table(['assumption', 'fiscal year', 'value'], rows) : ''}${supplied ? `<p class="user-supplied">${esc(supplied)}</p>` : ''}<p>${esc(`Not carried into projected years: ${p.not_carried.join('; ')}.`)}</p>`;
  return `<div class="banner warn" role="note">${section('assumptions', words.optional('section', 'assumptions') ?? 'Projected figures and the assumptions', undefined, body)}</div>`;
}

function law(r: ProjectionResult): string {
  const p = r.projection;
  if (!p.years.some((y) => y.law === 'projected')) return '';
  const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  const lawYears = p.years.map((y) => ({ fiscal_year: y.fiscal_year, projected: y.law === 'projected' }));
  const rows = p.law.map((row): Cell[] => [row.member ? `${row.parameter} ${row.member}` : row.parameter, ...row.years.map((y) => fig(y.value, y))]);
  const body = `<p>${esc(`Past ${p.library_last_year}: ${p.cola_parameters.join(', ')} take the COLA assumed; derived as the library derives ${p.library_last_year} (prior year × (1 + COLA), rounded as it rounds):`)}</p>${list(p.derived.map((d) => `${d.parameter} (${d.steps.join(', ')}${d.round ? `; ${d.round}` : ''})`))}${table(head(['parameter'], lawYears), rows)}<details><summary>${esc(`Carried forward unchanged (${p.carried_forward.length})`)}</summary>${list(p.carried_forward.map((c) => `${c.parameter} = ${c.value} (${c.from})`))}</details>`;
  return section('law', 'The law the projection moves', undefined, body);
}

export function renderProjectionHtml(input: ProjectionHtmlInput): string {
  const r = input.result;
  const p = r.projection;
  const years: Year[] = p.years;
  const words = new Words(input.lib, input);
  const last = years[years.length - 1].fiscal_year;
  const title = `Multi-year projection — ${r.county.name}, ${p.scenario_year} to ${last}`;
  const about: Array<[string, string]> = [
    [words.label('provenance', 'county'), `${r.county.name} (${r.county.code})`],
    [words.label('provenance', 'scenario'), input.source],
    ['Years', years.map((y) => (y.projected ? `${y.fiscal_year} (projected)` : y.fiscal_year)).join(', ')],
  ];
  const districts = r.leas.filter((l) => l.kind === 'district');
  const spans = [...new Set(districts.flatMap((l) => l.years.flatMap((y) => Object.keys(y.rates ?? {}))))];
  const coe = r.coe_entitlement;
  const sections = [
    assumptions(r, words),
    section('credits', 'Credits after county-program adjustments', undefined, table(head(['LEA', 'measure'], years), leaRows(r.leas, [
      ['ADA', (y) => ada(y.ada)],
      ['enrollment', (y) => count(y.enrollment)],
      ['unduplicated', (y) => count(y.unduplicated)],
    ]), undefined, 'wide')),
    section('upp', 'Rolling UPP', undefined, table(head(['LEA', 'measure'], years), leaRows(r.leas, [['UPP rolling', (y) => pct(y.upp_rolling)]]))),
    section('rates', 'District rates per ADA', undefined, table(head(['LEA', 'grade span: rate'], years), leaRows(districts, spans.flatMap((span) => (['base', 'supplemental', 'concentration', 'total'] as const).map((part): [string, (y: ProjectionLea['years'][number]) => string | undefined] => [`${words.member('grade_span', span)}: ${part}`, (y) => (y.rates?.[span] ? money(y.rates[span][part]) : undefined)]))), undefined, 'wide')),
    section('transfers', 'Transfers (EC 2576)', undefined, table(head(['LEA', 'measure'], years), leaRows(r.leas, [
      ['paid', (y) => (y.transfers_out !== undefined ? money(y.transfers_out) : undefined)],
      ['received', (y) => (y.transfers_in !== undefined ? money(y.transfers_in) : undefined)],
    ]))),
    section('coe-entitlement', words.section('coe_entitlement'), undefined, table(head(['component'], years), coe.components.map((c): Cell[] => [c.name, ...c.years.map((y) => fig(y.computed ? money(y.amount) : words.label('entitlement', 'not_computed'), y))]), [`${words.label('unconfirmed', 'total')}`, ...coe.totals.map((t) => fig(`${money(t.total)}${t.complete ? '' : ` (${words.label('entitlement', 'incomplete')})`}`, t))])),
    section('totals', 'County totals', undefined, table(head(['county'], years), [
      ['ADA', ...r.totals.map((t) => fig(ada(t.ada), t))],
      ['transfers (EC 2576)', ...r.totals.map((t) => fig(money(t.transfers), t))],
      ['COE entitlement', ...r.totals.map((t) => fig(money(t.coe_entitlement), t))],
      ['findings: errors / warnings / info', ...r.totals.map((t) => fig(`${t.findings.error} / ${t.findings.warning} / ${t.findings.info}`, t))],
    ])),
    law(r),
    r.unconfirmed.length ? section('unconfirmed', words.section('unconfirmed'), 'Unconfirmed values and rules any year relied on (every projected value is unconfirmed).', `<ul>${r.unconfirmed.map((u) => `<li><code>${esc(u)}</code></li>`).join('')}</ul>`) : '',
    provenanceSection(about, r.provenance, words, [['Library extended past', p.library_last_year]]),
  ].filter((s) => s !== '');
  const body = `${pageHeader(title, about, r.provenance, words)}
<main>
${sections.join('\n')}
</main>`;
  return htmlPage({ title, generator: `${r.provenance.package.name} ${r.provenance.package.version}`, libraryHash: r.provenance.library.hash, body });
}
