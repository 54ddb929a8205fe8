/** The names of the CDE-shaped reports (`lcff report <name>`), apart from the reports themselves so that `lcff --help` loads none of them. */
export const CDE_REPORT_NAMES = ['transfers', 'calpads-1.19', 'calpads-1.20', 'reconciliation'] as const;

export type CdeReportName = (typeof CDE_REPORT_NAMES)[number];

export const REPORT_NAMES: readonly string[] = CDE_REPORT_NAMES;
