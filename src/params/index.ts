/** The parameter stage: YAML parameter files → a fiscal-year table of cited, confidence-marked values. */
export type { DeriveSpec, DeriveStep, Parameter, ParamEntry, ParamStatus, ParamUnit, ParamValue, ResolvedValue } from './model.js';
export { PARAM_STATUSES, PARAM_UNITS } from './model.js';
export { ParamCodes, type ParamCode } from './diagnostic-codes.js';
export { loadParameterFile, PARAM_KEYS, ENTRY_KEYS, DERIVE_KEYS, UNKNOWN_WORD } from './load.js';
export { ParameterTable, resolveParameters, type ResolveOptions } from './resolve.js';
export { formatParamValue, formatUnitValue, parsePercentText, parseUnitValue } from './units.js';
export { applyOverrides, OverrideError, parseOverride, type OverrideSpec, type UserSupplied } from './overrides.js';
export { projectParameters, type AssumedCola, type ParameterProjection } from './projection.js';
