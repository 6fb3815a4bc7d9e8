import { useMemo } from 'react';
import { Empty, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorSeries } from '@lantu/core';
import { Chart } from '../../../ui/Chart';
import { progressChartOption } from '../charts/progressChart';
import { useFormat } from '../format';

interface Props {
  indicator: Indicator;
  series: IndicatorSeries;
  /** The month of the business date in the indicator's year (its marker), or null outside it. */
  asOfMonth: number | null;
}

/** Time-phased target vs actual to date vs forecast over the indicator's year. */
export function IndicatorChart({ indicator, series, asOfMonth }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const f = useFormat();
  const option = useMemo(
    () => progressChartOption(indicator, series, asOfMonth, t, f, token),
    // the language is in the deps so labels follow a switch
    [indicator, series, asOfMonth, t, f, token, i18n.language],
  );
  if (series.months.every((m) => m.actual === null && m.expected === null)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.chart.empty')} data-testid="indicator-chart" />;
  }
  return <Chart option={option} height={340} ariaLabel={t('indicators.chart.aria', { name: indicator.name })} testId="indicator-chart" />;
}
