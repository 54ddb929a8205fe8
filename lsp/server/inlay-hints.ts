/**
 * Inlay hints: after each referenced parameter, its value in the fiscal year
 * chosen by the `lcff.fiscalYear` setting (`= 7,702`), with the member's
 * value for an index by a member (`base_grant_per_ada[k3]`), `(unconfirmed)`
 * when the value is, and `no value` when none is in force that year.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { formatFiscalYear } from '../../src/core/fiscal-year.js';
import { formatValue } from './hover.js';
import { editorYear, type ServerContext } from './context.js';
import { toRange, uriToPath } from './positions.js';
import { safe } from './safe.js';

export function inlayHints(ctx: ServerContext, uri: string, range: Range): InlayHint[] {
  const file = uriToPath(uri);
  if (!file.endsWith('.lcff')) return [];
  const lib = ctx.index.library();
  const text = ctx.index.text(file) ?? '';
  const year = editorYear(ctx);
  const out: InlayHint[] = [];
  for (const o of ctx.index.occurrences(file)) {
    if (o.isDefinition || !o.key.startsWith('param:')) continue;
    const r = toRange(o.range);
    if (r.start.line < range.start.line || r.start.line > range.end.line) continue;
    const name = o.key.slice('param:'.length);
    const rv = lib.params.valueInForce(name, year);
    let label: string;
    let position = r.end;
    if (!rv) label = `no value in ${formatFiscalYear(year)}`;
    else {
      let value = rv.value;
      const idx = /^\[\s*([A-Za-z_]\w*)\s*\]/.exec(text.slice(o.range.end.offset));
      if (value instanceof Map && idx && value.has(idx[1])) {
        value = value.get(idx[1])!;
        position = { line: r.end.line, character: r.end.character + idx[0].length };
      }
      label = `= ${formatValue(rv.unit, value, rv.text)}${rv.status === 'unconfirmed' ? ' (unconfirmed)' : ''}`;
    }
    out.push({ position, label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: `${name} in ${formatFiscalYear(year)}${rv ? ` (key year ${formatFiscalYear(rv.year)}; ${rv.cite})` : ''}` });
  }
  return out;
}

export function registerInlayHints(ctx: ServerContext): void {
  ctx.connection.languages.inlayHint.on(safe(ctx, 'inlay hints', [], (p) => inlayHints(ctx, p.textDocument.uri, p.range)));
}
