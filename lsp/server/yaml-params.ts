/**
 * Parameter YAML files: diagnostics come from the same library build as the
 * rule files (the parameter loader and resolver's codes); hover shows a
 * parameter's table on its name, one entry's resolved value on a fiscal-year
 * key, and the referenced parameter on a name in `derive.grow_by`.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { formatFiscalYear } from '../../src/core/fiscal-year.js';
import type { Library } from '../../src/semantics/library.js';
import type { ServerContext } from './context.js';
import { formatValue, paramMarkdown } from './hover.js';
import { containsOffset, toRange } from './positions.js';

function wordRange(text: string, offset: number): { word: string; start: number; end: number } {
  let s = offset;
  let e = offset;
  while (s > 0 && /[\w]/.test(text[s - 1])) s--;
  while (e < text.length && /[\w]/.test(text[e])) e++;
  return { word: text.slice(s, e), start: s, end: e };
}

export function yamlHover(ctx: ServerContext, lib: Library, file: string, offset: number): Hover | null {
  const md = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value } });
  for (const p of lib.paramList) {
    if (p.file !== file) continue;
    if (containsOffset(p.range, offset)) {
      const value = paramMarkdown(lib, p.name);
      return value ? { ...md(value), range: toRange(p.range) } : null;
    }
    const entry = p.values.find((e) => containsOffset(e.range, offset));
    if (entry) {
      const rv = lib.params.entries(p.name).find((r) => r.year === entry.year);
      const lines = [`**${p.name}** in ${formatFiscalYear(entry.year)}`, ''];
      if (entry.unknown) lines.push('Value: unknown (no value in force from this year)');
      else if (rv) lines.push(`Value: ${formatValue(rv.unit, rv.value, rv.text)}${rv.derived ? ' (derived)' : ''}`);
      else lines.push('Value: not resolved (see the diagnostics)');
      lines.push(`Status: ${entry.status === 'unconfirmed' ? '⚠ unconfirmed' : 'confirmed'}`);
      if (entry.cite ?? p.cite) lines.push(`Cite: ${entry.cite ?? p.cite}`);
      if (entry.note) lines.push('', entry.note);
      return { ...md(lines.join('\n')), range: toRange(entry.range) };
    }
  }
  const text = ctx.index.text(file) ?? '';
  const w = wordRange(text, offset);
  if (w.word && lib.params.get(w.word)) {
    const value = paramMarkdown(lib, w.word);
    if (value) return md(value);
  }
  return null;
}
