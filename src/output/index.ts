export { formatNumber } from './format.js';
export { toCsv, CsvStream, type Cell } from './csv.js';
export * from './tables.js';
export { keyFigures, formatTable } from './key-figures.js';
export { StagedOutput, OutputExistsError } from './output-dir.js';
