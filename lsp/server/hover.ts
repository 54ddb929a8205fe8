/**
 * Hover: a parameter's value in each fiscal year with its citation and status
 * (unconfirmed values marked); a rule's or formula's citation, effective years
 * and doc comment; a fact's type and unit; the declaration of anything else.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { formatFiscalYear, formatRange } from '../../src/core/fiscal-year.js';
import { formatUnitValue, type ParamUnit, type ParamValue } from '../../src/params/index.js';
import type { Library } from '../../src/semantics/library.js';
import { typeText } from '../../src/semantics/types.js';
import type { Citation, Effective, Status } from '../../src/syntax/ast.js';
import { locate, type ServerContext } from './context.js';
import { groupThousands, toRange } from './positions.js';
import { citeHover } from './cite-hover.js';
import { yamlHover } from './yaml-params.js';
import { safe } from './safe.js';

const UNIT_WORDS: Record<string, string> = {
  Money: 'dollars',
  Rate: 'dollars per ADA',
  Percent: 'a fraction (20% is 0.20)',
  ADA: 'average daily attendance',
  Count: 'a whole count',
  Number: 'a dimensionless number',
  Bool: 'true or false',
  Text: 'text',
  FiscalYear: 'a fiscal year (2019-20)',
};

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatValue(unit: ParamUnit, value: ParamValue, text?: string): string {
  const one = (v: Parameters<typeof formatUnitValue>[1]): string => (unit === 'USD' || unit === 'USD/ADA' ? groupThousands(v.toString()) : formatUnitValue(unit, v));
  if (value instanceof Map) return [...value].map(([k, v]) => `${one(v)} (${k})`).join(', ');
  return unit === 'number' && text ? text : one(value);
}

/** Markdown for a parameter: description, unit, and a row per fiscal-year entry. */
export function paramMarkdown(lib: Library, name: string): string | undefined {
  const p = lib.params.get(name);
  if (!p) return undefined;
  const out = [`**parameter** \`${p.name}\` · ${p.unit}${p.by ? ` by ${p.by}` : ''}`, '', p.description];
  if (p.cite) out.push('', `Cite: ${p.cite}`);
  const rows = lib.params.entries(name).map((rv) => ({
    year: rv.year,
    cells: [formatFiscalYear(rv.year), formatValue(rv.unit, rv.value, rv.text), rv.status === 'unconfirmed' ? '⚠ unconfirmed' : 'confirmed', esc(rv.cite)],
  }));
  for (const y of lib.params.unknownFrom(name)) rows.push({ year: y, cells: [formatFiscalYear(y), 'unknown (no value in force)', '⚠ unconfirmed', ''] });
  rows.sort((a, b) => a.year - b.year);
  if (rows.length) {
    out.push('', '| fiscal year | value | status | citation |', '|---|---|---|---|', ...rows.map((r) => `| ${r.cells.join(' | ')} |`));
  } else out.push('', '_No value resolved (see the diagnostics of its file)._');
  return out.join('\n');
}

function clauses(cites: Citation[], effective?: Effective, status?: Status): string[] {
  const out: string[] = [];
  out.push(`Cite: ${cites.length ? cites.map((c) => c.text).join('; ') : '_none_'}`);
  out.push(`Effective: ${effective ? formatRange(effective.years) : 'every year'}`);
  if (status?.value === 'unconfirmed') out.push(`⚠ unconfirmed${status.note ? `: ${status.note}` : ''}`);
  return out;
}

function keyMarkdown(lib: Library, key: string, index: ServerContext['index']): string | undefined {
  const kind = key.slice(0, key.indexOf(':'));
  const rest = key.slice(kind.length + 1);
  if (kind === 'param') return paramMarkdown(lib, rest);
  if (kind === 'formula') {
    const versions = lib.formulas.get(rest) ?? [];
    if (!versions.length) return undefined;
    const def = index.definitions(key)[0];
    const out = [`\`\`\`lcff\n${def?.detail ?? `formula ${rest}`}\n\`\`\``];
    for (const { decl } of versions) {
      if (decl.doc) out.push('', decl.doc);
      out.push('', ...clauses(decl.cites, decl.effective, decl.status).map((l) => `- ${l}`));
    }
    return out.join('\n');
  }
  if (kind === 'rule') {
    const dot = rest.indexOf('.');
    const decision = lib.decisions.get(rest.slice(0, dot));
    const versions = decision?.decl.rules.filter((r) => r.name.text === rest.slice(dot + 1)) ?? [];
    if (!versions.length) return undefined;
    const out = [`**${versions[0].otherwise ? 'otherwise rule' : 'rule'}** \`${rest.slice(dot + 1)}\` of decision \`${rest.slice(0, dot)}\``];
    for (const r of versions) {
      if (r.doc) out.push('', r.doc);
      out.push('', ...clauses(r.cites, r.effective, r.status).map((l) => `- ${l}`));
    }
    return out.join('\n');
  }
  if (kind === 'fact') {
    const dot = rest.indexOf('.');
    const info = lib.factGroups.get(rest.slice(0, dot))?.get(rest.slice(dot + 1));
    if (!info) return undefined;
    const t = info.type;
    const unit = t.k === 'scalar' ? UNIT_WORDS[t.name] : t.k === 'enum' ? `one member of enum ${t.name}` : t.k === 'list' ? `members of enum ${typeText(t.element)}` : 'unknown';
    const out = [`**fact** \`${rest}\` : \`${typeText(t)}\`${info.field.optional ? ' (optional: test with `is present` / `is missing`)' : ''}`, '', `Unit: ${unit}`];
    if (info.field.doc) out.push('', info.field.doc);
    if (info.field.label) out.push('', info.field.label);
    return out.join('\n');
  }
  const def = index.definitions(key)[0];
  if (!def) return undefined;
  return [`\`\`\`lcff\n${def.detail}\n\`\`\``, ...(def.doc ? ['', def.doc] : [])].join('\n');
}

export function hoverAt(ctx: ServerContext, uri: string, position: { line: number; character: number }): Hover | null {
  const at = locate(ctx, uri, position);
  if (!at) return null;
  const lib = ctx.index.library();
  const cite = citeHover(lib, at.file, at.offset);
  if (cite) return cite;
  if (!at.file.endsWith('.lcff')) return yamlHover(ctx, lib, at.file, at.offset);
  const occ = ctx.index.occurrenceAt(at.file, at.offset);
  if (!occ) return null;
  const value = keyMarkdown(lib, occ.key, ctx.index);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: toRange(occ.range) } : null;
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(safe(ctx, 'hover', null, (p) => hoverAt(ctx, p.textDocument.uri, p.position)));
}
