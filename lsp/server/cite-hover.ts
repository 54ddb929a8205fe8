/**
 * Hover on a citation — a `cite "…"` string of a rule file, or one
 * `;`-separated part of a parameter file's `cite:` — shows the source: its
 * title and URL (statute sections and chaptered bills: the derived leginfo
 * URL; register ids: the register entry), or why it resolves to nothing.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { citeOccurrences } from '../../src/semantics/citations.js';
import type { Library } from '../../src/semantics/library.js';
import { containsOffset, toRange } from './positions.js';

const md = (s: string): string => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function citeHover(lib: Library, file: string, offset: number): Hover | null {
  const occ = citeOccurrences(lib).find((c) => c.file === file && containsOffset(c.range, offset));
  if (!occ) return null;
  const lines: string[] = [];
  if (!occ.result.ok) {
    lines.push(`**citation** \`${occ.text.replace(/`/g, "'")}\``, '', `⚠ resolves to nothing: ${md(occ.result.message)}`);
  } else {
    const c = occ.result.citation;
    lines.push(`**${md(c.title)}**`, '', `<${c.url}>`);
    if (c.kind === 'source') {
      const e = c.entry;
      lines.push('', `${md(e.issuer)}${e.date ? ` · ${md(e.date)}` : ''}${e.chapter ? ` · ${md(e.chapter)}` : ''}`, '', md(e.establishes));
      if (e.mirror) lines.push('', `Copy read: <${e.mirror}>`);
      if (e.note) lines.push('', md(e.note));
    } else if (c.kind === 'statute') lines.push('', `Statute section, ${c.code} ${c.section} on leginfo.legislature.ca.gov`);
    else lines.push('', `Chaptered bill ${c.bill} on leginfo.legislature.ca.gov`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(occ.range) };
}
