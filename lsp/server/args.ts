/**
 * The language server's command line (`lcff-lsp`, `lcff lsp`): it talks LSP
 * over standard input/output only when asked to with `--stdio`; `--help`
 * prints the usage, anything else is a usage error (exit 2), never a stack
 * trace from the LSP library.
 */
export const LSP_USAGE = `Usage: lcff-lsp --stdio   (or: lcff lsp --stdio)

The lcff language server: diagnostics, completion, hover, go to definition,
references, rename, formatting and inlay hints for .lcff rule files and the
parameter YAML. Editors start it; it talks the Language Server Protocol over
standard input and output.

Options:
  --stdio      talk LSP over standard input/output (required)
  -h, --help   show this help

Examples:
  lcff-lsp --stdio                 # what an editor runs
  nvim: vim.lsp.start({ name = 'lcff', cmd = { 'lcff-lsp', '--stdio' } })
Editor setup: docs/editors.md
`;

/** What to do with these arguments: serve, print the help (exit 0), or a usage error (exit 2) with its message. */
export function lspArgs(args: readonly string[]): { action: 'serve' } | { action: 'help' } | { action: 'usage-error'; message: string } {
  if (args.includes('--help') || args.includes('-h')) return { action: 'help' };
  const unknown = args.filter((a) => a !== '--stdio');
  if (unknown.length > 0) return { action: 'usage-error', message: `lcff-lsp: unknown argument ${JSON.stringify(unknown[0]).slice(0, 80)}` };
  if (!args.includes('--stdio')) return { action: 'usage-error', message: 'lcff-lsp: the language server talks LSP over standard input/output: start it with --stdio (editors do this)' };
  return { action: 'serve' };
}

/** Serves, or prints the help or the usage error and exits (0 or 2). */
export function startFromArgs(args: readonly string[], serve: () => void): void {
  const what = lspArgs(args);
  if (what.action === 'serve') return serve();
  if (what.action === 'help') {
    process.stdout.write(LSP_USAGE);
    process.exitCode = 0;
    return;
  }
  process.stderr.write(`${what.message}\n\n${LSP_USAGE}`);
  process.exitCode = 2;
}
