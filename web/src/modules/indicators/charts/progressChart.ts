import type { GlobalToken } from 'antd';
import type { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorSeries } from '@lantu/core';
import type { ChartOption, LineSeriesOption } from '../../../ui/Chart';
import type { Formatter } from '../format';

type TFn = ReturnType<typeof useTranslation>['t'];

const num = (v: string | null) => (v === null ? null : Number(v));

/** Series names per kind: what "expected" and "actual" mean for this indicator. */
function names(t: TFn, kind: Indicator['kind']) {
  return {
    expected: t(`indicators.chart.expected.${kind}`),
    actual: t(`indicators.chart.actual.${kind}`),
    forecast: t('indicators.chart.forecast'),
  };
}

type MarkLineData = NonNullable<NonNullable<LineSeriesOption['markLine']>['data']>;

/** A limit's bound (at most / at least) and the business date as marker lines on the actual series. */
function markLines(ind: Indicator, asOfLabel: string | null, t: TFn, f: Formatter, token: GlobalToken): MarkLineData {
  const data: MarkLineData = [];
  if (asOfLabel) {
    data.push({
      xAxis: asOfLabel,
      lineStyle: { color: token.colorTextQuaternary, type: 'dotted', width: 1 },
      label: { formatter: t('indicators.chart.asOf'), color: token.colorTextTertiary, position: 'end' },
    });
  }
  if (ind.kind === 'limit' && ind.limitMode !== 'about') {
    data.push({
      yAxis: Number(ind.target),
      lineStyle: { color: token.colorError, type: 'solid', width: 1.5 },
      label: {
        formatter: t(ind.limitMode === 'at_least' ? 'indicators.chart.floor' : 'indicators.chart.ceiling', { value: f.qty(ind.target, ind.unitOfMeasure) }),
        color: token.colorErrorText,
        position: 'insideEndTop',
      },
    });
  }
  return data;
}

/** The band of an `about` limit ("3% 左右" → [2.5, 3.5]) as a shaded area. */
function bandArea(ind: Indicator, t: TFn, f: Formatter, token: GlobalToken): LineSeriesOption['markArea'] {
  if (ind.kind !== 'limit' || ind.limitMode !== 'about' || ind.bandLow === null || ind.bandHigh === null) return undefined;
  const u = ind.unitOfMeasure;
  return {
    silent: true,
    itemStyle: { color: token.colorSuccessBg, borderColor: token.colorSuccessBorder, borderWidth: 1 },
    label: { position: 'insideTopRight', color: token.colorSuccessText, formatter: t('indicators.chart.band', { low: f.qty(ind.bandLow, u), high: f.qty(ind.bandHigh, u) }) },
    data: [[{ yAxis: Number(ind.bandLow) }, { yAxis: Number(ind.bandHigh) }]],
  };
}

/**
 * The indicator page's chart over the 12 months: time-phased target (序时进度 / expected path),
 * actual to date (cumulative for amounts), the forecast to year end (dashed), a limit's bound
 * or band, and the business date.
 */
export function progressChartOption(ind: Indicator, series: IndicatorSeries, asOfMonth: number | null, t: TFn, f: Formatter, token: GlobalToken): ChartOption {
  const n = names(t, ind.kind);
  const u = ind.unitOfMeasure;
  const months = series.months.map((m) => t('indicators.month', { m: Number(m.period.slice(5, 7)) }));
  const hasExpected = ind.kind !== 'limit' && series.months.some((m) => m.expected !== null);
  const forecastColor = ind.evaluation.atRisk ? token.colorWarning : token.colorPrimary;
  const asOfLabel = asOfMonth !== null && asOfMonth >= 1 && asOfMonth <= 12 ? (months[asOfMonth - 1] ?? null) : null;
  const marks = markLines(ind, asOfLabel, t, f, token);

  const lines: LineSeriesOption[] = [];
  if (hasExpected) {
    lines.push({
      name: n.expected,
      type: 'line',
      data: series.months.map((m) => num(m.expected)),
      symbol: 'none',
      lineStyle: { color: token.colorTextTertiary, width: 2 },
      itemStyle: { color: token.colorTextTertiary },
      areaStyle: ind.kind === 'amount' ? { color: token.colorFillQuaternary } : undefined,
      z: 1,
    });
  }
  lines.push({
    name: n.actual,
    type: 'line',
    data: series.months.map((m) => num(m.actual)),
    symbol: 'circle',
    symbolSize: 8,
    lineStyle: { color: token.colorPrimary, width: 3 },
    itemStyle: { color: token.colorPrimary },
    label: { show: true, position: 'top', color: token.colorPrimary, formatter: (p) => f.num(p.value as number) },
    z: 3,
    markLine: marks.length ? { silent: true, symbol: 'none', data: marks } : undefined,
    markArea: bandArea(ind, t, f, token),
  });
  if (series.months.some((m) => m.forecast !== null)) {
    lines.push({
      name: n.forecast,
      type: 'line',
      data: series.months.map((m) => num(m.forecast)),
      symbol: 'none',
      lineStyle: { color: forecastColor, width: 2, type: 'dashed' },
      itemStyle: { color: forecastColor },
      z: 2,
    });
  }

  return {
    textStyle: { fontFamily: token.fontFamily },
    grid: { left: 16, right: 40, top: 64, bottom: 8, containLabel: true },
    legend: { top: 0, left: 'center', textStyle: { color: token.colorTextSecondary }, itemGap: token.marginLG },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : f.qty(v as number, u)),
    },
    xAxis: {
      type: 'category',
      data: months,
      boundaryGap: false,
      axisLine: { lineStyle: { color: token.colorBorder } },
      axisLabel: { color: token.colorTextSecondary, interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: u,
      nameTextStyle: { color: token.colorTextSecondary, align: 'right' },
      scale: ind.kind !== 'amount',
      // headroom above the highest point for its value label
      boundaryGap: ['0%', '12%'],
      axisLabel: { color: token.colorTextSecondary, formatter: (v: number) => f.num(v) },
      splitLine: { lineStyle: { color: token.colorSplit } },
    },
    series: lines,
  };
}
