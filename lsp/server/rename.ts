/**
 * Rename, workspace-wide: every declaration and use of a formula, rule,
 * decision, output, enum, member, fact, facts group, parameter (its YAML key
 * too) or formula parameter. Keywords and built-ins are refused with a message.
 */
import { ResponseError, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { KEYWORDS } from '../../src/syntax/tokens.js';
import { SCALAR_NAMES } from '../../src/semantics/types.js';
import { locate, type ServerContext } from './context.js';
import { pathToUri, toRange } from './positions.js';
import { safe } from './safe.js';

const BUILTINS = new Set(['max', 'min', 'fiscal_year']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function wordAt(text: string, offset: number): string {
  let s = offset;
  let e = offset;
  while (s > 0 && /\w/.test(text[s - 1])) s--;
  while (e < text.length && /\w/.test(text[e])) e++;
  return text.slice(s, e);
}

function refuseReason(word: string): string | undefined {
  if ((KEYWORDS as readonly string[]).includes(word)) return `"${word}" is a keyword of the rule language and cannot be renamed`;
  if (BUILTINS.has(word)) return `"${word}" is built into the rule language and cannot be renamed`;
  if ((SCALAR_NAMES as readonly string[]).includes(word)) return `"${word}" is a built-in type and cannot be renamed`;
  return undefined;
}

function target(ctx: ServerContext, uri: string, position: { line: number; character: number }): { key: string; range: Range; text: string } {
  const at = locate(ctx, uri, position);
  if (!at) throw new ResponseError(0, 'this file is not part of the rule workspace');
  const word = wordAt(at.doc.getText(), at.offset);
  const reason = refuseReason(word);
  if (reason) throw new ResponseError(0, reason);
  const occ = ctx.index.occurrenceAt(at.file, at.offset);
  if (!occ) throw new ResponseError(0, word ? `"${word}" is not a name declared in the rule workspace` : 'there is no name here to rename');
  return { key: occ.key, range: toRange(occ.range), text: at.doc.getText(toRange(occ.range)) };
}

/** The name a rename at the position would change, or a ResponseError saying why there is none. */
export function prepareRenameAt(ctx: ServerContext, uri: string, position: { line: number; character: number }): { range: Range; placeholder: string } {
  const t = target(ctx, uri, position);
  return { range: t.range, placeholder: t.text };
}

export function renameEdits(ctx: ServerContext, uri: string, position: { line: number; character: number }, newName: string): WorkspaceEdit {
  const { key } = target(ctx, uri, position);
  const isFact = key.startsWith('fact:');
  const parts = isFact ? newName.split('.') : [newName];
  if (!parts.every((p) => NAME.test(p))) throw new ResponseError(0, `"${newName}" is not a valid name (letters, digits and _, not starting with a digit)`);
  const bad = parts.map(refuseReason).find((r) => r);
  if (bad) throw new ResponseError(0, `cannot rename to ${bad.replace(' and cannot be renamed', '')}`);
  const newKey = key.slice(0, key.lastIndexOf(key.includes('.') ? '.' : ':') + 1) + newName;
  if (!isFact && ctx.index.definitions(newKey).length > 0) throw new ResponseError(0, `"${newName}" is already declared`);
  const changes = Object.create(null) as Record<string, TextEdit[]>;
  for (const o of ctx.index.allOccurrences(key)) {
    (changes[pathToUri(o.file)] ??= []).push({ range: toRange(o.range), newText: newName });
  }
  return { changes };
}

export function registerRename(ctx: ServerContext): void {
  ctx.connection.onPrepareRename(safe(ctx, 'prepare rename', null, (p) => prepareRenameAt(ctx, p.textDocument.uri, p.position)));
  ctx.connection.onRenameRequest(safe(ctx, 'rename', null, (p) => renameEdits(ctx, p.textDocument.uri, p.position, p.newName)));
}
