export interface ImportCounts {
  items: number;
  indicators: number;
  values: number;
}

/** What a successful Excel import saved. */
export interface ImportResult {
  ok: true;
  created: ImportCounts;
  updated: ImportCounts;
  /** Rows identical to what is stored. */
  unchanged: number;
  /** Value rows without any figure (the template's empty rows). */
  skipped: number;
}

/** What a successful project workbook import saved (projects or monthly progress rows). */
export interface ProjectImportResult {
  ok: true;
  created: number;
  updated: number;
  /** Rows identical to what is stored. */
  unchanged: number;
  /** Progress rows without any figure (the template's rows of projects not yet reported). */
  skipped: number;
}

/** What a successful report workbook import saved. */
export interface ReportImportResult {
  ok: true;
  /** Lines saved. */
  updated: number;
  /** Rows identical to the stored line. */
  unchanged: number;
}

/** One problem of a refused workbook: where it is, which field, the issue code, and a sentence in the caller's language. */
export interface ImportIssue {
  /** The sheet's name as the workbook shows it. */
  sheet: string;
  /** 1-based row; 0 for a problem of the whole workbook or sheet. */
  row: number;
  /** Column letter; '' when the problem is not in one column. */
  column: string;
  field: string;
  issue: string;
  message: string;
}

/**
 * The details of a refused Excel import (`validation_failed`), the same for plans, projects and
 * reports: every problem up to a limit, how many there were, and whether the list was cut.
 */
export interface ImportReport {
  ok: false;
  errors: ImportIssue[];
  total: number;
  truncated: boolean;
}
