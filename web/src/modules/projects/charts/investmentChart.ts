import type { GlobalToken } from 'antd';
import type { useTranslation } from 'react-i18next';
import type { Project, ProjectProgress } from '@lantu/core';
import type { MoneyFormat } from '../format';
import type { ProjectChartOption } from './register';

type TFn = ReturnType<typeof useTranslation>['t'];

/** The next round axis value at or above v (1, 1.2, 1.5, 2 … 8 times a power of ten). */
function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((f) => f * p >= v) ?? 10) * p;
}

export interface InvestmentSeries {
  /** `2021-01` … `2021-12` of the project's year. */
  periods: string[];
  /** Completed in each month (null when nothing was reported). */
  monthly: (number | null)[];
  /** Cumulative actual up to each month, carried over months without a report, null after the business month. */
  cumulative: (number | null)[];
  /** What the cumulative should be: cumulative before the year + annual plan spread evenly over the months. */
  planned: number[];
}

/** The project's year month by month from its progress rows (the arithmetic of the chart, kept pure). */
export function investmentSeries(project: Pick<Project, 'year' | 'annualInvestment'>, progress: ProjectProgress[], asOf: string): InvestmentSeries {
  const periods = Array.from({ length: 12 }, (_, i) => `${project.year}-${String(i + 1).padStart(2, '0')}`);
  const sorted = [...progress].sort((a, b) => a.period.localeCompare(b.period));
  const before = sorted.filter((p) => p.period < periods[0]!).at(-1)?.cumulativeInvestment ?? 0;
  const byPeriod = new Map(sorted.map((p) => [p.period, p]));
  const asOfPeriod = asOf.slice(0, 7);
  const lastReported = sorted.filter((p) => p.period <= periods[11]!).at(-1)?.period ?? '';
  const shownUpTo = asOfPeriod > lastReported ? asOfPeriod : lastReported;
  let running = before;
  const cumulative = periods.map((period) => {
    const row = byPeriod.get(period);
    if (row) running = row.cumulativeInvestment;
    return period <= shownUpTo ? running : null;
  });
  return {
    periods,
    monthly: periods.map((p) => byPeriod.get(p)?.completedInvestment ?? null),
    cumulative,
    planned: periods.map((_, i) => Math.round(before + (project.annualInvestment * (i + 1)) / 12)),
  };
}

/**
 * Plan vs actual investment over the project's year: monthly completed bars (right axis),
 * cumulative actual against the planned cumulative (left axis) with the total investment as the
 * ceiling line, and the business month marked.
 */
export function investmentChartOption(project: Project, s: InvestmentSeries, asOf: string, t: TFn, m: MoneyFormat, token: GlobalToken): ProjectChartOption {
  const months = s.periods.map((p) => t('projects.chart.month', { m: Number(p.slice(5, 7)) }));
  const asOfIndex = s.periods.indexOf(asOf.slice(0, 7));
  const axisLabel = { color: token.colorTextSecondary, formatter: (v: number) => m.num(v) };
  return {
    textStyle: { fontFamily: token.fontFamily },
    grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
    legend: { top: 0, left: 'center', textStyle: { color: token.colorTextSecondary }, itemGap: token.marginLG },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? m.money(v) : '—') },
    xAxis: { type: 'category', data: months, axisLine: { lineStyle: { color: token.colorBorder } }, axisLabel: { color: token.colorTextSecondary, interval: 0 } },
    yAxis: [
      {
        type: 'value',
        name: t('projects.chart.cumulativeAxis'),
        nameTextStyle: { color: token.colorTextSecondary, align: 'left' },
        // room for the total investment line, which the data alone would not make
        max: (v: { max: number }) => niceCeil(Math.max(v.max, project.totalInvestment) * 1.05),
        axisLabel,
        splitLine: { lineStyle: { color: token.colorSplit } },
      },
      {
        type: 'value',
        name: t('projects.chart.monthlyAxis'),
        nameTextStyle: { color: token.colorTextSecondary, align: 'right' },
        axisLabel,
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: t('projects.chart.monthly'),
        type: 'bar',
        yAxisIndex: 1,
        data: s.monthly,
        barMaxWidth: 28,
        itemStyle: { color: token.colorPrimaryBorder, borderRadius: [token.borderRadiusSM, token.borderRadiusSM, 0, 0] },
      },
      {
        name: t('projects.chart.planned'),
        type: 'line',
        data: s.planned,
        symbol: 'none',
        lineStyle: { color: token.colorTextTertiary, width: 2, type: 'dashed' },
        itemStyle: { color: token.colorTextTertiary },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            {
              yAxis: project.totalInvestment,
              lineStyle: { color: token.colorError, width: 1.5 },
              label: { formatter: t('projects.chart.total', { value: m.money(project.totalInvestment) }), color: token.colorErrorText, position: 'insideEndTop' },
            },
            ...(asOfIndex >= 0
              ? [{ xAxis: months[asOfIndex], lineStyle: { color: token.colorPrimary, type: 'dotted' as const, width: 1 }, label: { formatter: t('projects.chart.asOf'), color: token.colorPrimary, position: 'end' as const } }]
              : []),
          ],
        },
      },
      {
        name: t('projects.chart.cumulative'),
        type: 'line',
        data: s.cumulative,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { color: token.colorPrimary, width: 3 },
        itemStyle: { color: token.colorPrimary },
        z: 3,
      },
    ],
  };
}
