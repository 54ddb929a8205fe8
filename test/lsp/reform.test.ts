/** The language server's workspace with a reform folder (`reformPath`): the reform is checked overlaid on the library, its diagnostics on its own files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { WorkspaceIndex } from '../../lsp/server/workspace-index.js';
import { ROOT } from '../helpers/library.js';

const REFORM = join(ROOT, 'examples/reforms/no-zero-alternative-rate');
const FILE = join(REFORM, 'transfer.lcff');

describe('WorkspaceIndex with a reform folder', () => {
  it('overlays the reform on the library and reports an error typed in the reform at its file, line and column', async () => {
    const index = new WorkspaceIndex();
    await index.scan([join(ROOT, 'rules')], REFORM);
    const lib = index.library();
    expect(lib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(lib.reform?.changes.map((c) => `${c.kind} ${c.what} ${c.name}`)).toEqual(['replaced rule transfer.alternative_rate_concurred 2019-20 onward']);
    // the editor changes the reform: amount given an ADA instead of Money
    const text = readFileSync(FILE, 'utf8').replace('amount = transfer_amount(transfer_line.ada, transfer_line.alternative_rate, transfer_line.amount_places)', 'amount = transfer_line.ada');
    index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', 1, text));
    const errors = index.library().diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.range.start.line} ${d.code}`)).toEqual([`${FILE}:21 LCFF-E023`]);
  });

  it('without a reform folder, the reform opened alone is not overlaid', async () => {
    const index = new WorkspaceIndex();
    await index.scan([join(ROOT, 'rules')]);
    expect(index.library().reform).toBeUndefined();
  });
});
