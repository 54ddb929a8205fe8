/** What the HTML report reads: the shared report input (src/report/report-input.ts). */
export type { ReportInput as HtmlInput } from '../report-input.js';
