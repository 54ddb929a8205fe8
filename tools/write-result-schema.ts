/**
 * `npm run schemas`: writes schemas/result.schema.json from the result
 * contract (src/run/result.ts), schemas/batch.schema.json from the batch
 * contracts (src/batch/contract.ts, compare-contract.ts, project-contract.ts:
 * batch, compare-batch and project-batch.schema.json) and schemas/projection.schema.json from the
 * projection contract (src/project/result.ts), with the bundled rule library's
 * enums. The files are generated: edit the contract, then run this.
 */
import { writeFileSync } from 'node:fs';
import { formatDiagnostic, hasErrors } from '../src/core/diagnostics.js';
import { bundledRules } from '../src/cli/paths.js';
import { resultSchemaPath, resultSchemaText } from '../src/run/result-schema.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import { BATCH_KINDS, batchSchemaPath, batchSchemaText } from '../src/batch/schema.js';
import { projectionSchemaPath, projectionSchemaText } from '../src/project/result-schema.js';

const lib = await loadLibrary([bundledRules()]);
if (hasErrors(lib.diagnostics)) {
  process.stderr.write(`the rule library has errors:\n${lib.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}\n`);
  process.exit(1);
}
for (const [path, text] of [[resultSchemaPath(), resultSchemaText(lib)], ...BATCH_KINDS.map((k) => [batchSchemaPath(k), batchSchemaText(lib, k)]), [projectionSchemaPath(), projectionSchemaText(lib)]]) {
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path}\n`);
}
