/**
 * Isolation of requests: a failure of the server itself while answering one
 * request (a bug) is logged and answered with an empty result, so it never
 * takes down other requests or documents. Refusals meant for the user
 * (ResponseError, e.g. renaming a keyword) pass through.
 */
import { ResponseError } from 'vscode-languageserver';
import type { ServerContext } from './context.js';

export function safe<P, R>(ctx: ServerContext, what: string, fallback: R, fn: (params: P) => R): (params: P) => R {
  return (params) => {
    try {
      return fn(params);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      ctx.connection.console.error(`lcff: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}
