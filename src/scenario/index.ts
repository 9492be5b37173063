export * from './schema.js';
export { ScenarioError, formatProblem, type InputProblem } from './errors.js';
export { loadScenario, loadDocument, loadFacts, validateScenario, parseText, BUNDLED_FACTS_FILE } from './load.js';
export { maxGroupSize, pathExists } from './references.js';
export * from './calendar-dates.js';
