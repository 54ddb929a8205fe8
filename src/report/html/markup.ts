/** HTML building blocks: every text goes through `esc`; tables with right-aligned figures and an optional totals row. */
import escape from 'escape-html';
import { dec, grouped, percentText, type Dec } from '../../runtime/money.js';

export const esc = (text: string | number): string => escape(String(text));

/** A table cell: text, or a figure (right-aligned, tabular digits; `cls` marks it, e.g. projected). Values are already formatted text. */
export type Cell = string | { n: string; cls?: string } | { html: string };

export const money = (v: string | Dec): Cell => ({ n: `$${grouped(dec(v), 2)}` });
export const ada = (v: string | Dec): Cell => ({ n: grouped(dec(v), 2) });
export const count = (v: number): Cell => ({ n: grouped(dec(v), 0) });
/** A fraction shown as a percent (0.5956 → 59.56%): UPP and rates are shown one way, as percents. */
export const percent = (v: string | Dec): Cell => ({ n: percentText(dec(v), 2) });
export const pctText = (v: string | Dec): string => percentText(dec(v), 2);
export const moneyText = (v: string | Dec): string => `$${grouped(dec(v), 2)}`;

function cell(c: Cell, tag: 'td' | 'th' = 'td'): string {
  if (typeof c === 'string') return `<${tag}>${esc(c)}</${tag}>`;
  if ('n' in c) return `<${tag} class="n${c.cls ? ` ${esc(c.cls)}` : ''}">${esc(c.n)}</${tag}>`;
  return `<${tag}>${c.html}</${tag}>`;
}

/** A table; `totals` is the last row, drawn as a totals row (its first cell names it). */
export function table(head: string[], rows: Cell[][], totals?: Cell[], cls = ''): string {
  const thead = `<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c)).join('')}</tr>`).join('')}</tbody>`;
  const foot = totals ? `<tfoot><tr class="total">${totals.map((c, i) => (i === 0 ? cell(c, 'th') : cell(c))).join('')}</tr></tfoot>` : '';
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}>${thead}${body}${foot}</table></div>`;
}

/** A report section: a heading, an optional line on what it is about, the content. */
export function section(id: string, title: string, note: string | undefined, content: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>${note ? `<p class="about">${esc(note)}</p>` : ''}${content}</section>`;
}
