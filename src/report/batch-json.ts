/**
 * A batch document (src/batch/contract.ts; compare-contract.ts and
 * project-contract.ts for `lcff compare` and `lcff project`) written as the runs arrive, so
 * no result is kept after it is written: the text is exactly
 * `JSON.stringify({ runs, summary }, null, 2)`, runs first (in input order),
 * the summary last.
 */
import type { BatchRun, BatchSummary } from '../batch/contract.js';

export class BatchJsonWriter<Run = BatchRun, Summary = BatchSummary> {
  private count = 0;

  constructor(private readonly write: (text: string) => void) {
    write('{\n  "runs": [');
  }

  run(run: Run): void {
    const text = JSON.stringify(run, null, 2).replace(/\n/g, '\n    ');
    this.write(`${this.count++ === 0 ? '' : ','}\n    ${text}`);
  }

  end(summary: Summary): void {
    this.write(`${this.count === 0 ? ']' : '\n  ]'},\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
  }
}
