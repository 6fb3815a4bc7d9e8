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
