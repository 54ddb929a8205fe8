#!/usr/bin/env node
// `npm run schemas`: writes the generated parts of schemas/*.schema.json from
// their sources. schemas/scenario.schema.json: the enums marked
// "x-lcff-vocabulary" get the members of the bundled rule library's enums
// (rules/enums.lcff). A test fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { loadLibrary } = await import(`${root}dist/src/semantics/workspace.js`);
const { generateScenarioSchema, scenarioSchemaFile } = await import(`${root}dist/src/scenario/schema.js`);

const lib = await loadLibrary([`${root}rules`]);
const errors = lib.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) {
  console.error(`the rule library has ${errors.length} error(s); run lcff check rules/`);
  process.exit(1);
}
const file = scenarioSchemaFile();
const before = readFileSync(file, 'utf8');
const after = generateScenarioSchema(lib);
if (after === before) console.log(`${file}: up to date`);
else {
  writeFileSync(file, after);
  console.log(`${file}: written`);
}
