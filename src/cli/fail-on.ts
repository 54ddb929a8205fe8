/** `run --fail-on error|warning`: exit 1 when a finding of that severity or worse exists, so a pipeline stops. */
import type { FindingResult } from '../run/result.js';
import { EXIT } from './errors.js';

const RANK: Record<FindingResult['severity'], number> = { error: 2, warning: 1, info: 0 };

/** What --fail-on matched ("--fail-on error: 2 findings of severity error"), or undefined when nothing did. */
export function failOnHits(findings: Iterable<FindingResult>, failOn: 'error' | 'warning' | undefined): string | undefined {
  if (failOn === undefined) return undefined;
  const floor = RANK[failOn];
  let hits = 0;
  for (const f of findings) if (RANK[f.severity] >= floor) hits += 1;
  if (hits === 0) return undefined;
  return `--fail-on ${failOn}: ${hits} finding${hits === 1 ? '' : 's'} of severity ${failOn}${failOn === 'warning' ? ' or error' : ''}`;
}

export function failOnExit(findings: Iterable<FindingResult>, failOn: 'error' | 'warning' | undefined): number {
  const hits = failOnHits(findings, failOn);
  if (hits === undefined) return EXIT.ok;
  process.stderr.write(`${hits}\n`);
  return EXIT.findings;
}
