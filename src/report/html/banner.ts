/**
 * The banner at the top of the report: the unconfirmed values of the rule
 * library this run relied on, and the values the user supplied in the
 * scenario (options, agreements with districts) — each with what it affects.
 */
import { parseFiscalYear } from '../../core/fiscal-year.js';
import { formatParamValue } from '../../params/index.js';
import { optionDescription } from '../../scenario/schema.js';
import { describeUnconfirmed } from '../unconfirmed-values.js';
import { affected, reach, sectionHeadline, usersOf } from './affects.js';
import type { HtmlInput } from './input.js';
import { esc, moneyText } from './markup.js';
import type { Words } from './words.js';

const list = (items: string[]): string => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');

/** A parameter's value in force with the members of its breakdown named as the rules label them ("g9_12: 9329" → "Grades 9 through 12: 9329"). */
function valueText(input: HtmlInput, name: string, year: number, words: Words): string {
  const p = input.lib.params.get(name);
  const rv = p ? input.lib.params.valueInForce(name, year) : undefined;
  if (p?.by && rv && rv.value instanceof Map) return [...rv.value].map(([k, v]) => `${words.member(p.by!, k)}: ${formatParamValue(p.unit, v)}`).join('; ');
  return describeUnconfirmed(input.lib, name, year).value;
}

/** A parameter's description, or the doc comment of a formula or rule. */
function meaning(input: HtmlInput, name: string): string {
  const lib = input.lib;
  const p = lib.params.get(name);
  if (p) return p.description;
  const key = lib.formulas.has(name) ? `formula:${name}` : `rule:${name}`;
  return lib.definitions.find((d) => d.key === key)?.doc ?? '';
}

function unconfirmed(input: HtmlInput, words: Words): string {
  const r = input.result;
  if (r.unconfirmed.length === 0) return '';
  const year = parseFiscalYear(r.fiscal_year) ?? input.scenario.fiscal_year;
  const users = usersOf(input.lib);
  // what each affects, and for each figure affected, how many unconfirmed values it relies on
  const reliance = new Map<string, number>();
  const rows = r.unconfirmed.map((name) => {
    const d = describeUnconfirmed(input.lib, name, year);
    const kind = words.label('unconfirmed', d.kind.split(' ')[0]);
    const what = meaning(input, name);
    const effects = affected(r, reach(input.lib, users, name), words);
    for (const e of effects) reliance.set(e.section, (reliance.get(e.section) ?? 0) + 1);
    return `<tr><td><b>${esc(what || name)}</b><br><span class="id">${esc(kind)} <code>${esc(name)}</code>${d.years ? ` · ${esc(d.years)}` : ''}</span></td><td class="v">${esc(valueText(input, name, year, words))}</td><td>${esc(d.note)}${d.cite ? ` <span class="cite">(${esc(d.cite)})</span>` : ''}</td><td>${list(effects.map((e) => e.text)) || '—'}</td></tr>`;
  });
  const head = ['name', 'value', 'why', 'affects'].map((k) => `<th scope="col">${esc(words.column(k))}</th>`).join('');
  const summary = [...reliance].sort((a, b) => b[1] - a[1]).map(([section, n]) => `<li><b>${esc(sectionHeadline(r, section, words))}</b> — ${esc(words.label('unconfirmed', 'relies_on'))}: ${n}</li>`).join('');
  return `<div class="banner warn" role="note"><h2>${esc(words.section('unconfirmed'))} (${r.unconfirmed.length})</h2><p>${esc(words.label('section_note', 'unconfirmed'))}</p>${summary ? `<ul class="reliance">${summary}</ul>` : ''}
<details><summary>${esc(words.label('unconfirmed', 'list'))} (${r.unconfirmed.length})</summary><table class="unconfirmed"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></details></div>`;
}

function userSupplied(input: HtmlInput, words: Words): string {
  const s = input.scenario;
  const rows: string[] = [];
  for (const [name, value] of s.options) {
    rows.push(`<tr><td>${esc(words.label('user_supplied', 'option'))} <code>${esc(name)}</code></td><td>${esc(value)}</td><td>${esc(optionDescription(name))}</td></tr>`);
  }
  for (const a of s.agreements) {
    const parts: string[] = [];
    if (a.alternative_rate_per_ada !== undefined) parts.push(`${words.label('user_supplied', 'alternative_rate')} ${moneyText(a.alternative_rate_per_ada)}`);
    parts.push(words.label('user_supplied', a.district_concurred ? 'concurred' : 'not_concurred'));
    if (a.transfer_agreed) parts.push(words.label('user_supplied', 'transfer_agreed'));
    const lines = input.result.transfers.filter((t) => t.from === a.district);
    const effect = lines.length ? `${words.section('transfers')}: ${lines.map((t) => `${words.member('grade_span', t.grade_span)} ${moneyText(t.amount)} — ${words.member('transfer_basis', t.basis)}`).join('; ')}` : '';
    rows.push(`<tr><td>${esc(words.label('user_supplied', 'agreement'))}: ${esc(words.lea(a.district))}</td><td>${esc(parts.join('; '))}</td><td>${esc(effect)}</td></tr>`);
  }
  if (rows.length === 0) return '';
  const head = ['name', 'value', 'affects'].map((k) => `<th scope="col">${esc(words.column(k))}</th>`).join('');
  return `<div class="banner user" role="note"><h2>${esc(words.section('user_supplied'))} (${rows.length})</h2><p>${esc(words.label('section_note', 'user_supplied'))}</p><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

export function banner(input: HtmlInput, words: Words): string {
  return `${unconfirmed(input, words)}${userSupplied(input, words)}`;
}
