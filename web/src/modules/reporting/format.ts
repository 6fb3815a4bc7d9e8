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
