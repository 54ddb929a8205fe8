/**
 * chevrotain, the one place src/ loads it from. The package's entry
 * (lib/src/api.js) imports lodash-es module by module: about 680 files that
 * Node resolves and compiles on every start (~0.3–0.45 s, most of what a
 * parse costs a short command). The same package ships the same code as one
 * file, lib/chevrotain.mjs; this module loads that file from the package Node
 * would resolve `chevrotain` to (the nearest node_modules/chevrotain above
 * this file), and the package entry when it has none. Every other module
 * imports chevrotain's values from here, so there is one instance of it
 * (one EOF, one set of token categories).
 *
 * The language server's bundle (lsp/vscode/scripts/bundle.mjs) replaces this
 * module by `export * from 'chevrotain'`: a bundle is one file already.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Chevrotain from 'chevrotain';

/** lib/chevrotain.mjs of the package `chevrotain` resolves to from here, if that package ships it. */
function singleFileBuild(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'node_modules', 'chevrotain');
    if (existsSync(join(pkg, 'package.json'))) {
      const file = join(pkg, 'lib', 'chevrotain.mjs');
      return existsSync(file) ? file : undefined;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const file = singleFileBuild();
const chevrotain = (file ? await import(pathToFileURL(file).href) : await import('chevrotain')) as typeof Chevrotain;

export const { createToken, CstParser, EOF, Lexer, tokenMatcher } = chevrotain;
export type CstParser = Chevrotain.CstParser;
export type Lexer = Chevrotain.Lexer;
export type { CstElement, CstNode, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
