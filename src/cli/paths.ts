/** Where the bundled rule library lives, from the source tree or the built dist/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'lcff-rules') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the lcff-rules package root');
    dir = up;
  }
}

export function bundledRules(): string {
  return join(packageRoot(), 'rules');
}
