/**
 * `npm run schemas`: writes schemas/result.schema.json from the result
 * contract (src/run/result.ts), schemas/projection.schema.json from the
 * projection contract (src/project/result.ts), and the bundled rule library's enums. The file
 * is generated: edit the contract, then run this.
 */
import { writeFileSync } from 'node:fs';
import { formatDiagnostic, hasErrors } from '../src/core/diagnostics.js';
import { bundledRules } from '../src/cli/paths.js';
import { resultSchemaPath, resultSchemaText } from '../src/run/result-schema.js';
import { loadLibrary } from '../src/semantics/workspace.js';
import { projectionSchemaPath, projectionSchemaText } from '../src/project/result-schema.js';

const lib = await loadLibrary([bundledRules()]);
if (hasErrors(lib.diagnostics)) {
  process.stderr.write(`the rule library has errors:\n${lib.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}\n`);
  process.exit(1);
}
const path = resultSchemaPath();
writeFileSync(path, resultSchemaText(lib));
process.stdout.write(`wrote ${path}\n`);
const projection = projectionSchemaPath();
writeFileSync(projection, projectionSchemaText(lib));
process.stdout.write(`wrote ${projection}\n`);
