/**
 * The canonical formatter of `.lcff` files, shared by `lcff fmt` and the
 * language server. Files with syntax errors are left alone (undefined): a
 * formatter must never guess at what a broken file means.
 */
import { hasErrors } from '../core/diagnostics.js';
import { MAX_SOURCE_CHARS } from '../syntax/limits.js';
import { parseRuleFile } from '../syntax/parse.js';
import { layout } from './format.js';

export function formatRuleText(text: string): string | undefined {
  if (text.length > MAX_SOURCE_CHARS) return undefined; // not read at all (LCFF-E009)
  const { diagnostics } = parseRuleFile('<format>', text);
  if (hasErrors(diagnostics)) return undefined;
  return layout(text);
}
