/** The money sections of the report: totals at a glance, credits by LEA, transfers, SACS entries, the AEG, the COE entitlement, prior-year corrections. */
import { dec, grouped, sum, type Dec } from '../../runtime/money.js';
import type { RunResult } from '../../run/result.js';
import { ada, count, esc, money, moneyText, pctText, percent, section, table, type Cell } from './markup.js';
import type { Words } from './words.js';

const note = (words: Words, key: string): string | undefined => words.optional('section_note', key);

function paidBy(r: RunResult, cds: string): Dec {
  return sum(r.transfers.filter((t) => t.from === cds).map((t) => dec(t.amount)));
}
function receivedBy(r: RunResult, cds: string): Dec {
  return sum(r.transfers.filter((t) => t.to === cds).map((t) => dec(t.amount)));
}

/** The figures a CFO looks for first. */
export function summary(r: RunResult, words: Words): string {
  const bySeverity = (sev: string): string => `${words.label('severity', sev)}: ${r.findings.filter((f) => f.severity === sev).length}`;
  const items: Array<[string, string]> = [
    [words.section('aeg'), r.aeg.known ? moneyText(r.aeg.total) : r.aeg.note],
    [words.section('transfers'), moneyText(sum(r.transfers.map((t) => dec(t.amount))))],
    [words.column('ada'), grouped(dec(r.conservation.ada_in), 2)],
    [words.section('findings'), ['error', 'warning', 'info'].map(bySeverity).join(' · ')],
  ];
  return section('summary', words.section('summary'), undefined, `<dl class="tiles">${items.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`);
}

export function credits(r: RunResult, words: Words): string {
  const c = (k: string): string => words.column(k);
  const head = [c('lea'), c('kind'), c('ada_before'), c('ada_after'), c('enrollment_before'), c('enrollment_after'), c('unduplicated_before'), c('unduplicated_after'), c('rolling_before'), c('rolling_after'), c('paid'), c('received')];
  const rows: Cell[][] = r.leas.map((l) => [
    `${l.name} (${l.cds})`,
    words.label('lea_kind', l.kind),
    ada(l.ada.before),
    ada(l.ada.after),
    count(l.enrollment.before),
    count(l.enrollment.after),
    count(l.unduplicated.before),
    count(l.unduplicated.after),
    percent(l.upp.rolling_before),
    percent(l.upp.rolling_after),
    money(paidBy(r, l.cds)),
    money(receivedBy(r, l.cds)),
  ]);
  const totals: Cell[] = [
    words.label('unconfirmed', 'total'),
    '',
    ada(sum(r.leas.map((l) => dec(l.ada.before)))),
    ada(sum(r.leas.map((l) => dec(l.ada.after)))),
    count(r.leas.reduce((a, l) => a + l.enrollment.before, 0)),
    count(r.leas.reduce((a, l) => a + l.enrollment.after, 0)),
    count(r.leas.reduce((a, l) => a + l.unduplicated.before, 0)),
    count(r.leas.reduce((a, l) => a + l.unduplicated.after, 0)),
    '',
    '',
    money(sum(r.transfers.map((t) => dec(t.amount)))),
    money(sum(r.transfers.map((t) => dec(t.amount)))),
  ];
  const window = r.leas[0] ? ` ${words.column('window_years')}: ${r.leas[0].upp.window_years}.` : '';
  return section('credits', words.section('credits'), `${note(words, 'credits') ?? ''}${window}`, table(head, rows, totals, 'wide'));
}

export function transfers(r: RunResult, words: Words): string {
  const c = (k: string): string => words.column(k);
  if (r.transfers.length === 0) return section('transfers', words.section('transfers'), note(words, 'transfers'), `<p>${words.label('flow', 'no_transfer')}</p>`);
  const rows: Cell[][] = r.transfers.map((t) => [words.lea(t.from), words.lea(t.to), words.member('grade_span', t.grade_span), ada(t.ada), money(t.rate_per_ada), money(t.amount), words.member('transfer_basis', t.basis), t.cite]);
  const totals: Cell[] = [words.label('unconfirmed', 'total'), '', '', ada(sum(r.transfers.map((t) => dec(t.ada)))), '', money(sum(r.transfers.map((t) => dec(t.amount)))), '', ''];
  return section('transfers', words.section('transfers'), note(words, 'transfers'), table([c('from'), c('to'), c('grade_span'), c('ada'), c('rate_per_ada'), c('amount'), c('basis'), c('citation')], rows, totals));
}

export function accounting(r: RunResult, words: Words): string {
  if (r.accounting.length === 0) return '';
  const c = (k: string): string => words.column(k);
  const rows: Cell[][] = r.accounting.map((a) => [words.lea(a.lea), words.label('side', a.side), a.goal ?? '', a.object, money(a.amount), words.lea(a.counterparty), a.cite]);
  const paid = sum(r.accounting.filter((a) => a.side === 'payer').map((a) => dec(a.amount)));
  const totals: Cell[] = [`${words.label('unconfirmed', 'total')} (${words.label('side', 'payer')})`, '', '', '', money(paid), '', ''];
  return section('accounting', words.section('accounting'), note(words, 'accounting'), table([c('lea'), c('side'), c('goal'), c('object'), c('amount'), c('counterparty'), c('citation')], rows, totals));
}

export function aeg(r: RunResult, words: Words): string {
  const a = r.aeg;
  const c = (k: string): string => words.column(k);
  const body = a.known
    ? table(
        [c('component'), c('amount')],
        [
          [words.label('aeg_part', 'base'), money(a.base)],
          [words.label('aeg_part', 'supplemental'), money(a.supplemental)],
          [words.label('aeg_part', 'concentration'), money(a.concentration)],
        ],
        [words.label('unconfirmed', 'total'), money(a.total)],
      )
    : '';
  const facts = `<p>${esc(words.column('ada'))}: ${esc(grouped(dec(a.ada), 2))} · UPP: ${esc(pctText(a.upp))}. ${esc(a.note)} <span class="cite">(${esc(a.cite)})</span></p>`;
  return section('aeg', words.section('aeg'), note(words, 'aeg'), `${facts}${body}`);
}

/** The COE's LCFF entitlement: each component with its inputs, rate, citation and amount, the total, what is missing and what is not modelled. */
export function coeEntitlement(r: RunResult, words: Words): string {
  const e = r.coe_entitlement;
  const c = (k: string): string => words.column(k);
  const rows: Cell[][] = e.components.map((x) => [x.name, x.computed ? money(x.amount) : words.label('entitlement', 'not_computed'), x.inputs, x.rate, x.note, x.cite]);
  const total = `${words.label('unconfirmed', 'total')}${e.complete ? '' : ` (${words.label('entitlement', 'incomplete')})`}`;
  const body = table([c('component'), c('amount'), c('inputs'), c('rate'), c('note'), c('citation')], rows, [total, money(e.total), '', '', '', ''], 'wide');
  const list = (title: string, items: string[]): string => (items.length ? `<p>${esc(title)}:</p><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');
  const missing = list(words.label('entitlement', 'missing'), e.missing);
  const notModelled = list(words.label('entitlement', 'not_modelled'), e.not_modelled.map((n) => `${n.item} (${n.cite}): ${n.reason}`));
  return section('coe-entitlement', words.section('coe_entitlement'), note(words, 'coe_entitlement'), `${body}${missing}${notModelled}`);
}

export function priorYear(r: RunResult, words: Words): string {
  if (r.prior_year_adjustments.length === 0) return '';
  const rows: Cell[][] = r.prior_year_adjustments.map((p) => [words.lea(p.district), p.fiscal_year, p.applied_in, count(p.enrollment_change), count(p.unduplicated_change), p.applies ? '✓' : '—', p.affects, p.cite]);
  return section('prior-year', words.section('prior_year'), note(words, 'prior_year'), table(['lea', 'for_year', 'applied_in', 'enrollment_change', 'unduplicated_change', 'applies', 'affects', 'citation'].map((k) => words.column(k)), rows));
}
