// The report's one HTML page: a header, a table of contents and the sections, with its stylesheet
// inlined. No scripts and no external resources: the Content-Security-Policy forbids loading any.

import { escapeHtml } from './html.js';

export interface ReportSection {
  id: string;
  title: string;
  /** The section's body, already HTML (escaped where it holds user text). */
  html: string;
}

export interface ReportPage {
  title: string;
  /** One line under the title: what was run. */
  subtitle: string;
  sections: ReportSection[];
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d1d1d; background: #fff; margin: 0; }
main { max-width: 1060px; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
header { border-bottom: 2px solid #1f5f99; margin-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; border-bottom: 1px solid #ddd; padding-bottom: .25rem; }
.subtitle { color: #444; margin: 0 0 .75rem; }
nav ol { margin: .25rem 0 1rem; padding-left: 1.25rem; columns: 2; }
a { color: #1f5f99; }
table { border-collapse: collapse; width: 100%; font-size: .875rem; margin: .5rem 0 1rem; }
caption { text-align: left; color: #444; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #bbb; background: #f6f8fa; position: sticky; top: 0; }
tbody th[scope=rowgroup] { background: #eef3f8; font-size: .9rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
.mark { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .4rem; border-radius: .6rem; margin-right: .3rem; white-space: nowrap; }
.mark.fact { background: #dcefdc; color: #1b5e20; }
.mark.assumption { background: #fff1cc; color: #6d4c00; }
.mark.uncited { background: #f4d7d7; color: #7f1d1d; }
.mark.default { background: #e8e8e8; color: #333; }
.source { color: #444; }
.via { color: #666; font-size: .8rem; }
ul.citations { list-style: none; margin: 0; padding: 0; }
table.parameters td:nth-child(1) { width: 26%; word-break: break-word; }
table.parameters td:nth-child(2) { width: 18%; }
details { font-size: .8rem; color: #444; }
summary { cursor: pointer; color: #1f5f99; }
ul.citations li + li { margin-top: .25rem; }
figure.chart { margin: 1.5rem 0 2rem; }
figure.chart .plot { overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .875rem; color: #333; margin-top: .4rem; max-width: 60rem; }
p.note { color: #444; font-size: .9rem; }
div.wide { overflow-x: auto; }
@media print { thead th { position: static; } figure.chart { break-inside: avoid; } }
/* A phone: charts keep their drawn size (11-12 px text) and scroll sideways in their box rather than
   shrinking to 5 px text; a wide table scrolls in its own box; the page itself never scrolls sideways. */
@media (max-width: 700px) {
  main { padding: 1rem .6rem 3rem; }
  nav ol { columns: 1; }
  figure.chart .plot { overflow-x: auto; }
  figure.chart svg { max-width: none; }
  table { display: block; overflow-x: auto; max-width: 100%; }
  table.parameters td:nth-child(1), table.parameters td:nth-child(2) { width: auto; }
}
`;

export function renderPage(page: ReportPage): string {
  const toc = page.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  const body = page.sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-heading">\n<h2 id="${s.id}-heading">${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="mppsim report">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(page.title)}</h1>
<p class="subtitle">${escapeHtml(page.subtitle)}</p>
<nav aria-label="Contents"><ol>${toc}</ol></nav>
</header>
${body}
</main>
</body>
</html>
`;
}
