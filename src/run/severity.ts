/**
 * The severities of findings, most severe first (also the order of the rule
 * library's `severity` enum): part of the result contract (result.ts
 * re-exports them), in a module of their own so that code writing results
 * does not load the contract's schema builder (TypeBox, ~200 modules).
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];
