export { formatNumber } from './format.js';
export { printable } from './printable.js';
export { toCsv, type Cell } from './csv.js';
export { CsvStream } from './csv-stream.js';
export * from './tables.js';
export { keyFigures, formatTable, formatComparison, type ComparisonLine } from './key-figures.js';
export { formatSweepTable, type SweepTablePoint } from './sweep-table.js';
export { StagedOutput, OutputExistsError, abandonAllStagedOutputs } from './output-dir.js';
export * from './experiment-tables.js';
export { dailyMeanCsv, dailyMeanCsvBytes, type VariantResults } from './daily-mean.js';
// The report (vega and its packages) is imported where it is used, so the CLI starts without it.
export { sizeCsv, calibrateCsv, fittedCsv, calibrateSearchCsv, type SizeCsvCandidate, type CalibrateCsvTarget } from './answer-tables.js';
