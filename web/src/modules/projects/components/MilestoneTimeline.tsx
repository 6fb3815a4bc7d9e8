import { useMemo } from 'react';
import { Flex, Steps, Table, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES, stageIndex, type Milestone, type Project } from '@lantu/core';
import { Chart } from '../../../ui/Chart';
import { delayColor, milestoneChartOption } from '../charts/milestoneChart';
import { toChartOption } from '../charts/register';

interface Props {
  project: Project;
  asOfDate: string;
}

/** Where the project stands (steps), planned vs actual per stage on a time axis, and the dates as a table. */
export function MilestoneTimeline({ project, asOfDate }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const option = useMemo(
    () => toChartOption(milestoneChartOption(project.milestones, asOfDate, t, token)),
    // the language is in the deps so labels follow a switch
    [project.milestones, asOfDate, t, token, i18n.language],
  );
  const current = stageIndex(project.stage);
  const hasDates = project.milestones.some((m) => m.plannedDate ?? m.actualDate);
  const delay = (m: Milestone) => {
    if (m.delayDays === null) return <Typography.Text type="secondary">—</Typography.Text>;
    const text = m.delayDays > 0 ? t(m.actualDate ? 'projects.timeline.late' : 'projects.timeline.overdue', { count: m.delayDays }) : m.delayDays < 0 ? t('projects.timeline.early', { count: -m.delayDays }) : t('projects.timeline.onTime');
    return <span style={{ color: m.actualDate ? delayColor(token, m.delayDays) : token.colorError }}>{text}</span>;
  };
  return (
    <Flex vertical gap={token.marginMD} data-testid="milestone-timeline">
      <Steps
        size="small"
        // reached stages are finished; the step in progress is the next one, in error while a milestone is overdue
        current={current + 1}
        status={project.overdueDays > 0 ? 'error' : 'process'}
        items={PROJECT_STAGES.map((s) => {
          const m = project.milestones.find((x) => x.stage === s);
          return { title: t(`projects.stage.${s}`), content: m?.actualDate ?? m?.plannedDate ?? undefined };
        })}
        data-testid="project-stage-steps"
      />
      {hasDates && <Chart option={option} height={300} ariaLabel={t('projects.timeline.aria', { name: project.name })} testId="milestone-chart" />}
      <Table<Milestone>
        size="small"
        rowKey="stage"
        pagination={false}
        dataSource={PROJECT_STAGES.map((s) => project.milestones.find((m) => m.stage === s) ?? { stage: s, plannedDate: null, actualDate: null, delayDays: null })}
        onRow={(m) => ({ 'data-testid': `milestone-${m.stage}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'stage', title: t('projects.timeline.stage'), render: (_, m) => (stageIndex(m.stage) === current ? <Typography.Text strong>{t(`projects.stage.${m.stage}`)}</Typography.Text> : t(`projects.stage.${m.stage}`)) },
          { key: 'planned', title: t('projects.timeline.planned'), dataIndex: 'plannedDate', render: (d: string | null) => d ?? '—' },
          { key: 'actual', title: t('projects.timeline.actual'), dataIndex: 'actualDate', render: (d: string | null) => d ?? '—' },
          { key: 'delay', title: t('projects.timeline.delay'), render: (_, m) => delay(m) },
        ]}
      />
    </Flex>
  );
}
