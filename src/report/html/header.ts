/** The report's header (county, year, scenario, version, rule library, when it ran) and its provenance section. */
import { formatFiscalYear } from '../../core/fiscal-year.js';
import type { HtmlInput } from './input.js';
import { esc, section } from './markup.js';
import type { Words } from './words.js';

function facts(input: HtmlInput, words: Words): Array<[string, string]> {
  const r = input.result;
  const lib = input.lib;
  const p = (k: string): string => words.label('provenance', k);
  return [
    [p('county'), `${r.county.name} (${r.county.code})`],
    [p('fiscal_year'), r.fiscal_year],
    [p('scenario'), input.source],
    [p('rule_library'), `${input.rulesPath}${lib.manifest ? ` — ${lib.manifest.name}` : ''}`],
    [p('library_years'), `${formatFiscalYear(lib.horizon.first)} – ${formatFiscalYear(lib.horizon.last)}`],
    [p('version'), input.version],
    [p('ran_at'), input.ranAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')],
  ];
}

export function header(input: HtmlInput, words: Words, title: string): string {
  const dl = facts(input, words).map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('');
  return `<header><h1>${esc(title)}</h1><dl class="meta">${dl}</dl></header>`;
}

export function provenance(input: HtmlInput, words: Words): string {
  const r = input.result;
  const c = r.conservation;
  const p = (k: string): string => words.label('provenance', k);
  const rows: Array<[string, string]> = [
    ...facts(input, words),
    [p('evaluator'), input.evaluator],
    [p('calpads'), `${r.calpads.file} ${r.calpads.transfer_code_field}, ${r.calpads.residence_field} (${r.calpads.cite})`],
    [p('conservation'), `ADA ${c.ada_in} = ${c.ada_out}; ${c.enrollment_in} = ${c.enrollment_out}; ${c.upc_in} = ${c.upc_out}; ${c.transfers_net}`],
  ];
  return section('provenance', words.section('provenance'), words.optional('section_note', 'provenance'), `<dl class="prov">${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`);
}
