/** Public API of the scenario stage. */
export { loadScenario, loadScenarioText, type LoadOptions, type LoadResult } from './load.js';
export { ScenarioCodes, type ScenarioCode } from './diagnostic-codes.js';
export { validateResult, validateScenarioJson } from './schema-check.js';
export * from './model.js';
export { scenarioValidators, vocabulariesOf, committedVocabularies, generateScenarioSchema, type Vocabularies } from './schema.js';
