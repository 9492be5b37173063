export { formatNumber } from './format.js';
export { toCsv, type Cell } from './csv.js';
export { CsvStream } from './csv-stream.js';
export * from './tables.js';
export { keyFigures, formatTable, formatComparison, type ComparisonLine } from './key-figures.js';
export { StagedOutput, OutputExistsError, abandonAllStagedOutputs } from './output-dir.js';
export * from './experiment-tables.js';
export { writeReport, ReportInputError, REPORT_FILE } from './report/index.js';
