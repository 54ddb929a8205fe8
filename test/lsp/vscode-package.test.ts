/** The VS Code client package: it contributes the language, grammar and setting, its grammar knows every keyword, and it builds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../src/syntax/tokens-info.js';
import { ROOT } from '../helpers/library.js';

const pkg = JSON.parse(readFileSync(`${ROOT}lsp/vscode/package.json`, 'utf8'));
const grammarText = readFileSync(`${ROOT}lsp/vscode/syntaxes/lcff.tmLanguage.json`, 'utf8');

describe('lsp/vscode', () => {
  it('contributes the lcff language, its grammar and the lcff.fiscalYear setting', () => {
    expect(pkg.contributes.languages[0]).toMatchObject({ id: 'lcff', extensions: ['.lcff'], configuration: './language-configuration.json' });
    expect(pkg.contributes.grammars[0]).toMatchObject({ language: 'lcff', scopeName: 'source.lcff' });
    expect(pkg.contributes.configuration.properties['lcff.fiscalYear'].pattern).toBe('^\\d{4}-\\d{2}$');
    const conf = JSON.parse(readFileSync(`${ROOT}lsp/vscode/language-configuration.json`, 'utf8'));
    expect(conf.comments.lineComment).toBe('//');
  });

  it('highlights every keyword of the language', () => {
    const grammar = JSON.parse(grammarText);
    expect(grammar.scopeName).toBe('source.lcff');
    const missing = KEYWORDS.filter((k) => !new RegExp(`\\b${k}\\b`).test(grammarText));
    expect(missing).toEqual([]);
  });

  it('runs the bundled server, declares its repository and license as the project does', () => {
    expect(pkg.main).toBe('./dist/extension.js');
    const root = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.license).toBe(root.license);
    expect(pkg.repository.url).toBe(root.repository.url);
    expect(pkg.repository.directory).toBe('lsp/vscode');
  });
});
