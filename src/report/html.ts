/** `--html`: a standalone report a fiscal analyst can open — per-LEA tables and the funding flow. */
import escape from 'escape-html';
import { dec, grouped, percentText } from '../runtime/money.js';
import type { RunResult } from '../run/result.js';
import { flowSvg } from './flow-svg.js';
import { userSuppliedLine } from './user-supplied.js';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f3f3f3}.error{color:#b00020}.warning{color:#8a5a00}.note{color:#555}
svg{max-width:100%;font:12px system-ui,sans-serif}svg rect{fill:#f7f9fc;stroke:#567}svg .coe rect{fill:#eef6ee}svg .charter rect{fill:#fdf6e8}
svg .title{font-weight:bold}svg line{stroke:#567;stroke-width:1.5}svg .money line{stroke:#1b6e20;stroke-width:2.5}svg .small{font-size:11px}`;

type Cell = string | { n: string };

function table(head: string[], rows: Cell[][]): string {
  const cell = (c: Cell): string => (typeof c === 'string' ? `<td>${escape(c)}</td>` : `<td class="n">${escape(c.n)}</td>`);
  return `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

const money = (s: string): Cell => ({ n: grouped(dec(s), 2) });
const pct = (s: string): string => percentText(dec(s), 2);

export function renderHtml(r: RunResult, source: string): string {
  const sections: string[] = [];
  sections.push(`<h2>Funding flow</h2>${flowSvg(r)}`);
  sections.push(
    `<h2>Credits by LEA (before → after county-program adjustments)</h2>${table(
      ['LEA', 'kind', 'ADA before', 'ADA after', 'enrollment', 'UPC', 'UPP', `UPP rolling`],
      r.leas.map((l) => [`${l.cds} ${l.name}`, l.kind, money(l.ada.before), money(l.ada.after), `${l.enrollment.before} → ${l.enrollment.after}`, `${l.unduplicated.before} → ${l.unduplicated.after}`, `${pct(l.upp.before)} → ${pct(l.upp.after)}`, `${pct(l.upp.rolling_before)} → ${pct(l.upp.rolling_after)} (${l.upp.window_years} y)`]),
    )}`,
  );
  sections.push(
    `<h2>Transfers of funds (EC 2576)</h2>${
      r.transfers.length === 0
        ? '<p>None: no District Funded County Program ADA.</p>'
        : table(['from', 'to', 'span', 'ADA', 'rate per ADA', 'amount', 'basis', 'why', 'citation'], r.transfers.map((t) => [t.from, t.to, t.grade_span, { n: t.ada }, money(t.rate_per_ada), money(t.amount), t.basis, t.reason, t.cite]))
    }`,
  );
  sections.push(
    `<h2>Alternative Education Grant</h2><p>${escape(r.aeg.ada)} ADA at UPP ${escape(pct(r.aeg.upp))}: ${
      r.aeg.known ? `base ${escape(grouped(dec(r.aeg.base), 2))} + supplemental ${escape(grouped(dec(r.aeg.supplemental), 2))} + concentration ${escape(grouped(dec(r.aeg.concentration), 2))} = <b>${escape(grouped(dec(r.aeg.total), 2))}</b>` : escape(r.aeg.note)
    } <span class="note">(${escape(r.aeg.cite)})</span></p>`,
  );
  if (r.accounting.length > 0) sections.push(`<h2>Accounting entries (SACS)</h2>${table(['LEA', 'side', 'goal', 'object', 'amount', 'paid to / received from', 'citation'], r.accounting.map((a) => [a.lea, a.side, a.goal ?? '', a.object, money(a.amount), a.counterparty, a.cite]))}`);
  sections.push(
    `<h2>Findings (${r.findings.length})</h2>${
      r.findings.length === 0
        ? '<p>None.</p>'
        : `<table><thead><tr><th>severity</th><th>code</th><th>subject</th><th>finding</th><th>citation</th></tr></thead><tbody>${r.findings
            .map((f) => `<tr class="${escape(f.severity)}"><td>${escape(f.severity)}</td><td>${escape(f.code)}</td><td>${escape(f.subject)}</td><td>${escape(f.message)}</td><td>${escape(f.cite)}</td></tr>`)
            .join('')}</tbody></table>`
    }`,
  );
  sections.push(`<h2>Students</h2>${table(['id', 'category', 'credited to', 'ADA', 'census day', 'expected transfer codes', 'rule'], r.students.map((s) => [s.id, s.category, s.credited_to, { n: s.ada }, s.census_day ? 'yes' : 'no', s.expected_transfer_codes.join(', ') || '—', `${s.rule} (${s.cite})`]))}`);
  const c = r.conservation;
  const footer = `<p class="note">Conservation: ADA ${escape(c.ada_in)} in = ${escape(c.ada_out)} out; enrollment ${c.enrollment_in} = ${c.enrollment_out}; UPC ${c.upc_in} = ${c.upc_out}; transfers net ${escape(c.transfers_net)}. CALPADS: transfer code in ${escape(r.calpads.file)} field ${escape(r.calpads.transfer_code_field)}, residence in field ${escape(r.calpads.residence_field)}.</p>${
    r.unconfirmed.length > 0 ? `<p class="warning">Unconfirmed values and rules used — double-check these dollars: ${escape(r.unconfirmed.join(', '))}</p>` : ''
  }`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(`LCFF county programs — ${r.county.name} ${r.fiscal_year}`)}</title><style>${STYLE}</style></head>
<body><h1>${escape(`LCFF county programs — ${r.county.name} County, fiscal year ${r.fiscal_year}`)}</h1><p class="note">${escape(source)} · lcff-rules</p>${userSuppliedLine(r.user_supplied) ? `<p class="warning user-supplied">${escape(userSuppliedLine(r.user_supplied)!)}</p>` : ''}
${sections.join('\n')}
${footer}
</body></html>
`;
}
