/** A provenance for tests that render reports without the lcff command: the library's real hash, a fixed version and time. */
import { buildProvenance, type Provenance } from '../../src/run/provenance.js';
import type { UserSupplied } from '../../src/params/overrides.js';
import type { Library } from '../../src/semantics/library.js';
import { ROOT } from './library.js';

export function testProvenance(lib: Library, opts: { version?: string; ranAt?: Date; supplied?: readonly UserSupplied[]; unconfirmed?: number } = {}): Provenance {
  return buildProvenance({
    lib,
    roots: [`${ROOT}rules`],
    cwd: ROOT,
    path: 'rules',
    bundled: true,
    reform: null,
    supplied: opts.supplied ?? [],
    unconfirmed: opts.unconfirmed ?? 0,
    evaluator: 'engine',
    packageName: 'lcff-rules',
    version: opts.version ?? '0.0.0-test',
    ranAt: opts.ranAt ?? new Date('2026-01-02T03:04:05Z'),
    ranAtFrom: 'clock',
  });
}
