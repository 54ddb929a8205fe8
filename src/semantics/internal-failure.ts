/** A failure of lcff itself on one file of a library, as a diagnostic of that file (LCFF-E039); loads no parser. */
import { NO_RANGE, type Diagnostic } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import { SemanticCodes } from './diagnostic-codes.js';

/** A diagnostic for a failure of lcff itself on a file (a bug), so the file's problem is visible where the user looks and nothing else stops. */
export function internalFailure(file: string, err: unknown, what: string): Diagnostic {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: SemanticCodes.internalFailure,
    severity: 'error',
    message: `lcff failed while ${what} (${excerpt(detail)}); this is a bug in lcff, please report it with this file. The rest of the rule library is checked without it`,
    file,
    range: NO_RANGE,
  };
}
