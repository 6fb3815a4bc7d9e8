import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type Actor, recordAudit } from '../../platform/audit.js';
import { type Locale, colLetter, pick } from '../exchange/exchange.columns.js';
import { numberToDecimal } from '../exchange/exchange.cells.js';
import { type Cell, addTable, fill, toBuffer } from '../exchange/exchange.workbook.js';
import { type LineFacts, type LineInfo, lineFacts, lineInfos } from './report-lines.read.js';
import { type ReportScope, assertCanRead } from './reporting.policy.js';
import { loadReport } from './reporting.rows.js';
import { reportLine } from './reporting.table.js';
import { type ColumnKey, KIND_LABELS, REPORT_COLUMNS, SHEET_NAME, entryKeys } from './report-workbook.columns.js';

/** A unit's report as a pre-filled workbook: one row per line, entry cells open, everything else protected. */

/** File names keep Chinese names but lose characters no file system accepts. */
// eslint-disable-next-line no-control-regex
const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);

/** A decimal that survives the trip through a binary float goes in as a number, any other as text. */
function decimalCell(s: string | null): Cell {
  if (s === null) return null;
  const n = Number(s);
  return numberToDecimal(n) === s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') ? n : s;
}

const ENTRY_FILL = 'FFFFFBE6';
/** Columns kept as text so Excel never turns an item code 1.10 into 1.1. */
const TEXT_KEYS = new Set<ColumnKey>(['id', 'kind', 'itemCode', 'label', 'code', 'unitOfMeasure', 'imageProgress', 'note', 'returnReason']);

function cellOf(key: ColumnKey, i: LineInfo, facts: LineFacts | undefined, locale: Locale): Cell {
  const l = i.line;
  switch (key) {
    case 'id': return l.id;
    case 'version': return l.version;
    case 'kind': return pick(KIND_LABELS[i.kind], locale);
    case 'itemCode': return i.itemCode;
    case 'label': return (i.kind === 'indicator' ? i.indicatorName : i.kind === 'project' ? i.projectName : i.itemTitle) ?? '';
    case 'code': return i.kind === 'indicator' ? i.indicatorCode : i.kind === 'project' ? i.projectCode : null;
    case 'unitOfMeasure': return i.kind === 'project' ? '万元' : i.kind === 'item' ? '%' : i.unitOfMeasure;
    case 'previous': return decimalCell(facts?.previous ?? null);
    case 'value': return decimalCell(l.value);
    case 'currentAmount': return decimalCell(l.currentAmount);
    case 'lastYearAmount': return decimalCell(l.lastYearAmount);
    case 'completedInvestment': return l.completedInvestment;
    case 'imageProgress': return l.imageProgress;
    case 'progress': return decimalCell(l.progress);
    case 'note': return l.note;
    case 'returnReason': return l.returnReason;
  }
}

/**
 * The report as an .xlsx in the caller's language: lines in report order with last month beside
 * the value; the hidden line id and version make the upload find and lock each line. The sheet is
 * protected (no password: it guards against slips, not people) with only the entry cells of each
 * line's kind open.
 * Audited as `report.export`.
 * @throws AppError not_found, forbidden (another unit's report)
 */
export async function reportWorkbook(db: DbOrTx, actor: Actor, scope: ReportScope, zoneId: string, reportId: string, locale: Locale): Promise<{ name: string; data: Buffer }> {
  const c = await loadReport(db, zoneId, reportId);
  assertCanRead(scope, c.report.unitId);
  const infos = await lineInfos(db, eq(reportLine.reportId, reportId));
  const facts = await lineFacts(db, c.cycle.period, infos);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lantu';
  const columns = REPORT_COLUMNS.map((k) => ({ header: pick(k.label, locale), width: k.width, ...(TEXT_KEYS.has(k.key) ? { numFmt: '@' } : {}) }));
  const rows = infos.map((i) => REPORT_COLUMNS.map((k) => cellOf(k.key, i, facts.get(i.line.id), locale)));
  const ws = addTable(wb, pick(SHEET_NAME, locale), columns, rows);
  REPORT_COLUMNS.forEach((k, n) => {
    if (k.hidden) ws.getColumn(n + 1).hidden = true;
  });
  infos.forEach((i, r) => {
    const open = new Set(entryKeys(i));
    REPORT_COLUMNS.forEach((k, n) => {
      if (!open.has(k.key)) return;
      const cell = ws.getCell(`${colLetter(n + 1)}${r + 2}`);
      cell.protection = { locked: false };
      fill(cell, ENTRY_FILL);
    });
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const name = `${safe(c.unitName)}-${c.cycle.period}-${pick(['月度填报', 'report'], locale)}.xlsx`;
  const data = await toBuffer(wb);
  await db.transaction((tx) => recordAudit(tx, actor, { action: 'report.export', objectType: 'unit_report', objectId: reportId, summary: { unitId: c.report.unitId, period: c.cycle.period, lines: infos.length } }));
  return { name, data };
}
