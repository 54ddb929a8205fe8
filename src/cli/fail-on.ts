/** `run --fail-on error|warning`: exit 1 when a finding of that severity or worse exists, so a pipeline stops. */
import type { FindingResult } from '../run/result.js';
import { EXIT } from './errors.js';

const RANK: Record<FindingResult['severity'], number> = { error: 2, warning: 1, info: 0 };

export function failOnExit(findings: Iterable<FindingResult>, failOn: 'error' | 'warning' | undefined): number {
  if (failOn === undefined) return EXIT.ok;
  const floor = RANK[failOn];
  let hits = 0;
  for (const f of findings) if (RANK[f.severity] >= floor) hits += 1;
  if (hits === 0) return EXIT.ok;
  process.stderr.write(`--fail-on ${failOn}: ${hits} finding${hits === 1 ? '' : 's'} of severity ${failOn}${failOn === 'warning' ? ' or error' : ''}\n`);
  return EXIT.findings;
}
