/** The report's header (county, year, scenario and the run's provenance in brief) and its provenance section. */
import { provenanceFacts, type ProvenanceFact } from '../provenance.js';
import type { Provenance } from '../../run/result.js';
import type { HtmlInput } from './input.js';
import { esc, section } from './markup.js';
import type { Words } from './words.js';

/** The header shows these facts of the provenance; the closing section shows them all. */
const IN_HEADER = new Set(['rule_library', 'library_hash', 'library_years', 'reform', 'overrides', 'version', 'ran_at']);

function scenarioFacts(input: HtmlInput, words: Words): Array<[string, string]> {
  const r = input.result;
  const p = (k: string): string => words.label('provenance', k);
  return [
    [p('county'), `${r.county.name} (${r.county.code})`],
    [p('fiscal_year'), r.fiscal_year],
    [p('scenario'), input.source],
  ];
}

/** A provenance fact under the rules' label when labels.yaml has one, else its own. */
function labelled(f: ProvenanceFact, words: Words): [string, string] {
  return [words.optional('provenance', f.key) ?? f.label, f.value];
}

function list(cls: string, rows: Array<[string, string]>): string {
  return `<dl class="${cls}">${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`;
}

/** A page's header: its title, what it is about, the provenance in brief (the run's report, a projection). */
export function pageHeader(title: string, about: Array<[string, string]>, p: Provenance, words: Words): string {
  const prov = provenanceFacts(p).filter((f) => IN_HEADER.has(f.key)).map((f) => labelled(f, words));
  return `<header><h1>${esc(title)}</h1>${list('meta', [...about, ...prov])}</header>`;
}

/** A page's closing provenance section: what it is about, every fact of the provenance, then what the page adds. */
export function provenanceSection(about: Array<[string, string]>, p: Provenance, words: Words, after: Array<[string, string]> = []): string {
  const rows = [...about, ...provenanceFacts(p).map((f) => labelled(f, words)), ...after];
  return section('provenance', words.section('provenance'), words.optional('section_note', 'provenance'), list('prov', rows));
}

export function header(input: HtmlInput, words: Words, title: string): string {
  return pageHeader(title, scenarioFacts(input, words), input.result.provenance, words);
}

export function provenance(input: HtmlInput, words: Words): string {
  const r = input.result;
  const c = r.conservation;
  const p = (k: string): string => words.label('provenance', k);
  return provenanceSection(scenarioFacts(input, words), r.provenance, words, [
    [p('calpads'), `${r.calpads.file} ${r.calpads.transfer_code_field}, ${r.calpads.residence_field} (${r.calpads.cite})`],
    [p('conservation'), `ADA ${c.ada_in} = ${c.ada_out}; ${c.enrollment_in} = ${c.enrollment_out}; ${c.upc_in} = ${c.upc_out}; ${c.transfers_net}`],
  ]);
}
