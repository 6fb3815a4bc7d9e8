import dayjs from 'dayjs';
import { type useTranslation } from 'react-i18next';

type TFn = ReturnType<typeof useTranslation>['t'];

/** `2021-02` → 2021年2月 / Feb 2021. */
export function periodText(t: TFn, period: string): string {
  const d = dayjs(`${period}-01`);
  return d.isValid() ? d.format(t('reporting.periodFormat')) : period;
}

/** An API timestamp in the reader's words, to the minute; a dash when absent. */
export function timeText(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** How a review step's moment shows: nothing yet, a date (with the recorded time beside), or only that it is done. */
export type StepShown = { kind: 'none' } | { kind: 'date'; date: string; at: string | null } | { kind: 'done'; at: string };

/**
 * A step's business date (`on`) where the report records one; else the timestamp's date, except in
 * a demo zone, where today's wall clock beside the seed page's business date would read oddly.
 */
export function stepShown(at: string | null, on: string | null, isDemo: boolean): StepShown {
  if (on) return { kind: 'date', date: on, at };
  if (!at) return { kind: 'none' };
  return isDemo ? { kind: 'done', at } : { kind: 'date', date: dayjs(at).format('YYYY-MM-DD'), at };
}

/** Share of filled lines, 0–100, one decimal. */
export function filledPercent(filled: number, total: number): number {
  return total === 0 ? 100 : Math.round((filled / total) * 1000) / 10;
}

/** A decimal string without trailing zeros, with thousands separators (1234.50 → 1,234.5). */
export function numberText(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}
