import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportLine } from '@lantu/core';
import { needsNote } from '../lines';

/** Which lines the form shows: all, what still needs work (empty, unexplained, returned), or what the checks flagged. */
export const LINE_FILTERS = ['all', 'todo', 'flagged'] as const;
export type LineFilter = (typeof LINE_FILTERS)[number];

export function matchesFilter(filter: LineFilter, l: ReportLine): boolean {
  if (filter === 'todo') return !l.filled || needsNote(l) || l.returnReason !== null;
  if (filter === 'flagged') return l.flags.length > 0 || l.returnReason !== null;
  return true;
}

/** 全部 / 待处理 (n) / 有预警 (n). */
export function LineFilterSwitch({ value, lines, onChange }: { value: LineFilter; lines: ReportLine[]; onChange: (f: LineFilter) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<LineFilter>
      value={value}
      onChange={onChange}
      options={LINE_FILTERS.map((f) => ({
        value: f,
        label: f === 'all' ? t('reporting.lineFilter.all', { count: lines.length }) : t(`reporting.lineFilter.${f}`, { count: lines.filter((l) => matchesFilter(f, l)).length }),
      }))}
      data-testid="report-line-filter"
    />
  );
}
