import { useMemo } from 'react';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectProgress } from '@lantu/core';
import { Chart } from '../../../ui/Chart';
import { investmentChartOption, investmentSeries } from '../charts/investmentChart';
import { toChartOption } from '../charts/register';
import { useMoney } from '../format';

interface Props {
  project: Project;
  progress: ProjectProgress[];
  asOfDate: string;
}

/** Monthly completed investment, cumulative actual vs planned, and the total investment, over the project's year. */
export function InvestmentChart({ project, progress, asOfDate }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const m = useMoney();
  const option = useMemo(
    () => toChartOption(investmentChartOption(project, investmentSeries(project, progress, asOfDate), asOfDate, t, m, token)),
    // the language is in the deps so labels follow a switch
    [project, progress, asOfDate, t, m, token, i18n.language],
  );
  return <Chart option={option} height={320} ariaLabel={t('projects.chart.aria', { name: project.name })} testId="investment-chart" />;
}
