import { Card, Col, Row, Skeleton, Statistic, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectStatus } from '@lantu/core';
import { useStatusColor } from '../../../ui/StatusTag';
import { useMoney } from '../format';

interface Props {
  /** Every project of the filtered list (all pages), or undefined while loading. */
  projects: Project[] | undefined;
  filtered: boolean;
  activeStatus: ProjectStatus | undefined;
  onStatus: (status: ProjectStatus | undefined) => void;
}

function totals(projects: Project[]) {
  const sum = (f: (p: Project) => number) => projects.reduce((s, p) => s + f(p), 0);
  const count = (s: ProjectStatus) => projects.filter((p) => p.status === s).length;
  return {
    count: projects.length,
    total: sum((p) => p.totalInvestment),
    annual: sum((p) => p.annualInvestment),
    ytd: sum((p) => p.yearToDate),
    red: count('red'),
    yellow: count('yellow'),
  };
}

/** Count and money of the whole filtered list (not only the page on screen), red and yellow counts as filters. */
export function ProjectSummary({ projects, filtered, activeStatus, onStatus }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colorOf = useStatusColor();
  const m = useMoney();
  if (!projects) {
    return (
      <Card size="small" data-testid="project-summary" aria-busy>
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      </Card>
    );
  }
  const s = totals(projects);
  const ratio = s.annual > 0 ? s.ytd / s.annual : null;
  const statusBox = (status: 'red' | 'yellow', value: number) => (
    <button
      type="button"
      onClick={() => onStatus(activeStatus === status ? undefined : status)}
      aria-pressed={activeStatus === status}
      data-testid={`project-summary-${status}`}
      style={{
        cursor: 'pointer',
        width: '100%',
        textAlign: 'start',
        font: 'inherit',
        background: activeStatus === status ? token.colorFillTertiary : 'transparent',
        border: `${token.lineWidth}px solid ${activeStatus === status ? colorOf(status) : 'transparent'}`,
        borderRadius: token.borderRadius,
        padding: 0,
      }}
    >
      <Statistic title={t(`projects.summary.${status}`)} value={value} styles={{ content: { color: colorOf(status) } }} />
    </button>
  );
  return (
    <Card size="small" data-testid="project-summary">
      <Row gutter={[token.marginLG, token.marginSM]} align="middle">
        <Col xs={12} md={4}>
          <Statistic title={filtered ? t('projects.summary.countFiltered') : t('projects.summary.count')} value={s.count} data-testid="project-summary-count" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('projects.summary.total')} value={m.money(s.total)} data-testid="project-summary-total" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('projects.summary.annual')} value={m.money(s.annual)} data-testid="project-summary-annual" />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('projects.summary.ytd')} value={m.money(s.ytd)} data-testid="project-summary-ytd" />
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            {t('projects.summary.ytdShare', { pct: m.pct(ratio) })}
          </Typography.Text>
        </Col>
        <Col xs={6} md={2}>{statusBox('red', s.red)}</Col>
        <Col xs={6} md={3}>{statusBox('yellow', s.yellow)}</Col>
      </Row>
    </Card>
  );
}
