export * from './schema.js';
export { ScenarioError, formatProblem, type InputProblem } from './errors.js';
export { loadScenario, loadDocument, loadFacts, validateScenario, BUNDLED_FACTS_FILE } from './load.js';
export { parseText, parseFacts, validateScenarioWith } from './parse.js';
export { readInputFile, type InputRead } from './read-input.js';
export { maxGroupSize, pathExists } from './references.js';
export * from './calendar-dates.js';
export { inPeriod, peoplePerDayOn } from './dated.js';
export { bundledScenarios, bundledScenarioFile, bundledScenarioNames, BUNDLED_SCENARIOS_DIR, type BundledScenario } from './bundled.js';
