/**
 * `npm run schemas`: writes schemas/compare.schema.json from the comparison
 * contract (src/compare/result.ts). The file is generated: edit the
 * contract, then run this.
 */
import { writeFileSync } from 'node:fs';
import { compareSchemaPath } from '../src/compare/schema.js';
import { compareSchemaText } from '../src/compare/result.js';

const path = compareSchemaPath();
writeFileSync(path, compareSchemaText());
process.stdout.write(`wrote ${path}\n`);
