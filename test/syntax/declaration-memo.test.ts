/** The parser's declaration memo (src/syntax/declaration-memo.ts): reused declarations, shifted when text before them changed, equal to a full parse. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeclarationMemo } from '../../src/syntax/declaration-memo.js';
import { parseRuleFile } from '../../src/syntax/parse.js';
import { ROOT } from '../helpers/library.js';

const TEXT = readFileSync(join(ROOT, 'rules/county-programs/transfer.lcff'), 'utf8');

describe('declaration memo', () => {
  it('reuses every unchanged declaration, moved in place below an inserted line, and equals a full parse', () => {
    const memo = new DeclarationMemo();
    const first = parseRuleFile('t.lcff', TEXT, memo);
    const count = first.ast.declarations.length;
    expect(count).toBeGreaterThan(1);
    expect(memo.reused).toBe(0);
    const second = first.ast.declarations[1];
    const { line, offset } = second.range.start;
    const edited = `/// a new first line\n\n${TEXT}`;
    const again = parseRuleFile('t.lcff', edited, memo);
    expect(again).toEqual(parseRuleFile('t.lcff', edited));
    // the first declaration's docs changed: it is parsed again; every other one is the same object, two lines lower
    expect(memo.reused).toBe(count - 1);
    expect(memo.moved).toBe(count - 1);
    expect(again.ast.declarations[1]).toBe(second);
    expect(again.ast.declarations[1].range.start.line).toBe(line + 2);
    expect(again.ast.declarations[1].range.start.offset).toBe(offset + 22);
  });

  it('reuses a declaration after an edit below it without moving it', () => {
    const memo = new DeclarationMemo();
    const first = parseRuleFile('t.lcff', TEXT, memo);
    const again = parseRuleFile('t.lcff', `${TEXT}\n// the end\n`, memo);
    expect(memo.reused).toBe(first.ast.declarations.length);
    expect(memo.moved).toBe(0);
    expect(again.ast.declarations).toEqual(parseRuleFile('t.lcff', TEXT).ast.declarations);
  });

  it('parses a declaration with a syntax error again every time, so its messages are those of a full parse', () => {
    const memo = new DeclarationMemo();
    const broken = TEXT.replace(/\bend\b/, 'end )');
    const a = parseRuleFile('t.lcff', broken, memo);
    expect(a.diagnostics.length).toBeGreaterThan(0);
    const b = parseRuleFile('t.lcff', `${broken}\n`, memo);
    expect(b).toEqual(parseRuleFile('t.lcff', `${broken}\n`));
    expect(memo.reused).toBeLessThan(a.ast.declarations.length + 1);
  });
});
