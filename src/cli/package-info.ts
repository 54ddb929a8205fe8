/** lcff-rules' own package.json (its name and version, for --version and every output's provenance). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export function packageInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  return { name: typeof pkg.name === 'string' ? pkg.name : 'lcff-rules', version: typeof pkg.version === 'string' ? pkg.version : 'unknown' };
}

export function packageVersion(): string {
  return packageInfo().version;
}
