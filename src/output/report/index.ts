export { writeReport, reportPage, REPORT_FILE } from './write-report.js';
export { ReportInputError } from './report-input-error.js';
export { renderChart, type ChartDefinition, type RenderedChart } from './render-chart.js';
export { renderPage, type ReportPage, type ReportSection } from './page.js';
