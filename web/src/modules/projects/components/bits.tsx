import { Progress, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectBatch, ProjectCategory, ProjectStage, ProjectStatus } from '@lantu/core';
import { useStatusColor } from '../../../ui/StatusTag';
import { useMoney } from '../format';

/** Tag presets as the shared StatusTag uses them (success / warning / error tokens). */
const LOOK: Record<ProjectStatus, { color: string; variant?: 'solid'; icon: React.ReactNode }> = {
  done: { color: 'success', variant: 'solid', icon: <CheckCircleFilled /> },
  green: { color: 'success', icon: <SyncOutlined /> },
  yellow: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  red: { color: 'error', icon: <ClockCircleOutlined /> },
};

type Judged = Pick<Project, 'status' | 'reasons' | 'overdueDays' | 'overdueStage' | 'investmentRatio'>;

/** Why a project is yellow or red, one sentence per reason. */
export function useReasonTexts(): (p: Judged) => string[] {
  const { t } = useTranslation();
  const m = useMoney();
  return (p) =>
    p.reasons.map((r) =>
      r === 'milestone_overdue'
        ? t('projects.reasons.milestone_overdue', { days: p.overdueDays, stage: p.overdueStage ? t(`projects.stage.${p.overdueStage}`) : '—' })
        : t('projects.reasons.investment_behind', { ratio: m.pct(p.investmentRatio) }),
    );
}

/** 已投产 / 正常 / 预警 / 滞后, with the reasons as a tooltip. */
export function ProjectStatusTag({ project, testId, compact = false }: { project: Judged; testId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const reasonsOf = useReasonTexts();
  const look = LOOK[project.status];
  const reasons = reasonsOf(project);
  const tag = (
    <Tag color={look.color} variant={look.variant} icon={compact ? undefined : look.icon} data-testid={testId} data-status={project.status} style={{ marginInlineEnd: 0 }}>
      {t(`projects.status.${project.status}`)}
    </Tag>
  );
  if (reasons.length === 0) return tag;
  return (
    <Tooltip title={<div data-testid="project-status-reasons">{reasons.map((r) => <div key={r}>{r}</div>)}</div>}>
      {tag}
    </Tooltip>
  );
}

export function StageTag({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation();
  return (
    <Tag color="processing" variant="outlined" data-stage={stage} style={{ marginInlineEnd: 0 }}>
      {t(`projects.stage.${stage}`)}
    </Tag>
  );
}

export function CategoryText({ category }: { category: ProjectCategory }) {
  const { t } = useTranslation();
  return <span data-category={category}>{t(`projects.category.${category}`)}</span>;
}

export function BatchTags({ batches }: { batches: readonly ProjectBatch[] }) {
  const { t } = useTranslation();
  if (batches.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      {batches.map((b) => (
        <Tag key={b} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {t(`projects.batch.${b}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** Year-to-date completed against the annual plan: a small bar in the status colour and both figures. */
export function YearToDate({ project }: { project: Pick<Project, 'yearToDate' | 'annualInvestment' | 'status'> }) {
  const { token } = theme.useToken();
  const colorOf = useStatusColor();
  const m = useMoney();
  const { yearToDate, annualInvestment } = project;
  const pct = annualInvestment > 0 ? Math.round((Math.min(1, yearToDate / annualInvestment) * 1000)) / 10 : 0;
  return (
    <div style={{ minWidth: 140 }}>
      <Typography.Text style={{ fontSize: token.fontSizeSM, whiteSpace: 'nowrap' }}>
        {m.money(yearToDate)} / {m.money(annualInvestment)}
      </Typography.Text>
      <Progress percent={pct} size={['100%', 6]} strokeColor={colorOf(project.status)} showInfo={false} style={{ marginBlock: 0 }} />
    </div>
  );
}
